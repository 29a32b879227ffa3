import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERRORS, fail, type ErrorCode } from '../../../main/engine/errors';
import { AccessGuard } from '../../../main/server/access-guard';
import { requestUrl, sendError } from '../../../main/server/http-util';
import { RouteDispatcher } from '../../../main/server/route-dispatch';
import { ok, route, type Route } from '../../../main/server/route-table';
import { sitePath } from '../../../main/server/static-files';

/**
 * The dispatcher on its own, with a table of its own, through a real HTTP
 * server on a loopback port and the real access guard: the method check, the
 * JSON body and its schema, the query, who may call, and each error code's
 * status. The real table's routes are tested through the real server in
 * route-table.test.ts.
 */

const tokens = { control: 'c'.repeat(32), readOnly: 'r'.repeat(32) };
const handled: string[] = [];

const table: Route[] = [
  route({ method: 'GET', path: '/api/thing', access: 'watch', handle: ({ caller }) => (handled.push('get'), ok({ caller })) }),
  route({
    method: 'POST',
    path: '/api/thing',
    access: 'control',
    body: z.strictObject({ layer: z.enum(['bug', 'ticker']), seats: z.array(z.strictObject({ votes: z.number().int() })).default([]) }),
    handle: ({ body, caller }) => (handled.push('post'), ok({ body, caller })),
  }),
  route({
    method: 'GET',
    path: '/api/listed',
    access: 'watch',
    query: z.strictObject({ limit: z.coerce.number().int().min(1) }),
    handle: ({ query }) => ok(query),
  }),
  route({ method: 'POST', path: '/api/operator-only', access: 'operator', body: z.strictObject({}), handle: ({ caller }) => ok({ caller }) }),
  route({
    method: 'GET',
    path: '/api/fails',
    access: 'watch',
    query: z.object({ code: z.string() }),
    handle: ({ query }) => ({ error: fail(query.code as ErrorCode, `failed with ${query.code}`), extra: { report: 'beside' } }),
  }),
  route({
    method: 'GET',
    path: '/api/throws',
    access: 'watch',
    handle: () => {
      throw new Error('a bug of ours');
    },
  }),
];

interface Served {
  server: Server;
  port: number;
}
async function serve(withTokens: boolean): Promise<Served> {
  let port = 0;
  const guard = new AccessGuard(withTokens ? tokens : null, () => port);
  const dispatcher = new RouteDispatcher(table, guard);
  const server = createServer((req, res) => {
    const url = requestUrl(req.url)!;
    const site = sitePath(url.pathname);
    if (site === null) return sendError(res, fail('INVALID_REQUEST', 'undecodable'));
    void dispatcher.dispatch(req, res, url, site).then((taken) => taken || sendError(res, fail('NOT_FOUND', `a file: ${site}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return { server, port };
}

let loopback: Served;
let open: Served;
beforeAll(async () => {
  [loopback, open] = await Promise.all([serve(false), serve(true)]);
});
afterAll(async () => {
  for (const s of [loopback, open]) await new Promise((resolve) => s?.server.close(resolve));
});

/** A raw request, so the path goes out exactly as written. */
function send(to: Served, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: any }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: to.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the method and the path', () => {
  it('a method the path does not take is a 405 naming the ones it does, in Allow', async () => {
    const r = await send(loopback, 'DELETE', '/api/thing');
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD, POST');
    expect(r.json.error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', number: 1306 });
    expect(r.json.error.message).toContain('/api/thing takes GET or HEAD or POST, not DELETE');
    const post = await send(loopback, 'GET', '/api/operator-only');
    expect([post.status, post.headers.allow]).toEqual([405, 'POST']);
  });

  it('a path under /api/ that no route has is a 404, never a file; other paths are left to the file server', async () => {
    expect((await send(loopback, 'GET', '/api/nothing')).json.error.message).toBe('No API route GET /api/nothing');
    expect((await send(loopback, 'GET', '/output')).json.error.message).toBe('a file: /output');
  });

  it('routes are found by the decoded, normalised path the guard and the file server see', async () => {
    expect((await send(loopback, 'GET', '/api%2fthing')).json).toEqual({ caller: 'operator' });
    expect((await send(loopback, 'GET', '/api/x/../thing')).json).toEqual({ caller: 'operator' });
  });

  it('a table naming one route twice does not start', () => {
    expect(() => new RouteDispatcher([table[0]!, table[0]!], new AccessGuard(null, () => 0))).toThrow('route GET /api/thing is in the table twice');
  });
});

describe('the body and the query', () => {
  it('takes a body that fits its schema, filling defaults, and gives the handler the parsed value', async () => {
    const r = await send(loopback, 'POST', '/api/thing', '\uFEFF{"layer":"bug"}');
    expect(r.json).toEqual({ body: { layer: 'bug', seats: [] }, caller: 'operator' });
  });

  it('a body that is not JSON is a 400 saying so, and the handler never runs', async () => {
    handled.length = 0;
    const r = await send(loopback, 'POST', '/api/thing', '{"layer": "bug"');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('INVALID_REQUEST');
    expect(r.json.error.message).toMatch(/^Body is not JSON/);
    expect(handled).toEqual([]);
  });

  it('a body failing its schema is a 400 naming the route and the field', async () => {
    handled.length = 0;
    const wrong = await send(loopback, 'POST', '/api/thing', JSON.stringify({ layer: 'bug', seats: [{ votes: 1 }, { votes: 1.5 }] }));
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/^\/api\/thing: seats\.1\.votes: /);
    const extra = await send(loopback, 'POST', '/api/thing', JSON.stringify({ layer: 'main', force: true }));
    expect(extra.json.error.message).toContain('layer: ');
    expect(extra.json.error.message).toContain('force');
    expect(handled).toEqual([]);
  });

  it('a query failing its schema is a 400 naming the field; the token is never part of it', async () => {
    const r = await send(loopback, 'GET', '/api/listed?limit=0');
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/^\/api\/listed query: limit: /);
    expect((await send(open, 'GET', `/api/listed?limit=3&token=${tokens.readOnly}`)).json).toEqual({ limit: 3 });
  });
});

describe('who may call', () => {
  it('open to the network: no token or a wrong one is a 401, with the scheme to use', async () => {
    for (const headers of [{}, bearer('x'.repeat(32)), { authorization: tokens.control }]) {
      const r = await send(open, 'GET', '/api/thing', undefined, headers);
      expect(r.status).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer realm="strapline"');
      expect(r.json.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('the read-only token watches but may not control (403), and the handler never runs', async () => {
    handled.length = 0;
    expect((await send(open, 'GET', '/api/thing', undefined, bearer(tokens.readOnly))).json).toEqual({ caller: 'read-only' });
    const r = await send(open, 'POST', '/api/thing', '{"layer":"bug"}', bearer(tokens.readOnly));
    expect(r.status).toBe(403);
    expect(r.json.error.message).toContain('the read-only token can watch but not control');
    expect(handled).toEqual(['get']);
    expect((await send(open, 'POST', '/api/thing', '{"layer":"bug"}', bearer(tokens.control))).json.caller).toBe('control');
  });

  it('an operator route is refused to the control token on an open server, however it arrives', async () => {
    const r = await send(open, 'POST', '/api/operator-only', '{}', bearer(tokens.control));
    expect(r.status).toBe(403);
    expect(r.json.error.message).toContain('for the operator at this machine alone');
  });

  it('on loopback the operator is whoever calls with no token; one showing a token may be a colleague through a tunnel', async () => {
    expect((await send(loopback, 'POST', '/api/operator-only', '{}')).json).toEqual({ caller: 'operator' });
    const tunnelled = await send(loopback, 'POST', '/api/operator-only', '{}', bearer(tokens.control));
    expect(tunnelled.status).toBe(403);
    expect((await send(loopback, 'POST', '/api/thing?token=anything', '{"layer":"bug"}')).json.caller).toBe('control');
  });
});

describe('errors and their statuses', () => {
  it.each(Object.keys(ERRORS) as ErrorCode[])('%s is answered with the status its code carries, and its number', async (code) => {
    const r = await send(loopback, 'GET', `/api/fails?code=${code}`);
    expect(r.status).toBe(ERRORS[code].status);
    expect(r.json).toEqual({ error: { code, number: ERRORS[code].number, message: `failed with ${code}` }, report: 'beside' });
  });

  it('clients can tell a bad request from a missing thing, a refusal and a fault of ours', () => {
    const status = (code: ErrorCode) => ERRORS[code].status;
    expect([status('INVALID_REQUEST'), status('INVALID_COMMAND'), status('INVALID_FIELDS')]).toEqual([400, 400, 400]);
    expect([status('UNKNOWN_CUE'), status('UNKNOWN_STACK'), status('UNKNOWN_SEAT')]).toEqual([404, 404, 404]);
    expect([status('DUPLICATE_ID'), status('STALE_TAKE'), status('NOTHING_IN_PREVIEW'), status('TAKE_TOO_SOON')]).toEqual([409, 409, 409, 409]);
    expect([status('BINDING_FAILED'), status('INTERNAL_ERROR'), status('UNAUTHORIZED'), status('FORBIDDEN')]).toEqual([422, 500, 401, 403]);
    const numbers = Object.values(ERRORS).map((e) => e.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('a handler that throws is a 500 INTERNAL_ERROR naming the route, and the server carries on', async () => {
    const r = await send(loopback, 'GET', '/api/throws');
    expect(r.status).toBe(500);
    expect(r.json.error).toMatchObject({ code: 'INTERNAL_ERROR', message: 'Internal error in GET /api/throws: a bug of ours' });
    expect((await send(loopback, 'GET', '/api/thing')).status).toBe(200);
  });
});
