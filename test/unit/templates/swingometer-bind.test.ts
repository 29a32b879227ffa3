import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import type { ReferenceData } from '../../../main/server/reference-data';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';
import { swingometerFields } from '../../../main/templates/swingometer/schema';
import type { SwingometerView } from '../../../main/templates/swingometer/bind';
import { swingParts } from '../../../overlays/graphics/swingometer/fill';

const PETERBOROUGH = 'E14001425';
let reference: ReferenceData;
let night: readonly SeatResult[];

beforeAll(async () => {
  ({ reference, night } = await loadReferenceNight());
});

function engine(seats: readonly SeatResult[], fields: Record<string, unknown> = {}) {
  return engineWithCue(reference, { id: 'dial', template: 'swingometer', fields }, seats);
}

function dial(e: Engine): SwingometerView {
  return previewViewOf(e, 'dial') as SwingometerView;
}

/** Independent check: apply the swing to every seat's notional shares and see who comes first. */
function seatsFallingBySimulation(from: string, to: string, swing: number): number {
  let falling = 0;
  for (const seat of reference.baseline.seats.values()) {
    const loser = swing >= 0 ? from : to;
    const gainer = swing >= 0 ? to : from;
    if (seat.winner !== loser) continue;
    const share = (p: string) => ((seat.partyVotes[p] ?? 0) / seat.validVotes) * 100;
    const s = Math.abs(swing);
    const others = Object.keys(seat.partyVotes)
      .filter((p) => p !== from && p !== to && p !== 'other')
      .map(share);
    if (share(gainer) + s > share(loser) - s && share(gainer) + s > Math.max(0, ...others)) falling += 1;
  }
  return falling;
}

describe('swingometer binding', () => {
  it('waits with the needle at zero before any seat declares', () => {
    const v = dial(engine([]));
    expect(v).toMatchObject({ title: 'Conservative to Labour', swing: null, changing: 0, lastToFall: [], subtitle: 'Average swing over the declared seats' });
    expect(v.nextToFall).toHaveLength(5);
  });

  it('reads Peterborough alone as a 2.6-point swing from Conservative to Labour', () => {
    const v = dial(engine(night.filter((s) => s.onsCode === PETERBOROUGH)));
    expect(v).toMatchObject({ swing: 2.6, gainer: 'lab', loser: 'con', subtitle: 'Average swing over 1 declared seat' });
  });

  it('gives the whole-night Butler swing from the vote totals, and the seats it takes', () => {
    const v = dial(engine(night));
    // From the raw files: 2024 votes over all seats against the notional 2019 votes.
    const sum = (rows: Iterable<{ partyVotes: Record<string, number>; validVotes: number }>, p: string) => {
      let votes = 0;
      let valid = 0;
      for (const r of rows) {
        votes += r.partyVotes[p] ?? 0;
        valid += r.validVotes;
      }
      return (votes / valid) * 100;
    };
    const declared = night.flatMap((s) => (s.state === 'declared' ? [s] : []));
    const before = [...reference.baseline.seats.values()];
    const expected = (sum(declared, 'lab') - sum(before, 'lab') + (sum(before, 'con') - sum(declared, 'con'))) / 2;
    expect(sum(declared, 'lab')).toBeCloseTo(33.7, 1);
    expect(sum(declared, 'con')).toBeCloseTo(23.7, 1);
    expect(v.swing).toBe(Math.round(expected * 10) / 10);
    expect(v.changing).toBe(seatsFallingBySimulation('con', 'lab', v.swing!));
    expect(v.subtitle).toBe('Average swing over 650 declared seats');
    for (const s of v.lastToFall) expect(s.need).toBeLessThanOrEqual(v.swing!);
    for (const s of v.nextToFall) expect(s.need).toBeGreaterThan(v.swing!);
    expect(v.lastToFall.map((s) => s.need)).toEqual([...v.lastToFall.map((s) => s.need)].sort((a, b) => b - a));
  });

  it('counts the seats a fixed what-if swing takes, either way', () => {
    for (const swing of [0, 2.3, 7.9, -1.7, -4.4]) {
      const v = dial(engine([], { source: 'fixed', swing }));
      expect(v.swing).toBe(swing);
      expect(v.changing).toBe(seatsFallingBySimulation('con', 'lab', swing));
      expect(v.gainer).toBe(swing >= 0 ? 'lab' : 'con');
    }
    const small = dial(engine([], { source: 'fixed', swing: 0.5 }));
    expect(small.changing).toBeGreaterThan(0);
  });

  it('labels its seat figures as a projection at this swing, and gives the real net change once seats are in', () => {
    expect(dial(engine([], { source: 'fixed', swing: 5 })).actual).toBeNull();
    // The whole night: Labour +211 and the Conservatives -251 against the notional result (README figures).
    const whole = dial(engine(night, { source: 'fixed', swing: 5 }));
    expect(whole.actual).toEqual({ from: -251, to: 211 });
    expect(swingParts(whole)).toMatchObject({ 'from-note': 'at this swing \u00b7 actual \u2212251', 'to-note': 'at this swing \u00b7 actual +211' });
    expect(swingParts(dial(engine([])))).toMatchObject({ 'from-note': 'at this swing', 'to-note': 'at this swing' });
    // Peterborough alone: one Labour gain from the Conservatives.
    expect(dial(engine(night.filter((s) => s.onsCode === PETERBOROUGH))).actual).toEqual({ from: -1, to: 1 });
  });

  it('works for any pair: Labour to the SNP on the Scottish notional seats', () => {
    const v = dial(engine([], { from: 'lab', to: 'snp', source: 'fixed', swing: 3 }));
    expect(v).toMatchObject({ title: 'Labour to SNP', gainer: 'snp', loser: 'lab' });
    expect(v.changing).toBe(seatsFallingBySimulation('lab', 'snp', 3));
  });
});

describe('swingometer fields', () => {
  it('refuse the same party twice, an out-of-range swing and an unknown source, naming each field', () => {
    const same = swingometerFields.safeParse({ from: 'lab', to: 'lab' });
    expect(same.error?.issues).toEqual([expect.objectContaining({ path: ['to'], message: 'the two parties must differ' })]);
    const bad = swingometerFields.safeParse({ swing: 40, source: 'poll' });
    const text = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(text).toContain('swing: swing must be at most 30 points');
    expect(text).toContain('source: source must be "results" or "fixed"');
  });

  it('are refused by the engine on update, leaving the cue as it was', () => {
    const e = engine(night);
    const r = e.dispatch({ type: 'edit-cue', cueId: 'dial', fields: { from: 'con', to: 'con' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FIELDS' } });
    expect(!r.ok && r.error.message).toContain('Swingometer fields: to: the two parties must differ');
    expect(dial(e)).toMatchObject({ from: 'con', to: 'lab' });
  });
});
