import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ELECTIONS_DIR, REPO_ROOT } from '../../../../main/server/headless';
import { post, startTestServer, type TestServer } from '../../../support/server';

/** The real headless server on loopback, its files in a temporary folder; the election files are real files. */
const SHARED = path.resolve(REPO_ROOT, '../shared/data');
const SYNTHETIC = path.join(REPO_ROOT, 'test/fixtures/elections/synthetic');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const get = async (url: string) => (await fetch(url)).json();
const importCsv = async (base: string, file: string) => {
  const res = await fetch(`${base}/api/import?format=commons-constituency&name=${path.basename(file)}`, { method: 'POST', body: await readFile(file, 'utf8') });
  return { status: res.status, json: await res.json() };
};

describe('an election is a folder: /api/election', () => {
  it('a synthetic election of three seats and made-up parties: opened, imported with its candidates, judged on its own baseline', async () => {
    server = await startTestServer({ election: SYNTHETIC });
    expect(await get(`${server.url}/api/election`)).toMatchObject({
      name: 'Synthetic general election',
      date: '2029-05-04',
      kind: 'general',
      seatCount: 3,
      hexLayout: null,
      baselineSource: 'the made-up previous election',
    });
    expect((await get(`${server.url}/api/constituencies`)).constituencies.map((c: { name: string }) => c.name).sort()).toEqual([
      'Lleuad',
      'Moonbury',
      'Sunford',
    ]);
    const r = await importCsv(server.url, path.join(SYNTHETIC, 'night.csv'));
    expect(r.status).toBe(200);
    const results = await get(`${server.url}/api/results`);
    expect(results.totals.seats).toEqual({ sun: 2, lab: 1 });
    expect(results.totals.netChange).toEqual({ sun: 1, lab: 1, moon: -2 });
    const moonbury = results.seats.find((s: { name: string }) => s.name === 'Moonbury');
    expect(moonbury).toMatchObject({ outcome: 'SUN gain from MOON', gain: true, majority: 4000 });
    // The constituency file has no names: the election's candidate file gives them, and the time declared is the file's.
    const state = server.engine.resultsState().seats.get('E14900001');
    expect(state).toMatchObject({
      state: 'declared',
      declaredAt: '2029-05-05T00:30:00Z',
      candidates: [{ name: 'Ada Sunbeam', partyId: 'sun', partyName: 'Sun Party' }, {}, {}],
    });
  });

  it('refuses a file for other boundaries up front, with the count of seats it does not know, and applies none of it', async () => {
    server = await startTestServer();
    const r = await importCsv(server.url, path.join(SHARED, 'ge2017-constituency-results.csv'));
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/ge2017-constituency-results\.csv: 645 of its 650 seats are not seats of General election 2024 .*Nothing was applied/);
    expect((await get(`${server.url}/api/results`)).totals.declared).toBe(0);
  });

  it('opens 2017, then the by-election; an invalid folder changes nothing; a bound graphic in preview stops the switch', async () => {
    server = await startTestServer();
    const opened = await post(`${server.url}/api/election`, { folder: path.join(ELECTIONS_DIR, 'ge2017') });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ name: 'General election 2017', seatCount: 650, kind: 'general', replayable: true });
    const layout = await get(`${server.url}/api/hex-layout?key=${opened.json.hexLayout}`);
    expect(Object.keys(layout.hexes)).toHaveLength(650);
    // Now 2017's file is this election's night.
    const r = await importCsv(server.url, path.join(SHARED, 'ge2017-constituency-results.csv'));
    expect(r.status).toBe(200);
    expect((await get(`${server.url}/api/results`)).totals.seats).toEqual({
      con: 317,
      lab: 262,
      snp: 35,
      ld: 12,
      dup: 10,
      sf: 7,
      pc: 4,
      green: 1,
      speaker: 1,
      ind: 1,
    });

    const broken = await post(`${server.url}/api/election`, { folder: path.join(REPO_ROOT, 'test/fixtures/elections/broken') });
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toMatch(/broken\/election\.json, line 4, field "kind": Invalid option/);
    expect((await get(`${server.url}/api/election`)).name).toBe('General election 2017');
    expect((await get(`${server.url}/api/results`)).totals.declared).toBe(650);

    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-clacton-result' })).status).toBe(200);
    const refused = await post(`${server.url}/api/election`, { folder: path.join(ELECTIONS_DIR, 'runcorn-2025') });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe('Cannot open Runcorn and Helsby by-election while bound graphics are up: clear "Result: Clacton" in preview first');
    expect((await get(`${server.url}/api/election`)).name).toBe('General election 2017');

    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-landslide' })).status).toBe(200);
    const runcorn = await post(`${server.url}/api/election`, { folder: path.join(ELECTIONS_DIR, 'runcorn-2025') });
    expect(runcorn.json).toMatchObject({ name: 'Runcorn and Helsby by-election', seatCount: 1, hexLayout: null });
    // Every seat is pending again, on the new election's seats.
    expect((await get(`${server.url}/api/results`)).totals).toMatchObject({ seatCount: 1, declared: 0 });
  });
});
