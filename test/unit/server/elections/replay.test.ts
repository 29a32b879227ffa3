import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ELECTIONS_DIR } from '../../../../main/server/headless';
import { plannedOffsets, plannedOrder } from '../../../../main/server/rehearsal';
import { loadElectionFolder, readElectionResults } from '../../../../main/server/election-folder';
import type { SeatResult } from '../../../../main/engine/election';
import { post, startTestServer, type TestServer } from '../../../support/server';

const seat = (onsCode: string, declaredAt?: string, validVotes = 100): SeatResult => ({
  onsCode,
  revision: 1,
  state: 'declared',
  validVotes,
  partyVotes: { lab: validVotes },
  ...(declaredAt ? { declaredAt } : {}),
});

describe('the order and rhythm of a replay', () => {
  it('keeps the real spacing of declaration times, scaled into the duration', () => {
    const night = plannedOrder([
      seat('E14000003', '2017-06-09T03:00:00Z'),
      seat('E14000001', '2017-06-08T23:00:00Z'),
      seat('E14000002', '2017-06-09T00:00:00Z'),
    ]);
    expect(night.map((s) => s.onsCode)).toEqual(['E14000001', 'E14000002', 'E14000003']);
    // 4 hours of night into 60 s: the first seat one even step in, then the hour's gap is a quarter of the rest.
    expect(plannedOffsets(night, 60_000)).toEqual([20_000, 30_000, 60_000]);
  });

  it('spaces evenly, smaller counts first, where the file has no times (2024)', () => {
    const night = plannedOrder([seat('E14000001', undefined, 300), seat('E14000002', undefined, 100)]);
    expect(night.map((s) => s.onsCode)).toEqual(['E14000002', 'E14000001']);
    expect(plannedOffsets(night, 10_000)).toEqual([5_000, 10_000]);
  });
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('a rehearsal of the 2017 night (the real server, the real files)', () => {
  it('declares the seats in their real order, names the winners, and ends on the official totals', async () => {
    const folder = path.join(ELECTIONS_DIR, 'ge2017');
    const expectedOrder = plannedOrder(await readElectionResults(await loadElectionFolder(folder))).map((s) => s.onsCode);
    server = await startTestServer({ election: folder });
    const order: string[] = [];
    server.engine.subscribe((event) => {
      if (event.type !== 'as-run' && event.type !== 'results') return;
      for (const [code, s] of server!.engine.resultsState().seats) if (s.state === 'declared' && !order.includes(code)) order.push(code);
    });
    expect((await post(`${server.url}/api/rehearsal`, { action: 'start', durationSeconds: 5 })).status).toBe(200);
    await expect.poll(async () => (await (await fetch(`${server!.url}/api/rehearsal`)).json()).declared, { timeout: 20_000, interval: 200 }).toBe(650);
    const results = await (await fetch(`${server.url}/api/results`)).json();
    expect(results.mode).toBe('rehearsal');
    expect(results.totals.seats).toEqual({ con: 317, lab: 262, snp: 35, ld: 12, dup: 10, sf: 7, pc: 4, green: 1, speaker: 1, ind: 1 });
    // Seats arrive in batches on each tick; within the night the order is the file's declaration times.
    const firstBatch = new Set(order.slice(0, 3));
    expect(firstBatch.has(expectedOrder[0]!)).toBe(true);
    expect(order.indexOf(expectedOrder[649]!)).toBeGreaterThan(600);
    const first = server.engine.resultsState().seats.get(expectedOrder[0]!);
    expect(first).toMatchObject({ state: 'declared', candidates: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) });
    expect((await post(`${server.url}/api/rehearsal`, { action: 'stop' })).status).toBe(200);
  });
});
