import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { request } from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../../../main/server/headless';
import { emptyShow, type Show } from '../../../main/engine/show';
import { post, startTestServer, type TestServer } from '../../support/server';

/** The control API over real HTTP on loopback, against the demo show. */

let server: TestServer;
let t = Date.UTC(2024, 6, 4, 22, 0, 0);

beforeAll(async () => {
  server = await startTestServer({ now: () => t });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  // Each test starts from a clear air and an empty preview, past the take guard.
  t += 10_000;
  server.engine.dispatch({ type: 'clear-all' });
  // There is no "uncue": loading an empty show drops the preview, then the demo comes back.
  const show = JSON.parse(await readFile(DEMO_SHOW, 'utf8')) as Show;
  for (const s of [emptyShow('reset'), show]) {
    const r = server.engine.dispatch({ type: 'load-show', show: s });
    if (!r.ok) throw new Error(r.error.message);
  }
  expect(server.engine.programSnapshot().preview).toBeNull();
});

const api = (path: string) => `${server.url}/api/${path}`;
async function state() {
  const res = await fetch(api('state'));
  expect(res.status).toBe(200);
  return res.json();
}

describe('GET /api/state and /api/stacks', () => {
  it('state has the program snapshot, the show revision and name', async () => {
    const body = await state();
    expect(body).toEqual({
      revision: server.engine.programSnapshot().revision,
      program: {},
      preview: null,
      composition: { layers: {}, reserved: [] },
      at: t,
      showRevision: server.engine.showSnapshot().showRevision,
      showName: 'General Election 2024: East of England and Wales',
    });
  });

  it('stacks list each cue by id, title, template and layer, as in the demo show', async () => {
    const demo = JSON.parse(await readFile(DEMO_SHOW, 'utf8')) as Show;
    const res = await fetch(api('stacks'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      stacks: demo.stacks.map((s) => ({
        id: s.id,
        name: s.name,
        cues: s.cues.map((c) => ({ id: c.id, title: c.title, template: c.template, layer: c.layer })),
      })),
    });
    expect(demo.stacks.length).toBeGreaterThan(1);
  });
});

describe('playout routes', () => {
  it('cue then take without a cueId takes what is in preview', async () => {
    expect((await post(api('cue'), { cueId: 'wa-teetering' })).status).toBe(200);
    expect((await state()).preview.cueId).toBe('wa-teetering');
    const r = await post(api('take'), {});
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, revision: expect.any(Number) });
    expect((await state()).program['lower-third']).toMatchObject({ cueId: 'wa-teetering', step: 1 });
  });

  it('take with an empty body works like {}', async () => {
    await post(api('cue'), { cueId: 'ep-essex' });
    const res = await fetch(api('take'), { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await state()).program['lower-third']?.cueId).toBe('ep-essex');
  });

  it('take with nothing in preview is a 409 NOTHING_IN_PREVIEW (a refusal, not a bad request)', async () => {
    const r = await post(api('take'), {});
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'NOTHING_IN_PREVIEW', message: expect.any(String) });
  });

  it('take with a stale cueId is a 409 STALE_TAKE', async () => {
    await post(api('cue'), { cueId: 'wa-teetering' });
    const r = await post(api('take'), { cueId: 'ep-essex' });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('STALE_TAKE');
  });

  it('next, out and clear drive the layers', async () => {
    await post(api('cue'), { cueId: 'ep-landslide' });
    await post(api('take'), {});
    // The strap has one step: next is refused, and says so.
    const next = await post(api('next'), { layer: 'lower-third' });
    expect(next.status).toBe(409);
    expect(next.json.error.code).toBe('NO_NEXT_STEP');
    expect((await post(api('out'), { layer: 'lower-third' })).status).toBe(200);
    expect((await state()).program).toEqual({});
    t += 1_000;
    await post(api('cue'), { cueId: 'wa-32-seats' });
    await post(api('take'), {});
    expect(Object.keys((await state()).program)).toEqual(['lower-third']);
    expect((await post(api('clear'), {})).status).toBe(200);
    expect((await state()).program).toEqual({});
  });

  it('/api/command takes any command of the map, such as add-cue', async () => {
    const { showRevision } = await state();
    const r = await post(api('command'), { type: 'add-cue', stackId: 'wales', template: 'strap', cueId: 'wa-new', fields: { headline: 'New strap' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, showRevision: showRevision + 1 });
    const stacks = await (await fetch(api('stacks'))).json();
    const wales = stacks.stacks.find((s: { id: string }) => s.id === 'wales');
    expect(wales.cues.at(-1)).toEqual({ id: 'wa-new', title: 'New strap', template: 'strap', layer: 'lower-third' });
  });
});

describe('bad requests are refused and change nothing', () => {
  const cases: Array<{ name: string; path: string; body: string; code: string; status?: number }> = [
    { name: 'invalid JSON', path: 'cue', body: '{"cueId": "wa-teetering"', code: 'INVALID_REQUEST' },
    { name: 'JSON that is not an object', path: 'cue', body: '"wa-teetering"', code: 'INVALID_REQUEST' },
    { name: 'wrong shape on a shortcut', path: 'cue', body: '{"cueId": 7}', code: 'INVALID_REQUEST' },
    { name: 'an id with ..', path: 'cue', body: '{"cueId": "../wa-teetering"}', code: 'INVALID_REQUEST' },
    { name: 'unknown layer', path: 'out', body: '{"layer": "main"}', code: 'INVALID_REQUEST' },
    { name: 'extra field on next', path: 'next', body: '{"layer": "lower-third", "force": true}', code: 'INVALID_REQUEST' },
    { name: 'extra field on clear', path: 'clear', body: '{"all": true}', code: 'INVALID_REQUEST' },
    { name: 'extra field on take', path: 'take', body: '{"cueId": "wa-teetering", "now": true}', code: 'INVALID_REQUEST' },
    { name: 'wrong shape on command', path: 'command', body: '{"type": "cue"}', code: 'INVALID_COMMAND' },
    { name: 'unknown command', path: 'command', body: '{"type": "self-destruct"}', code: 'INVALID_COMMAND' },
    { name: 'extra field on command', path: 'command', body: '{"type": "cue", "cueId": "wa-teetering", "x": 1}', code: 'INVALID_COMMAND' },
    { name: 'unknown cue', path: 'cue', body: '{"cueId": "nope"}', code: 'UNKNOWN_CUE', status: 404 },
    {
      name: 'a cue id already used',
      path: 'command',
      code: 'DUPLICATE_ID',
      status: 409,
      body: '{"type": "add-cue", "stackId": "wales", "template": "strap", "cueId": "wa-teetering"}',
    },
    { name: 'an unknown stack', path: 'command', body: '{"type": "rename-stack", "stackId": "nope", "name": "x"}', code: 'UNKNOWN_STACK', status: 404 },
  ];
  it.each(cases)('$name on /api/$path -> $code', async ({ path, body, code, status = 400 }) => {
    const before = await state();
    const r = await post(api(path), body);
    expect(r.status).toBe(status);
    expect(r.json).toEqual({ error: { code, number: expect.any(Number), message: expect.any(String) } });
    expect(r.json.error.message.length).toBeGreaterThan(0);
    expect(await state()).toEqual(before);
  });

  it('a body over 1 MB is a 413 and nothing is added', async () => {
    const before = await state();
    const r = await post(api('command'), { type: 'add-stack', name: 'x'.repeat(1024 * 1024 + 10) });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await state()).toEqual(before);
  });
});

describe('routes and methods', () => {
  it('GET on a POST route is a 405 METHOD_NOT_ALLOWED that says, in Allow, to POST', async () => {
    for (const path of ['cue', 'take', 'next', 'out', 'clear', 'clear-all', 'command']) {
      const res = await fetch(api(path));
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow'), path).toBe('POST');
      expect((await res.json()).error.code).toBe('METHOD_NOT_ALLOWED');
    }
    const posted = await post(api('state'), {});
    expect([posted.status, posted.json.error.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });

  it('HEAD on a GET route answers as GET, without the body', async () => {
    const res = await fetch(api('state'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
  });

  it('POST /api/clear-all is clear-all, named as the command and the key are', async () => {
    await post(api('cue'), { cueId: 'wa-teetering' });
    await post(api('take'), {});
    expect(Object.keys((await state()).program)).toEqual(['lower-third']);
    const r = await post(api('clear-all'), {});
    expect(r.status).toBe(200);
    expect((await state()).program).toEqual({});
  });

  it('an unknown route is a 404, for GET and POST', async () => {
    const get = await fetch(api('nope'));
    expect(get.status).toBe(404);
    expect((await get.json()).error.code).toBe('NOT_FOUND');
    expect((await post(api('take/now'), {})).status).toBe(404);
    expect((await fetch(`${server.url}/no-such-page`)).status).toBe(404);
  });
});

describe('origin and binding', () => {
  it('a POST with a foreign Origin is a 403 and changes nothing', async () => {
    const before = await state();
    const r = await post(api('cue'), { cueId: 'wa-teetering' }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('FORBIDDEN');
    const clear = await post(api('command'), { type: 'delete-stack', stackId: 'wales' }, { origin: 'http://evil.example' });
    expect(clear.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('a POST from a lookalike origin on another port is refused', async () => {
    const r = await post(api('cue'), { cueId: 'wa-teetering' }, { origin: `http://127.0.0.1:${server.server.port + 1}` });
    expect(r.status).toBe(403);
  });

  it("a POST with the server's own Origin works", async () => {
    const r = await post(api('cue'), { cueId: 'wa-teetering' }, { origin: server.url });
    expect(r.status).toBe(200);
    expect((await state()).preview.cueId).toBe('wa-teetering');
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.server.url).toBe(`http://127.0.0.1:${server.server.port}`);
    expect(server.server.port).toBeGreaterThan(0);
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(external === undefined)(`refuses connections on this machine's other address (${external})`, async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const socket = net.connect(server.server.port, external!);
      socket.once('connect', () => {
        socket.destroy();
        resolve(null);
      });
      socket.once('error', resolve);
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });
});

describe('DNS rebinding', () => {
  it('refuses requests whose Host is not a loopback name while bound to loopback', async () => {
    const server = await startTestServer();
    try {
      const port = server.server.port;
      const statusFor = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/api/state', headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await statusFor(`evil.example:${port}`)).toBe(403);
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
      expect(await statusFor(`localhost:${port}`)).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
