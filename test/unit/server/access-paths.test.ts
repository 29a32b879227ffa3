import http from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { baselineFromSeats } from '../../../main/engine/election';
import { startServer, type RunningServer } from '../../../main/server/server';
import { testShow, testTemplates } from '../../support/engine-fixture';

/**
 * Open to the network, the console page is for the control token alone. The
 * guard must judge the path the file server serves: decoded and normalised,
 * however the request spells it. And only the scheme the README documents
 * (`Authorization: Bearer TOKEN`) presents a token in the header.
 */
const CONSOLE_PAGE = 'CONSOLE-PAGE-FOR-THE-OPERATOR';
const tokens = { control: 'c'.repeat(32), readOnly: 'r'.repeat(32) };
let tmp: string;
let server: RunningServer;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'strapline-access-paths-'));
  const root = path.join(tmp, 'web');
  for (const dir of ['renderer', 'overlays', 'assets']) await mkdir(path.join(root, dir), { recursive: true });
  await writeFile(path.join(root, 'renderer', 'index.html'), `<!doctype html><title>${CONSOLE_PAGE}</title>`);
  await writeFile(path.join(root, 'overlays', 'output.html'), '<!doctype html><title>output</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  const engine = new Engine({ show: testShow(), baseline: baselineFromSeats([]), templates: testTemplates, now: () => 0 });
  server = await startServer({ engine, webRoot: root, host: '0.0.0.0', port: 0, constituencies: [], rehearsalSource: path.join(tmp, 'none.json'), tokens });
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** A raw request: fetch would normalise the path before it left. */
function raw(method: string, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: urlPath, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const SPELLINGS = [
  '/renderer%2findex.html',
  '/renderer%2Findex.html',
  '/%72enderer/index.html',
  '/assets/..%2frenderer%2findex.html',
  '/assets/%2e%2e%2frenderer/index.html',
  '/output/..%2f..%2frenderer/index.html',
];

describe('the console page, however its path is spelled', () => {
  it('is served to the control token (so the refusals below mean something)', async () => {
    for (const p of ['/', '/renderer/index.html', ...SPELLINGS]) {
      const r = await raw('GET', `${p}?token=${tokens.control}`);
      expect([p, r.status, r.body.includes(CONSOLE_PAGE)]).toEqual([p, 200, true]);
    }
  });

  it.each(SPELLINGS)('GET %s with the read-only token is 403', async (p) => {
    const r = await raw('GET', p, { authorization: `Bearer ${tokens.readOnly}` });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain(CONSOLE_PAGE);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('read-only') });
  });

  it.each(SPELLINGS)('GET %s with no token is 401', async (p) => {
    const r = await raw('GET', p);
    expect(r.status).toBe(401);
    expect(r.body).not.toContain(CONSOLE_PAGE);
  });

  it('is decoded once: a path the guard judges as another file is never served as the console page', async () => {
    // "%252f" decodes to "%2f": judged as the file "/renderer%2findex.html" (a watcher's), it must be served as that file (none), not decoded again.
    for (const p of ['/renderer%252findex.html', '/assets/..%252frenderer%252findex.html']) {
      const r = await raw('GET', p, { authorization: `Bearer ${tokens.readOnly}` });
      expect([p, r.status, r.body.includes(CONSOLE_PAGE)]).toEqual([p, 404, false]);
    }
  });

  it('refuses a path that cannot be decoded with 400, before any file is looked for', async () => {
    // (A raw backslash never gets here: the URL parser reads it as a slash for http.)
    for (const p of ['/renderer%2', '/%ff', '/renderer%5cindex.html', '/x%00']) {
      const r = await raw('GET', `${p}?token=${tokens.control}`);
      expect([p, r.status]).toEqual([p, 400]);
      expect(JSON.parse(r.body).error.message).toMatch(/cannot be decoded/);
    }
  });
});

describe('the Authorization header', () => {
  const state = (authorization: string) => raw('GET', '/api/state', { authorization });

  it('takes Bearer, in any case, with the token', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) expect((await state(`${scheme} ${tokens.control}`)).status).toBe(200);
    expect((await state(`Bearer ${tokens.readOnly}`)).status).toBe(200);
  });

  it.each([
    ['the bare control token', tokens.control],
    ['the bare read-only token', tokens.readOnly],
    ['Basic with the token', `Basic ${tokens.control}`],
    ['Bearer with no token', 'Bearer'],
    ['Bearer with two words', `Bearer ${tokens.control} x`],
  ])('refuses %s with 401 and says what a header must look like', async (_what, authorization) => {
    const r = await state(authorization);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('not "Bearer <access token>"') });
  });
});
