import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ELECTION, ELECTIONS_DIR, REPO_ROOT, WEB_ROOT, startHeadless, type Headless } from '../../../../main/server/headless';
import { post } from '../../../support/server';

/**
 * The show remembers its election (issue 16 point 2), through the real headless start (what
 * `npm run serve` runs), the real server on loopback, and real files in a temporary data folder.
 */

const GE2017 = path.join(ELECTIONS_DIR, 'ge2017');
let root: string;
let n = 0;
const running: Headless[] = [];
beforeAll(async () => void (root = await mkdtemp(path.join(os.tmpdir(), 'strapline-show-election-'))));
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});
afterAll(async () => rm(root, { recursive: true, force: true }));

async function start(dataDir: string, extra: { electionDir?: string; showPath?: string } = {}) {
  const app = await startHeadless({ host: '127.0.0.1', port: 0, asRunPath: path.join(dataDir, 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir, ...extra });
  running.push(app);
  return app;
}
const stop = async (app: Headless) => {
  running.splice(running.indexOf(app), 1);
  await app.close();
};
const get = async (url: string) => (await fetch(url)).json();

/** A show on 2017 with the 2017 night imported, then stopped cleanly. */
async function savedOn2017(): Promise<string> {
  const dir = path.join(root, `d${(n += 1)}`);
  const app = await start(dir);
  expect((await post(`${app.server.url}/api/election`, { folder: GE2017 })).status).toBe(200);
  const file = path.join(GE2017, 'ge2017-constituency-results.csv');
  const res = await fetch(`${app.server.url}/api/import?format=commons-constituency&name=ge2017.csv`, { method: 'POST', body: await readFile(file, 'utf8') });
  expect(res.status).toBe(200);
  expect(app.engine.showSnapshot().show.election).toEqual({ folder: 'ge2017', name: 'General election 2017' });
  await stop(app);
  return dir;
}

describe('the show remembers its election', () => {
  it('a show saved on 2017 reopens on 2017 after a restart without --election, its night back from the journal', async () => {
    const dir = await savedOn2017();
    const app = await start(dir);
    expect(await get(`${app.server.url}/api/election`)).toMatchObject({ name: 'General election 2017', seatCount: 650 });
    const results = await get(`${app.server.url}/api/results`);
    expect(results.totals.seats).toMatchObject({ con: 317, lab: 262, snp: 35, ld: 12 });
  });

  it('a restart with --election on 2024 does not put the 2017 night on 2024, and says why', async () => {
    const dir = await savedOn2017();
    const app = await start(dir, { electionDir: DEFAULT_ELECTION });
    expect(await get(`${app.server.url}/api/election`)).toMatchObject({ name: 'General election 2024' });
    const seats = app.engine.resultsState().seats;
    expect([...seats.values()].filter((s) => s.state === 'declared')).toHaveLength(0);
    const notices = app.showFiles?.notices.join('\n') ?? '';
    expect(notices).toMatch(/not seats of General election 2024.*not replayed/);
    expect(notices).toMatch(/made for General election 2017/);
  });

  it('a version 3 show (no election in it) opens on the 2024 general election, and is saved with it', async () => {
    const dir = path.join(root, `d${(n += 1)}`);
    const showFile = path.join(root, `v3-${n}.json`);
    await writeFile(showFile, JSON.stringify({ format: 'strapline-show', version: 3, name: 'Old show', stacks: [{ id: 'a', name: 'A', cues: [] }] }));
    const app = await start(dir, { showPath: showFile });
    expect(await get(`${app.server.url}/api/election`)).toMatchObject({ name: 'General election 2024', seatCount: 650 });
    expect(app.engine.showSnapshot().show.election).toEqual({ folder: 'ge2024', name: 'General election 2024' });
  });

  it('a show opened from the console on another election opens that election; refused while a bound graphic is up, saying what to clear', async () => {
    const anglia = path.join(REPO_ROOT, 'seeds/anglia-2019-show.json');
    const app = await start(path.join(root, `d${(n += 1)}`));
    // The demo show's Clacton result on air: the switch is refused, the show opens, 2024 stays.
    expect((await post(`${app.server.url}/api/cue`, { cueId: 'ep-clacton-result' })).status).toBe(200);
    expect((await post(`${app.server.url}/api/take`, {})).status).toBe(200);
    expect((await post(`${app.server.url}/api/show/open`, { path: anglia })).status).toBe(200);
    expect(app.election.info().name).toBe('General election 2024');
    expect(app.showFiles?.notices.at(-1)).toMatch(
      'made for General election 2019; General election 2024 is still open: ' +
        'Cannot open General election 2019 while bound graphics are up: clear "Result: Clacton"',
    );
    // Cleared: opened again, the switch is made.
    expect((await post(`${app.server.url}/api/clear-all`, {})).status).toBe(200);
    await post(`${app.server.url}/api/show/new`, { name: 'Scratch' });
    expect(app.engine.showSnapshot().show.election?.folder).toBe('ge2024');
    expect((await post(`${app.server.url}/api/show/open`, { path: anglia })).status).toBe(200);
    expect(app.election.info().name).toBe('General election 2019');
    expect(app.showFiles?.notices.at(-1)).toMatch(/made for General election 2019: opened it in place of General election 2024/);
  });
});
