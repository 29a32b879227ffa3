/**
 * PA Media's XML feed through the real headless server on a loopback port: POST
 * /api/import?format=pa-xml, the drop folder, and GET /api/results's feedStateOfParties.
 * The files are PA-style test files written from the description (test/fixtures/pa).
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW, WEB_ROOT, startHeadless, type Headless } from '../../../main/server/headless';

const PA_DIR = fileURLToPath(new URL('../../fixtures/pa/', import.meta.url));
const ALDERSHOT = 'E14001063';

let app: Headless;
let dir: string;
let drop: string;
let url: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-pa-'));
  drop = path.join(dir, 'drop');
  await mkdir(drop);
  app = await startHeadless({
    showPath: DEMO_SHOW,
    host: '127.0.0.1',
    port: 0,
    asRunPath: path.join(dir, 'as-run.jsonl'),
    webRoot: WEB_ROOT,
    dropFolder: drop,
  });
  url = app.server.url;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

async function importPa(name: string) {
  const res = await fetch(`${url}/api/import?format=pa-xml&name=${name}`, { method: 'POST', body: await readFile(PA_DIR + name, 'utf8') });
  return { status: res.status, json: await res.json() };
}
const results = async () => (await fetch(`${url}/api/results`)).json();
const seatOf = async (code: string) => (await results()).seats.find((s: { onsCode: string }) => s.onsCode === code);

/** Polls until the condition holds (the drop folder settles on its own clock), failing with what it last saw. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

describe('PA XML on the server', () => {
  it('refuses a malformed file with its line and changes nothing', async () => {
    const before = app.engine.resultsSnapshot().resultsRevision;
    const r = await importPa('malformed.xml');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('INVALID_IMPORT');
    expect(r.json.report.errors[0]).toMatchObject({ file: 'malformed.xml', line: 8 });
    expect(app.engine.resultsSnapshot().resultsRevision).toBe(before);
  });

  it('POST /api/import?format=pa-xml applies a result: the winner named, GAIN judged on the baseline', async () => {
    const r = await importPa('Aldershot_result_2.xml');
    expect(r.status).toBe(200);
    expect(r.json.report).toMatchObject({ format: 'pa-xml', applied: 'all', seatsValid: 1 });
    const seat = await seatOf(ALDERSHOT);
    expect(seat).toMatchObject({ state: 'declared', revision: 2, gain: true, majority: 5_683, outcome: 'Lab gain from Con' });
    expect(app.engine.resultsState().seats.get(ALDERSHOT)).toMatchObject({ candidates: [{ name: 'Alex Baker', partyId: 'lab' }, {}, {}, {}] });
  });

  it('an older revision of the same seat does not overwrite the newer one', async () => {
    const r = await importPa('Aldershot_result_1.xml');
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.json.detail)).toMatch(/stale/);
    expect(app.engine.resultsSnapshot().corrections).toEqual([]);
    expect(await seatOf(ALDERSHOT)).toMatchObject({ revision: 2, majority: 5_683 });
  });

  it('a recount marks the seat', async () => {
    expect((await importPa('Clacton_recount_1.xml')).status).toBe(200);
    expect(await seatOf('E14001174')).toMatchObject({ state: 'recount' });
  });

  it('the drop folder takes a rush as .xml and moves it into done/', async () => {
    await copyFile(PA_DIR + 'Peterborough_rush_1.xml', path.join(drop, 'Peterborough_rush_1.xml'));
    const seat = await until(
      () => seatOf('E14001425'),
      (s) => s?.state === 'rush',
      'Peterborough after the drop',
    );
    expect(seat).toMatchObject({ state: 'rush', winner: 'lab' });
    await until(
      () => readdir(path.join(drop, 'done')).catch((): string[] => []),
      (names) => names.includes('Peterborough_rush_1.xml'),
      'done/',
    );
  });

  it('a state of parties changes no seat, shows as feedStateOfParties with where it differs from our count', async () => {
    const before = app.engine.resultsSnapshot();
    expect((await results()).feedStateOfParties).toBeNull();
    await copyFile(PA_DIR + 'state_of_parties_3.xml', path.join(drop, 'state_of_parties_3.xml'));
    const after = await until(results, (r) => r.feedStateOfParties !== null, 'feedStateOfParties');
    expect(after.resultsRevision).toBe(before.resultsRevision);
    expect(after.totals.seats).toEqual(before.totals.seats);
    const feed = after.feedStateOfParties;
    expect(feed).toMatchObject({
      election: 'General Election 2024',
      revision: 3,
      seats: { lab: 2, con: 0, alliance: 0 },
      gains: { lab: 2 },
      losses: { con: 2 },
    });
    expect(typeof feed.receivedAt).toBe('number');
    // Strapline has Aldershot (a gain) and the Peterborough rush (a gain): Labour 2 seats, 2 gains, as the feed says.
    expect(after.totals.seats).toMatchObject({ lab: 2 });
    expect(feed.differences).toEqual([]);
  });

  it('an older state of parties is kept out; a differing newer one is flagged party by party', async () => {
    const older = (await readFile(PA_DIR + 'state_of_parties_3.xml', 'utf8'))
      .replace('revision="3"', 'revision="2"')
      .replace('totalSeats="2" gains="2"', 'totalSeats="9" gains="9"');
    const r1 = await fetch(`${url}/api/import?format=pa-xml&name=sop.xml`, { method: 'POST', body: older });
    expect(r1.status).toBe(200);
    expect((await results()).feedStateOfParties.seats.lab).toBe(2);
    const newer = older.replace('revision="2"', 'revision="4"');
    const r2 = await fetch(`${url}/api/import?format=pa-xml&name=sop.xml`, { method: 'POST', body: newer });
    expect(r2.status).toBe(200);
    const { feedStateOfParties } = await results();
    expect(feedStateOfParties.revision).toBe(4);
    expect(feedStateOfParties.differences).toEqual([
      { partyId: 'lab', figure: 'seats', feed: 9, strapline: 2 },
      { partyId: 'lab', figure: 'gains', feed: 9, strapline: 2 },
    ]);
  });

  it("the full result after the rush brings the figures, at the rush's revision", async () => {
    const xml = (await readFile(PA_DIR + 'Aldershot_result_2.xml', 'utf8'))
      .replace('revision="2"', 'revision="1"')
      .replace('number="7" name="Aldershot"', 'number="460" name="Peterborough"');
    const res = await fetch(`${url}/api/import?format=pa-xml&name=peterborough.xml`, { method: 'POST', body: xml });
    expect(res.status).toBe(200);
    expect(await seatOf('E14001425')).toMatchObject({ state: 'declared', revision: 1, majority: 5_683, outcome: 'Lab gain from Con' });
  });
});
