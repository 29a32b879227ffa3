import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT, startHeadless, type Headless } from '../../../main/server/headless';
import { post } from '../../support/server';

/**
 * A recent-list entry whose file has gone is reported at the next start and
 * taken off the list (and off the data folder's copy of it), so the notice is
 * said once, not at every start after.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/shows/v1-election-night.json');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-recent-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const data = () => path.join(dir, 'data');
const start = (showPath?: string) =>
  startHeadless({ showPath, host: '127.0.0.1', port: 0, asRunPath: path.join(dir, 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir: data() });
const savedRecent = async () => (JSON.parse(await readFile(path.join(data(), 'show-store.json'), 'utf8')) as { recent: string[] }).recent;
const status = async (app: Headless) =>
  (await (await fetch(`${app.server.url}/api/show`)).json()) as { notices: string[]; recent: { path: string; exists: boolean }[]; file: string };
const GONE = /No longer on disk, so taken off the recent list/;

describe('stale recent-list entries', () => {
  it('are reported once, at the first start that finds them gone, and dropped for good', async () => {
    const [a, b, c, d] = ['a.json', 'b.json', 'current.json', 'sub/d.json'].map((f) => path.join(dir, f)) as [string, string, string, string];
    const keep = path.join(dir, 'keep.json');
    await mkdir(path.join(dir, 'sub'));
    await copyFile(FIXTURE, a);
    const first = await start(a);
    for (const target of [b, d, keep, c]) expect((await post(`${first.server.url}/api/show/save-as`, { path: target })).status).toBe(200);
    // An edit after the last Save As, so the current show has an autosave to come back from.
    expect((await post(`${first.server.url}/api/command`, { type: 'rename-stack', stackId: 'corner', name: 'Edited' })).status).toBe(200);
    await first.close();
    expect(await savedRecent()).toEqual([c, keep, d, b, a]);

    // a and b deleted; d's folder replaced by a file (ENOTDIR); the current show's own file deleted too.
    for (const f of [a, b, c]) await rm(f);
    await rm(path.join(dir, 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'sub'), 'not a folder');

    const second = await start();
    const said = await status(second);
    expect(said.notices.filter((m) => GONE.test(m))).toEqual([`No longer on disk, so taken off the recent list: ${d}, ${b}, ${a}`]);
    // The current show reopened from its autosave keeps its place: Save writes its file again.
    expect(said.file).toBe(c);
    expect(second.engine.showSnapshot().show.stacks.find((s) => s.id === 'corner')?.name).toBe('Edited');
    expect(said.recent).toEqual([
      { path: c, exists: false },
      { path: keep, exists: true },
    ]);
    await second.close();
    expect(await savedRecent()).toEqual([c, keep]);

    const third = await start();
    expect((await status(third)).notices.filter((m) => GONE.test(m))).toEqual([]);
    expect(third.showFiles!.store.recent).toEqual([c, keep]);
    await third.close();
  });

  it('are dropped when the last show itself has gone and the demo opens instead', async () => {
    const own = await mkdtemp(path.join(dir, 'demo-'));
    const file = path.join(own, 'gone.json');
    await copyFile(FIXTURE, file);
    const run = (showPath?: string) =>
      startHeadless({ showPath, host: '127.0.0.1', port: 0, asRunPath: path.join(own, 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir: path.join(own, 'data') });
    await (await run(file)).close();
    await rm(file);
    const second = await run();
    expect(second.showFiles!.notices).toEqual([
      expect.stringContaining(`The last show could not be opened (${file}: cannot be read (ENOENT))`),
      `No longer on disk, so taken off the recent list: ${file}`,
    ]);
    await second.close();
    const third = await run();
    expect(third.showFiles!.notices).toEqual([]);
    expect(third.showFiles!.store.recent).toEqual([]);
    await third.close();
  });
});
