import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../main/server/headless';
import { Rehearsal } from '../../../main/server/rehearsal';
import type { ProgramSnapshot } from '../../../main/engine/protocol';
import { post, startTestServer, type TestServer } from '../../support/server';
import { OFFICIAL_2024_SEATS } from '../../support/official-2024';

const SHARED = path.resolve(REPO_ROOT, '../shared/data');

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

async function importText(format: string, body: string, extra = '') {
  const res = await fetch(`${server.url}/api/import?format=${format}&name=upload.csv${extra}`, { method: 'POST', body });
  return { status: res.status, json: await res.json() };
}

describe('POST /api/import and GET /api/results', () => {
  it('imports the 2024 constituency file and gives the official totals, GAIN/HOLD and Peterborough', async () => {
    const csv = await readFile(path.join(SHARED, 'ge2024-constituency-results.csv'), 'utf8');
    const r = await importText('commons-constituency', csv);
    expect(r.status).toBe(200);
    expect(r.json.report).toMatchObject({ recordsRead: 650, seatsValid: 650, applied: 'all' });
    const results = await (await fetch(`${server.url}/api/results`)).json();
    expect(results.totals.declared).toBe(650);
    expect(results.totals.seats).toEqual(OFFICIAL_2024_SEATS);
    expect(results.totals.netChange.lab).toBe(211);
    const peterborough = results.seats.find((s: { name: string }) => s.name === 'Peterborough');
    expect(peterborough).toMatchObject({ outcome: 'Lab gain from Con', gain: true, majority: 118 });
    // Every seat's GAIN/HOLD agrees with the Result column of the official file.
    const official = new Map(
      csv
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => [line.split(',')[0], line]),
    );
    for (const seat of results.seats) expect(official.get(seat.onsCode)).toContain(seat.outcome);
  });

  it('refuses a bad file with its line and column and changes nothing', async () => {
    const csv = await readFile(path.join(SHARED, 'ge2024-constituency-results.csv'), 'utf8');
    const lines = csv.split('\n');
    lines[3] = lines[3]!.replace(/,(\d+),(\d+),(\d+),/, ',$1,12x4,$3,');
    const r = await importText('commons-constituency', lines.join('\n'));
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('INVALID_IMPORT');
    expect(r.json.report.applied).toBe('nothing');
    expect(r.json.report.errors[0]).toMatchObject({ file: 'upload.csv', line: 4 });
    expect(r.json.report.errors[0].column).toBeTruthy();
    expect(server.engine.resultsSnapshot().totals.declared).toBe(0);
  });

  it('applies only the valid rows when asked, with a report of the rest', async () => {
    const csv = await readFile(path.join(SHARED, 'ge2024-constituency-results.csv'), 'utf8');
    const lines = csv.split('\n');
    lines[3] = lines[3]!.replace(/,(\d+),(\d+),(\d+),/, ',$1,12x4,$3,');
    const r = await importText('commons-constituency', lines.join('\n'), '&apply=valid-rows');
    expect(r.status).toBe(200);
    expect(r.json.report).toMatchObject({ applied: 'valid-rows', seatsValid: 649, seatsRejected: 1 });
    expect(server.engine.resultsSnapshot().totals.declared).toBe(649);
  });

  it('refuses an unknown format before reading the body', async () => {
    const r = await importText('pdf', 'x');
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('format must be one of');
  });

  it('takes one seat through POST /api/results and holds a change to it as a correction', async () => {
    const seat = { onsCode: 'E14001425', revision: 1, state: 'declared', electorate: 73378, validVotes: 100, partyVotes: { lab: 60, con: 40 } };
    expect((await post(`${server.url}/api/results`, seat)).status).toBe(200);
    const changed = { ...seat, revision: 2, partyVotes: { lab: 40, con: 60 } };
    const r = await post(`${server.url}/api/results`, changed);
    expect(r.json.detail).toMatchObject({ correction: 1, applied: 0 });
    const snapshot = server.engine.resultsSnapshot();
    expect(snapshot.corrections.map((c) => c.onsCode)).toEqual(['E14001425']);
    expect(snapshot.totals.seats).toEqual({ lab: 1 });
  });
});

describe('rehearsal', () => {
  it('replays the whole 2024 night in order and ends with the official totals, marked as rehearsal', async () => {
    let now = 0;
    const rehearsal = new Rehearsal(server.engine, () => now, 1);
    rehearsal.start(await Rehearsal.fromFile(path.join(REPO_ROOT, 'seeds/reference/ge2024-results.json')), 60, true);
    const seen: number[] = [];
    const unsubscribe = server.engine.subscribe((e) => e.type === 'results' && seen.push(e.data.totals.declared));
    for (now = 0; now <= 61_000; now += 5_000) await new Promise((r) => setTimeout(r, 5));
    await expect.poll(() => rehearsal.status()).toMatchObject({ running: false, declared: 650 });
    unsubscribe();
    const snapshot = server.engine.resultsSnapshot();
    expect(snapshot.mode).toBe('rehearsal');
    expect(snapshot.totals.seats).toEqual(OFFICIAL_2024_SEATS);
    // Declared in steps, never going backwards.
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    await post(`${server.url}/api/cue`, { cueId: 'wa-teetering' });
    await post(`${server.url}/api/take`, {});
    rehearsal.stop();
    expect(server.engine.resultsSnapshot()).toMatchObject({ mode: 'live', totals: { declared: 0 } });
    await expect
      .poll(async () =>
        (await readFile(server.asRunPath, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      )
      .toEqual([
        expect.objectContaining({ action: 'mode', mode: 'rehearsal' }),
        expect.objectContaining({ action: 'take', cueId: 'wa-teetering', rehearsal: true }),
        expect.objectContaining({ action: 'mode', mode: 'live' }),
      ]);
  });

  it('marks every output REHEARSAL by default, off only on an explicit mark: false, and never in live mode', async () => {
    const told: ProgramSnapshot[] = [];
    const unsubscribe = server.engine.subscribe((e) => e.type === 'program' && told.push(e.data));
    const rehearsal = (body: unknown) => post(`${server.url}/api/rehearsal`, body);
    expect((await rehearsal({ action: 'start', durationSeconds: 600 })).json).toMatchObject({ running: true, mark: true });
    expect(server.engine.programSnapshot().rehearsalMark).toBe(true);
    // Outputs get only program snapshots: the mark reached them in one.
    expect(told.at(-1)?.rehearsalMark).toBe(true);
    expect((await rehearsal({ action: 'stop' })).json).toMatchObject({ running: false, mark: false });
    expect(server.engine.programSnapshot()).not.toHaveProperty('rehearsalMark');
    expect(told.at(-1)).not.toHaveProperty('rehearsalMark');

    expect((await rehearsal({ action: 'start', durationSeconds: 600, mark: false })).json).toMatchObject({ running: true, mark: false });
    expect(server.engine.resultsSnapshot().mode).toBe('rehearsal');
    expect(server.engine.programSnapshot()).not.toHaveProperty('rehearsalMark');
    await rehearsal({ action: 'stop' });

    // Refused, and nothing changed: a mark that is not a yes or no, and a mark on the live night.
    const revision = server.engine.programSnapshot().revision;
    const bad = await rehearsal({ action: 'start', durationSeconds: 600, mark: 'no' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^\/api\/rehearsal: mark: /);
    const live = server.engine.dispatch({ type: 'set-mode', mode: 'live', mark: true });
    expect(live.ok ? null : live.error.message).toBe('mark: the REHEARSAL mark is for rehearsal mode only');
    expect(server.engine.resultsSnapshot().mode).toBe('live');
    expect(server.engine.programSnapshot().revision).toBe(revision);
    unsubscribe();
  });

  it('will not start over live results', async () => {
    await post(`${server.url}/api/results`, { onsCode: 'E14001425', revision: 1, state: 'rush', winner: 'lab' });
    const r = await post(`${server.url}/api/rehearsal`, { action: 'start', durationSeconds: 10 });
    // A refusal by the state of the night, not a bad request.
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('REHEARSAL_REFUSED');
    expect(r.json.error.message).toContain('live results');
    expect(server.engine.resultsSnapshot().totals.decided).toBe(1);
  });
});
