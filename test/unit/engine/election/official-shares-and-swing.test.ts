/**
 * The share, turnout and swing figures in ../shared/data/README.md, plus the swing-required
 * worked example in its "Formulas broadcasters use" section.
 */
import { describe, expect, it } from 'vitest';
import {
  butlerSwing,
  butlerSwingBetween,
  deriveTotals,
  roundTo,
  seatMajority,
  shareChange,
  swingRequired,
  swingRequiredFromMajority,
  voteShares,
  type DeclaredSeat,
  type SeatResult,
} from '../../../../main/engine/election';
import { officialData } from './shared-data';

const PETERBOROUGH = 'E14001425';
const declared = (seat: SeatResult | undefined): DeclaredSeat => {
  if (seat?.state !== 'declared') throw new Error('expected a declared seat');
  return seat;
};

describe('Peterborough 2024 against the 2019 notional result', () => {
  const data = officialData();
  const now = declared(data.results2024.find((s) => s.onsCode === PETERBOROUGH));
  const before = data.baseline.seats.get(PETERBOROUGH);
  if (before === undefined) throw new Error('no notional Peterborough');
  const nowShares = voteShares(now.partyVotes, now.validVotes);
  const beforeShares = voteShares(before.partyVotes, before.validVotes);

  it('shares: Con 46.5 to 31.8, Lab 41.5 to 32.0', () => {
    expect(roundTo(beforeShares.con ?? NaN, 1)).toBe(46.5);
    expect(roundTo(nowShares.con ?? NaN, 1)).toBe(31.8);
    expect(roundTo(beforeShares.lab ?? NaN, 1)).toBe(41.5);
    expect(roundTo(nowShares.lab ?? NaN, 1)).toBe(32.0);
  });

  it('Butler swing Con to Lab is 2.6 points (and -2.6 the other way)', () => {
    expect(roundTo(butlerSwingBetween(nowShares, beforeShares, 'con', 'lab'), 1)).toBe(2.6);
    expect(roundTo(butlerSwingBetween(nowShares, beforeShares, 'lab', 'con'), 1)).toBe(-2.6);
  });

  it('Reform is compared with the Brexit Party', () => {
    // 5,379 of 41,872 now; the Brexit Party's notional 2,102 of 47,232 before.
    expect(roundTo(shareChange(nowShares, beforeShares, 'reform'), 1)).toBe(roundTo((5379 / 41872 - 2102 / 47232) * 100, 1));
    expect(roundTo(shareChange(nowShares, beforeShares, 'reform'), 1)).toBe(8.4);
    expect(roundTo(shareChange(nowShares, beforeShares, 'con'), 1)).toBe(-14.7);
  });

  it('majority 118 votes, 0.3% of valid votes', () => {
    const majority = seatMajority(now);
    expect(majority?.votes).toBe(118);
    expect(roundTo(majority?.percent ?? NaN, 1)).toBe(0.3);
  });
});

describe('2024 UK totals', () => {
  const data = officialData();
  const totals = deriveTotals(data.results2024, data.baseline, { holderBasis: 'notional' });

  it('shares: Lab 33.7, Con 23.7, Reform 14.3, LD 12.2, Green 6.7', () => {
    const shares = Object.fromEntries(['lab', 'con', 'reform', 'ld', 'green'].map((p) => [p, roundTo(totals.shares[p] ?? NaN, 1)]));
    expect(shares).toEqual({ lab: 33.7, con: 23.7, reform: 14.3, ld: 12.2, green: 6.7 });
  });

  it('turnout (valid votes / electorate) 59.7%', () => {
    expect(totals.validVotes).toBe(28_809_340);
    expect(roundTo(totals.turnout ?? NaN, 1)).toBe(59.7);
  });

  it('all votes are accounted for: party totals sum to valid votes', () => {
    expect(Object.values(totals.votes).reduce((a, b) => a + b, 0)).toBe(totals.validVotes);
  });

  it('Reform share change is measured against the notional Brexit Party share', () => {
    const brexitBefore = totals.baselineShares.brexit ?? NaN;
    expect(totals.baselineShares.reform).toBeUndefined();
    expect(shareChange(totals.shares, totals.baselineShares, 'reform')).toBeCloseTo((totals.shares.reform ?? NaN) - brexitBefore, 10);
    expect(brexitBefore).toBeGreaterThan(1);
  });
});

describe('swing required', () => {
  it('Peterborough 2017: majority 607 of 47,738 = 1.27%, so 0.6% swing required', () => {
    // Only the majority and the valid vote come from the README; the split of the rest is immaterial.
    const seat: DeclaredSeat = {
      onsCode: PETERBOROUGH,
      state: 'declared',
      revision: 1,
      validVotes: 47_738,
      partyVotes: { lab: 22_950, con: 22_343, other: 2_445 },
    };
    const majority = seatMajority(seat);
    expect(majority?.votes).toBe(607);
    expect(roundTo(majority?.percent ?? NaN, 2)).toBe(1.27);
    expect(roundTo(swingRequiredFromMajority(majority?.percent ?? NaN), 1)).toBe(0.6);
    const shares = voteShares(seat.partyVotes, seat.validVotes);
    expect(swingRequired(shares.lab ?? NaN, shares.con ?? NaN)).toBeCloseTo(swingRequiredFromMajority(majority?.percent ?? NaN), 12);
  });

  it('a challenger further back needs half the gap to the holder', () => {
    expect(swingRequired(45, 25)).toBe(10);
    expect(swingRequired(30, 30)).toBe(0);
  });
});

describe('Butler swing formula', () => {
  it('is ((B now - B before) + (A before - A now)) / 2', () => {
    expect(butlerSwing({ before: 40, now: 30 }, { before: 20, now: 26 })).toBe(8);
    expect(butlerSwing({ before: 40, now: 44 }, { before: 20, now: 20 })).toBe(-2);
  });
});
