import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_FILE, accessOf, loadOrCreateTokens } from '../../../main/server/access-token';
import { startTestServer, type TestServer } from '../../support/server';
import { airState } from '../../support/air-state';

/** The tokens file, and the rules the server applies once it is open to the network (bound to 0.0.0.0). */

describe('the tokens file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-tokens-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is made on first run, readable by this user only, and kept from one run to the next', async () => {
    const first = await loadOrCreateTokens(path.join(dir, 'a'));
    expect(first.notice).toMatch(/made new access tokens/);
    expect(first.tokens.control).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.tokens.control).not.toBe(first.tokens.readOnly);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateTokens(path.join(dir, 'a'));
    expect(again).toEqual({ ...first, notice: null });
  });

  it('tightens a copy with loose permissions back to 0600', async () => {
    const { file, tokens } = await loadOrCreateTokens(path.join(dir, 'b'));
    await chmod(file, 0o644);
    expect((await loadOrCreateTokens(path.join(dir, 'b'))).tokens).toEqual(tokens);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not JSON', '{"format":'],
    ['a short token', JSON.stringify({ format: 'strapline-access', version: 1, control: 'abc', readOnly: 'x'.repeat(32) })],
    ['the same token twice', JSON.stringify({ format: 'strapline-access', version: 1, control: 'y'.repeat(32), readOnly: 'y'.repeat(32) })],
  ])('replaces a damaged file (%s) with new tokens and says why', async (_what, text) => {
    const sub = path.join(dir, `bad-${_what.replace(/\W/g, '')}`);
    await loadOrCreateTokens(sub);
    await writeFile(path.join(sub, TOKEN_FILE), text);
    const loaded = await loadOrCreateTokens(sub);
    expect(loaded.notice).toMatch(/unreadable/);
    expect(JSON.parse(await readFile(loaded.file, 'utf8'))).toMatchObject(loaded.tokens);
  });

  it('tells the two tokens apart and refuses anything else, including a prefix of a real one', () => {
    const tokens = { control: 'c'.repeat(32), readOnly: 'r'.repeat(32) };
    expect(accessOf(tokens, tokens.control)).toBe('control');
    expect(accessOf(tokens, tokens.readOnly)).toBe('read-only');
    for (const bad of [undefined, '', 'c'.repeat(31), `${tokens.control}x`, tokens.control.toUpperCase()]) expect(accessOf(tokens, bad)).toBe('none');
  });
});

describe('open to the network', () => {
  let server: TestServer;
  let base: string;
  let control: string;
  let readOnly: string;
  beforeAll(async () => {
    server = await startTestServer({ host: '0.0.0.0' });
    base = `http://127.0.0.1:${server.server.port}`;
    ({ control, readOnly } = server.access!.tokens);
  });
  afterAll(() => server?.stop());

  const take = async (headers: Record<string, string>, query = '') => {
    const cue = await fetch(`${base}/api/cue${query}`, { method: 'POST', headers, body: JSON.stringify({ cueId: 'wa-teetering' }) });
    return { status: cue.status, body: (await cue.json()) as { error?: { code: string; message: string } } };
  };

  it('refuses a control request with no token or a wrong one: 401, a clear error, and nothing changes', async () => {
    const before = airState(server.engine);
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${control}` }, { cookie: 'strapline-token-1=x' }];
    for (const headers of attempts) {
      const r = await take(headers);
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/access token/) });
    }
    expect(airState(server.engine)).toEqual(before);
  });

  it('refuses the read-only token for control with 403, and lets it watch', async () => {
    const before = airState(server.engine);
    expect((await take({ authorization: `Bearer ${readOnly}` })).status).toBe(403);
    expect(airState(server.engine)).toEqual(before);
    expect((await fetch(`${base}/api/state?token=${readOnly}`)).status).toBe(200);
    expect((await fetch(`${base}/api/state`)).status).toBe(401);
    // The tokens themselves are for the operator alone.
    expect((await fetch(`${base}/api/access`, { headers: { authorization: `Bearer ${readOnly}` } })).status).toBe(403);
  });

  it('takes the control token by header, by ?token= or by the cookie a page was given', async () => {
    expect((await take({ authorization: `Bearer ${control}` })).status).toBe(200);
    expect((await take({}, `?token=${control}`)).status).toBe(200);
    const page = await fetch(`${base}/?token=${control}`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await take({ cookie: cookie.split(';')[0]! })).status).toBe(200);
    expect(server.engine.programSnapshot().preview?.cueId).toBe('wa-teetering');
  });

  it('serves the output page to either token, and the built assets to anyone', async () => {
    expect((await fetch(`${base}/output`)).status).toBe(401);
    expect((await fetch(`${base}/output?token=${readOnly}`)).status).toBe(200);
    expect((await fetch(`${base}/?token=${readOnly}`)).status).toBe(403);
    const html = await (await fetch(`${base}/output?token=${readOnly}`)).text();
    const asset = /src="([^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(new URL(asset, `${base}/overlays/output.html`))).status).toBe(200);
  });

  it('gives the console the links with the tokens for colleagues', async () => {
    const info = await (await fetch(`${base}/api/access?token=${control}`)).json();
    expect(info).toMatchObject({ open: true, controlToken: control, readOnlyToken: readOnly });
    expect(info.links[0].output).toContain(`/output?token=${readOnly}`);
    expect(info.links[0].console).toContain(`/?token=${control}`);
    // Producer view and gallery watch with the read-only token, and each link works with it.
    for (const page of ['producer', 'gallery'] as const) {
      expect(info.links[0][page]).toContain(`/${page}?token=${readOnly}`);
      expect((await fetch(info.links[0][page].replace(/^http:\/\/[^/]+/, base))).status).toBe(200);
    }
  });

  /** The handshake's answer: 101 when admitted, else the refusal's status. */
  const handshake = (query: string) =>
    new Promise<{ status: number; ws: WebSocket }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.server.port}/ws${query}`);
      ws.on('open', () => resolve({ status: 101, ws }));
      ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, ws }));
      ws.on('error', () => undefined);
    });

  it('asks the WebSocket for the same tokens: control for a console, either for an output', async () => {
    expect((await handshake('?role=console')).status).toBe(401);
    expect((await handshake(`?role=console&token=${readOnly}`)).status).toBe(403);
    expect((await handshake('?role=output')).status).toBe(401);
    const output = await handshake(`?role=output&token=${readOnly}`);
    const console = await handshake(`?role=console&token=${control}`);
    expect([output.status, console.status]).toEqual([101, 101]);
    output.ws.close();
    console.ws.close();
  });
});
