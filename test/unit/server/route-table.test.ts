import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsRunMemory } from '../../../main/server/as-run-api';
import type { ResultsApiContext } from '../../../main/server/results-api';
import { apiRoutes } from '../../../main/server/routes';
import type { ShowApiContext } from '../../../main/server/show-api';
import { airState } from '../../support/air-state';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * The real route table, through the real server opened to the network (so
 * every request shows a token), with a data folder so the show routes are on:
 * who may call each route is what the table says, and the table is the list
 * below (a route added without its line here fails the first test).
 */

const CONTROL = [
  'POST /api/cue',
  'POST /api/take',
  'POST /api/next',
  'POST /api/out',
  'POST /api/clear-all',
  'POST /api/clear',
  'POST /api/command',
  'POST /api/rehearsal',
  'POST /api/results',
  'POST /api/import',
  'POST /api/casparcg',
  'POST /api/show/new',
  'POST /api/show/open',
  'POST /api/show/save',
  'POST /api/show/save-as',
  'POST /api/show/restore',
  // It gives the tokens away: the control token alone.
  'GET /api/access',
];
const WATCH = [
  'GET /api/state',
  'GET /api/stacks',
  'GET /api/rehearsal',
  'GET /api/results',
  'GET /api/constituencies',
  'GET /api/as-run',
  'GET /api/show',
  'GET /api/show/recent',
  'GET /api/show/folders',
  'GET /api/gallery',
  'GET /api/producer',
  'GET /api/producer/on-air',
  'GET /api/templates',
  'GET /api/casparcg',
];

let server: TestServer;
let base: string;
let tokens: { control: string; readOnly: string };
beforeAll(async () => {
  server = await startTestServer({ host: '0.0.0.0', data: true });
  base = `http://127.0.0.1:${server.server.port}`;
  tokens = server.access!.tokens;
});
afterAll(() => server?.stop());

const call = (route: string, token: string) => {
  const [method, path] = route.split(' ') as [string, string];
  return fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}` }, ...(method === 'POST' ? { body: '{}' } : {}) });
};

describe('the route table', () => {
  it('is every route above, each once, with who may call it', () => {
    // Built only to be read: no handler runs, so the contexts need not be whole.
    const routes = apiRoutes({
      engine: server.engine,
      constituencies: [],
      asRun: new AsRunMemory(server.engine),
      results: {} as ResultsApiContext,
      showFiles: {} as ShowApiContext,
      access: () => ({ open: false, base }),
      rehearsalSource: 'unused.json',
      casparcg: server.server.casparcg,
    });
    const listed = (access: string) =>
      routes
        .filter((r) => r.access === access)
        .map((r) => `${r.method} ${r.path}`)
        .sort();
    expect(listed('control')).toEqual([...CONTROL].sort());
    expect(listed('watch')).toEqual([...WATCH].sort());
    expect(listed('operator')).toEqual([]);
  });

  it.each(CONTROL)('%s is refused to the read-only token with a 403, and nothing changes', async (route) => {
    const before = airState(server.engine);
    const res = await call(route, tokens.readOnly);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('read-only token can watch but not control') });
    expect(airState(server.engine)).toEqual(before);
  });

  it.each(WATCH)('%s answers the read-only token', async (route) => {
    const res = await call(route, tokens.readOnly);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('a route called with no token is a 401 before its body is read', async () => {
    const res = await fetch(`${base}/api/command`, { method: 'POST', body: '{"not json' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
  });

  it('from the network, Open and Save As are confined even for the control token (never the operator at this machine)', async () => {
    const folders = await (await call('GET /api/show/folders', tokens.control)).json();
    expect(folders.confined).toBe(true);
  });
});
