import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import type { ReferenceData } from '../../../main/server/reference-data';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';
import { targetSeatsFields } from '../../../main/templates/target-seats/schema';
import type { TargetSeatsView } from '../../../main/templates/target-seats/bind';

const EAST = 'E12000006';
const WALES = 'W92000004';
const PETERBOROUGH = 'E14001425';
const WATFORD = 'E14001568';
const IPSWICH = 'E14001302';
let reference: ReferenceData;
let night: readonly SeatResult[];

beforeAll(async () => {
  ({ reference, night } = await loadReferenceNight());
});

function engine(seats: readonly SeatResult[], fields: Record<string, unknown> = {}) {
  return engineWithCue(reference, { id: 'board', template: 'target-seats', fields }, seats);
}

function board(e: Engine): TargetSeatsView {
  return previewViewOf(e, 'board') as TargetSeatsView;
}

const inRegion = (code: string) => new Set(reference.constituencies.filter((c) => c.regionCode === code).map((c) => c.onsCode));

describe('target-seats binding against the 2019 notional baseline and 2024 results', () => {
  it('ranks Labour targets in the East of England by swing needed, before any result', () => {
    const v = board(engine([]));
    expect(v).toMatchObject({ title: 'Labour targets', subtitle: 'East of England', party: 'lab', pages: 3, declared: 0, gains: 0 });
    expect(v.rows).toHaveLength(24);
    // East of England: 61 seats, 5 notionally Labour, so every target is one of the other 56.
    const east = inRegion(EAST);
    expect(east.size).toBe(61);
    for (const r of v.rows) expect(east.has(r.onsCode) && r.holder !== 'lab').toBe(true);
    const swings = v.rows.map((r) => r.swing!);
    expect(swings).toEqual([...swings].sort((a, b) => a - b));
    expect(v.rows.every((r) => r.status === 'TO DECLARE' && r.tone === 'waiting')).toBe(true);
    // Peterborough: Con 21,955, Lab 19,622 of 47,232 notionally; swing needed = majority% / 2.
    const pb = v.rows.find((r) => r.onsCode === PETERBOROUGH)!;
    expect(pb).toMatchObject({ name: 'Peterborough', holder: 'con', majority: 2333, swing: 2.5 });
    expect(v.rows[0]).toMatchObject({ name: 'Watford', holder: 'con', majority: 1300 });
  });

  it('marks targets GAIN or HOLD as they declare on a partial night', () => {
    const e = engine([...night.filter((s) => s.onsCode === PETERBOROUGH), { onsCode: WATFORD, revision: 1, state: 'rush', winner: 'lab' }]);
    const v = board(e);
    expect(v).toMatchObject({ declared: 2, gains: 2 });
    expect(v.rows.find((r) => r.onsCode === PETERBOROUGH)).toMatchObject({ status: 'LAB GAIN', tone: 'gain', winner: 'lab' });
    expect(v.rows.find((r) => r.onsCode === WATFORD)).toMatchObject({ status: 'LAB GAIN', state: 'rush' });
    expect(v.rows.filter((r) => r.status === 'TO DECLARE')).toHaveLength(22);
    e.dispatch({ type: 'declare-results', source: 'test', seats: [{ onsCode: IPSWICH, revision: 1, state: 'recount' }] });
    expect(board(e).rows.find((r) => r.onsCode === IPSWICH)).toMatchObject({ status: 'RECOUNT', tone: 'recount', winner: null });
  });

  it('gives the Welsh night as published: Labour 9 gains, Plaid 2 holds and 2 gains, one Lib Dem gain', () => {
    // Wales: notional Lab 18, Con 12, PC 2; 2024 Lab 27, PC 4, LD 1, Con 0.
    const v = board(engine(night, { region: WALES }));
    expect(v).toMatchObject({ subtitle: 'Wales', pages: 2, declared: 14, gains: 9 });
    expect(v.rows).toHaveLength(14);
    const count = (status: string) => v.rows.filter((r) => r.status === status).length;
    expect(count('LAB GAIN')).toBe(9);
    expect(count('PLAID HOLD')).toBe(2);
    expect(count('PLAID GAIN')).toBe(2);
    expect(count('LIB DEM GAIN')).toBe(1);
  });

  it('keeps an explicit list in its order, with no swing for a seat the party already holds', () => {
    const labourHeld = [...reference.baseline.seats.values()].find((s) => s.winner === 'lab')!.onsCode;
    const v = board(engine([], { seats: [PETERBOROUGH, labourHeld], title: 'Seats to watch' }));
    expect(v.rows.map((r) => r.onsCode)).toEqual([PETERBOROUGH, labourHeld]);
    expect(v.rows[1]).toMatchObject({ holder: 'lab', swing: null });
    expect(v).toMatchObject({ title: 'Seats to watch', subtitle: 'Seats to watch', pages: 1 });
  });

  it('says SPEAKER RE-ELECTED for Chorley and names the parties in Northern Ireland, never their codes', () => {
    const v = board(engine(night, { party: 'alliance', seats: ['E14001170', 'N05000009', 'N05000002'], title: 'Seats to watch' }));
    expect(v.rows.map((r) => r.status)).toEqual(['SPEAKER RE-ELECTED', 'ALLIANCE GAIN', 'SINN FÉIN HOLD']);
    expect(v.title).toBe('Seats to watch');
    expect(board(engine([], { party: 'alliance' })).title).toBe('Alliance targets');
  });

  it('measures Reform against the Brexit Party where Reform did not stand', () => {
    const v = board(engine([], { party: 'reform', region: 'all', count: 3 }));
    expect(v.subtitle).toBe('United Kingdom');
    for (const r of v.rows) {
      const before = reference.baseline.seats.get(r.onsCode)!;
      expect(r.majority).toBe(before.partyVotes[r.holder]! - (before.partyVotes.brexit ?? 0));
    }
  });
});

describe('target-seats fields', () => {
  it('refuse a region name, a count past three pages and an unknown party, naming each field', () => {
    const bad = targetSeatsFields.safeParse({ region: 'Anglia', count: 30, party: 'labour' });
    expect(bad.success).toBe(false);
    const text = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(text).toContain('region: region must be "all" or an ONS region or nation code');
    expect(text).toContain('count: at most 24 targets (3 pages of 8)');
    expect(text).toContain('party: party must be one of lab, con');
  });

  it('refuse to take a region with no seats, naming the region, and change nothing', () => {
    const e = engine(night, { region: 'E12000099' });
    e.dispatch({ type: 'cue', cueId: 'board' });
    const r = e.dispatch({ type: 'take', cueId: 'board' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BINDING_FAILED' } });
    expect(!r.ok && r.error.message).toContain('no constituencies in region E12000099');
    expect(e.programSnapshot().program).toEqual({});
  });
});
