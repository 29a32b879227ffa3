import type { IncomingMessage } from 'node:http';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT, startHeadless, type Headless } from '../../../main/server/headless';
import { fromAfar, mustConfine } from '../../../main/server/show-folders';
import { post } from '../../support/server';
import { SHOW_FORMAT_VERSION } from '../../../main/engine/show';

/**
 * Open and Save As from the network reach only the data folder's shows/ and
 * the start show's folder; the operator on a loopback server keeps every path.
 * Real servers, real temp folders, real symlinks.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/shows/v1-election-night.json');
let root: string;
let n = 0;
const running: Headless[] = [];
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'strapline-confine-'));
});
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** start/night.json opened at start, data/ as the data folder, outside/ holding a show a colleague must not reach. */
async function setup(host: '0.0.0.0' | '127.0.0.1') {
  const dir = path.join(root, `case-${(n += 1)}`);
  const [start, data, outside] = ['start', 'data', 'outside'].map((f) => path.join(dir, f)) as [string, string, string];
  for (const f of [start, data, outside]) await mkdir(f, { recursive: true });
  await copyFile(FIXTURE, path.join(start, 'night.json'));
  await copyFile(FIXTURE, path.join(outside, 'victim.json'));
  const app = await startHeadless({
    showPath: path.join(start, 'night.json'),
    host,
    port: 0,
    asRunPath: path.join(dir, 'as-run.jsonl'),
    webRoot: WEB_ROOT,
    dataDir: data,
  });
  running.push(app);
  const auth: Record<string, string> = app.access ? { authorization: `Bearer ${app.access.tokens.control}` } : {};
  const base = `http://127.0.0.1:${app.server.port}`;
  const send = (route: string, body: unknown, via = base) => post(`${via}/api/show/${route}`, body, auth);
  /** Everything a refused request must leave alone. */
  const state = async () => ({
    show: app.engine.showSnapshot(),
    file: app.showFiles!.store.file,
    recent: [...app.showFiles!.store.recent],
    outside: await readdir(outside),
    start: await readdir(start),
    victim: await readFile(path.join(outside, 'victim.json'), 'utf8'),
    victimMtime: (await stat(path.join(outside, 'victim.json'))).mtimeMs,
  });
  return { app, start, data, outside, shows: path.join(data, 'shows'), send, base, state };
}

type Case = Awaited<ReturnType<typeof setup>>;

describe('show files from the network (server open, control token)', () => {
  it("saves into the data folder's shows/ (made on demand) and the start show's folder, and opens from them", async () => {
    const { app, start, shows, send } = await setup('0.0.0.0');
    await rm(shows, { recursive: true, force: true });
    const saved = await send('save-as', { path: path.join(shows, 'late.json') });
    expect(saved.status).toBe(200);
    expect(saved.json.file).toBe(path.join(shows, 'late.json'));
    expect(JSON.parse(await readFile(path.join(shows, 'late.json'), 'utf8')).version).toBe(SHOW_FORMAT_VERSION);
    expect((await send('save-as', { path: path.join(start, 'copy.json') })).status).toBe(200);
    expect((await send('open', { path: path.join(shows, 'late.json') })).json.file).toBe(path.join(shows, 'late.json'));
    expect(app.showFiles!.store.recent.slice(0, 2)).toEqual([path.join(shows, 'late.json'), path.join(start, 'copy.json')]);
  });

  it.each([
    ['a folder elsewhere', (c: Case) => path.join(c.outside, 'mine.json')],
    ['a subfolder of an allowed folder', (c: Case) => path.join(c.start, 'archive', 'mine.json')],
    ['the data folder itself (tokens, autosaves)', (c: Case) => path.join(c.data, 'mine.json')],
  ])('refuses Save As into %s with a 403 naming the path and the folders allowed, changing nothing', async (_what, where) => {
    const c = await setup('0.0.0.0');
    await mkdir(path.join(c.start, 'archive'));
    const target = where(c);
    const before = await c.state();
    const r = await c.send('save-as', { path: target, overwrite: true });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('FORBIDDEN');
    expect(r.json.error.message).toContain(target);
    expect(r.json.error.message).toContain(`directly in ${c.shows} or ${c.start}`);
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await c.state()).toEqual(before);
  });

  it('refuses to Open a show outside, or the tokens file, leaving the show on air as it was', async () => {
    const c = await setup('0.0.0.0');
    const before = await c.state();
    for (const file of [path.join(c.outside, 'victim.json'), path.join(c.data, 'access-tokens.json')]) {
      const r = await c.send('open', { path: file });
      expect(r.status).toBe(403);
      expect(r.json.error.message).toContain(file);
      expect(r.json.error.message).not.toContain(c.app.access!.tokens.control);
    }
    expect(await c.state()).toEqual(before);
  });

  it('follows symlinks: a link in shows/ to a file or a folder outside is refused, and so is a dangling one', async () => {
    const c = await setup('0.0.0.0');
    await mkdir(c.shows, { recursive: true });
    await symlink(path.join(c.outside, 'victim.json'), path.join(c.shows, 'link.json'));
    await symlink(c.outside, path.join(c.shows, 'escape'));
    await symlink(path.join(c.outside, 'new.json'), path.join(c.shows, 'dangling.json'));
    const before = await c.state();
    const linked = await c.send('save-as', { path: path.join(c.shows, 'link.json'), overwrite: true });
    expect(linked.status).toBe(403);
    expect(linked.json.error.message).toContain(`leads to ${path.join(c.outside, 'victim.json')}`);
    expect((await c.send('open', { path: path.join(c.shows, 'link.json') })).status).toBe(403);
    expect((await c.send('save-as', { path: path.join(c.shows, 'escape', 'x.json') })).status).toBe(403);
    const dangling = await c.send('save-as', { path: path.join(c.shows, 'dangling.json') });
    expect(dangling.status).toBe(403);
    expect(dangling.json.error.message).toContain('cannot be resolved (ENOENT)');
    expect(await c.state()).toEqual(before);
  });

  it('refuses ".." in a typed path with a 400, before anything is resolved', async () => {
    const c = await setup('0.0.0.0');
    const before = await c.state();
    const typed = `${c.shows}/../../outside/mine.json`;
    for (const route of ['save-as', 'open']) {
      const r = await c.send(route, { path: typed });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toContain(`"${typed}" contains ".."`);
    }
    expect(await c.state()).toEqual(before);
  });

  it('lets the read-only token do neither (the guard answers 403)', async () => {
    const c = await setup('0.0.0.0');
    const r = await post(`${c.base}/api/show/save-as`, { path: path.join(c.shows, 'ro.json') }, { authorization: `Bearer ${c.app.access!.tokens.readOnly}` });
    expect(r.status).toBe(403);
    await expect(stat(path.join(c.shows, 'ro.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('confines a request from this very machine (127.0.0.1) too: the start opened the server, the peer is not asked', async () => {
    const c = await setup('0.0.0.0');
    const before = await c.state();
    const r = await c.send('save-as', { path: path.join(c.outside, 'local.json') }, c.base);
    expect(r.status).toBe(403);
    expect(r.json.error.message).toContain(`directly in ${c.shows} or ${c.start}`);
    expect(await c.state()).toEqual(before);
    expect((await c.send('save-as', { path: path.join(c.shows, 'local.json') })).status).toBe(200);
  });

  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
  it.skipIf(lan === undefined)("confines a request that really arrives from the machine's network address", async () => {
    const c = await setup('0.0.0.0');
    const r = await c.send('save-as', { path: path.join(c.outside, 'lan.json') }, `http://${lan}:${c.app.server.port}`);
    expect(r.status).toBe(403);
    expect((await c.send('save-as', { path: path.join(c.shows, 'lan.json') }, `http://${lan}:${c.app.server.port}`)).status).toBe(200);
  });
});

describe('the operator on a loopback server', () => {
  it('still saves and opens anywhere a full path names', async () => {
    const c = await setup('127.0.0.1');
    const target = path.join(c.outside, 'mine.json');
    expect((await c.send('save-as', { path: target })).status).toBe(200);
    expect((await c.send('open', { path: path.join(c.outside, 'victim.json') })).status).toBe(200);
    expect(c.app.showFiles!.store.file).toBe(path.join(c.outside, 'victim.json'));
  });
});

describe('mustConfine', () => {
  const req = (remoteAddress: string) => ({ socket: { remoteAddress, localPort: 7300 }, headers: {} }) as unknown as IncomingMessage;
  const url = new URL('http://h/api/show/open');

  it('confines every peer, loopback and tokenless included, on a server opened to the network', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '192.0.2.9']) expect(mustConfine(req(a), url, true)).toBe(true);
  });

  it('on loopback only, asks fromAfar as before', () => {
    expect(mustConfine(req('127.0.0.1'), url, false)).toBe(false);
    expect(mustConfine(req('192.0.2.9'), url, false)).toBe(true);
  });
});

describe('fromAfar', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ socket: { remoteAddress, localPort: 7300 }, headers }) as unknown as IncomingMessage;
  const url = (q = '') => new URL(`http://h/api/show/open${q}`);

  it('is true for another address, or for loopback showing a token (a proxy or tunnel to an open server)', () => {
    expect(fromAfar(req('192.0.2.9'), url())).toBe(true);
    expect(fromAfar(req('fd00::9'), url())).toBe(true);
    expect(fromAfar(req('127.0.0.1', { authorization: 'Bearer x' }), url())).toBe(true);
    expect(fromAfar(req('::1'), url('?token=x'))).toBe(true);
    expect(fromAfar(req('::ffff:127.0.0.1', { cookie: 'strapline-token-7300=x' }), url())).toBe(true);
  });

  it('is false for loopback with no token, however it is written', () => {
    for (const a of ['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1']) expect(fromAfar(req(a), url())).toBe(false);
    // Another port's cookie is another server's.
    expect(fromAfar(req('127.0.0.1', { cookie: 'strapline-token-7301=x' }), url())).toBe(false);
  });
});
