import { describe, expect, it } from 'vitest';
import type { Constituency, SeatResult } from '../../../main/engine/election';
import {
  buildSeat,
  describeCorrection,
  describeDeclareOutcome,
  emptyDraft,
  formatClock,
  liveFigures,
  newRow,
  parseCount,
  searchConstituencies,
  type Draft,
} from '../../../renderer/declaration';

/** Peterborough, GE2024, as in ../shared/data/ge2024-constituency-results.csv. */
function peterborough(): Draft {
  return {
    ...emptyDraft('E14001425', []),
    electorate: '73,378',
    invalidVotes: '143',
    rows: [newRow('lab', '13418'), newRow('con', '13300'), newRow('ld', '1746'), newRow('reform', '5379'), newRow('green', '2542'), newRow('other', '5487')],
  };
}

describe('parseCount', () => {
  it('reads counts as typed, with spaces or thousands commas', () => {
    expect(parseCount('41 872')).toBe(41872);
    expect(parseCount('73,378')).toBe(73378);
    expect(parseCount('  ')).toBe('empty');
    expect(parseCount('12.5')).toBe('invalid');
    expect(parseCount('-3')).toBe('invalid');
    expect(parseCount('1e4')).toBe('invalid');
  });
});

describe('liveFigures', () => {
  it('gives the published majority and turnout for Peterborough 2024', () => {
    const live = liveFigures(peterborough());
    expect(live.validVotes).toBe(41872);
    expect(live.winner).toBe('lab');
    expect(live.majorityVotes).toBe(118);
    expect(live.majorityPercent).toBe(0.3);
    expect(live.turnoutPercent).toBe(57.1);
  });

  it('never makes the "other" bucket the winner, and flags a tie', () => {
    const draft = { ...emptyDraft('E14001425', []), rows: [newRow('other', '900'), newRow('lab', '500'), newRow('con', '500')] };
    const live = liveFigures(draft);
    expect(live.winner).toBeNull();
    expect(live.tie).toBe(true);
    expect(live.majorityVotes).toBe(0);
  });

  it('ignores rows still being typed and leaves turnout blank without an electorate', () => {
    const draft = { ...emptyDraft('E14001425', []), rows: [newRow('lab', '100'), newRow('con', '4x')] };
    const live = liveFigures(draft);
    expect(live.validVotes).toBe(100);
    expect(live.majorityVotes).toBe(100);
    expect(live.turnoutPercent).toBeNull();
  });
});

describe('buildSeat', () => {
  it('builds the declared seat the engine expects, valid votes summed from the rows', () => {
    const { seat, errors } = buildSeat(peterborough(), 1, true);
    expect(errors).toEqual({});
    expect(seat).toEqual({
      onsCode: 'E14001425',
      revision: 1,
      state: 'declared',
      electorate: 73378,
      invalidVotes: 143,
      validVotes: 41872,
      partyVotes: { lab: 13418, con: 13300, ld: 1746, reform: 5379, green: 2542, other: 5487 },
    });
  });

  it('puts each message beside its field, and sends nothing while any stands', () => {
    const draft = peterborough();
    const con = draft.rows[1]!;
    const bad: Draft = { ...draft, electorate: '20000', rows: draft.rows.map((r) => (r === con ? { ...r, votes: '13,3OO' } : r)) };
    const { seat, errors } = buildSeat(bad, 1, true);
    expect(seat).toBeNull();
    expect(errors[`row:${con.key}`]).toBe('whole number of votes only');
    // The engine's schema: valid votes over the electorate, reported beside the electorate.
    expect(errors.electorate).toMatch(/exceeds electorate 20000/);
  });

  it('flags a party entered twice on the second row', () => {
    const draft = { ...emptyDraft('E14001425', []), rows: [newRow('lab', '10'), newRow('lab', '5')] };
    const { seat, errors } = buildSeat(draft, 1, true);
    expect(seat).toBeNull();
    expect(errors[`row:${draft.rows[1]!.key}`]).toBe('Labour is listed twice');
    expect(errors[`row:${draft.rows[0]!.key}`]).toBeUndefined();
  });

  it('still flags the second row of a party when the first row does not parse yet', () => {
    const draft = { ...emptyDraft('E14001425', []), rows: [newRow('con', '12x'), newRow('con', '5')] };
    const { errors } = buildSeat(draft, 1, true);
    expect(errors[`row:${draft.rows[0]!.key}`]).toBe('whole number of votes only');
    expect(errors[`row:${draft.rows[1]!.key}`]).toBe('Conservative is listed twice');
  });

  it('asks for blank fields only once the operator has tried to declare', () => {
    const blank = emptyDraft();
    expect(buildSeat(blank, 1, false).errors).toEqual({});
    const strict = buildSeat(blank, 1, true);
    expect(strict.errors.onsCode).toBe('choose a constituency');
    expect(strict.errors[`row:${blank.rows[0]!.key}`]).toBe('required');
  });

  it('builds a rush with the winner only', () => {
    const draft: Draft = { ...peterborough(), state: 'rush', rushWinner: 'lab' };
    expect(buildSeat(draft, 3, true).seat).toEqual({ onsCode: 'E14001425', revision: 3, state: 'rush', winner: 'lab' });
  });
});

describe('searchConstituencies', () => {
  const seat = (onsCode: string, name: string): Constituency => ({ onsCode, name, regionName: 'R', regionCode: 'E12000001', nation: 'England' });
  const list = [
    seat('E14001425', 'Peterborough'),
    seat('E14001100', 'North West Cambridgeshire'),
    seat('E14001200', 'Birmingham Northfield'),
    seat('E14001300', 'Northampton North'),
  ];

  it('puts names that start with the text first, then word starts, then anywhere', () => {
    expect(searchConstituencies(list, 'north').map((c) => c.name)).toEqual(['North West Cambridgeshire', 'Northampton North', 'Birmingham Northfield']);
    expect(searchConstituencies(list, 'borough').map((c) => c.name)).toEqual(['Peterborough']);
    expect(searchConstituencies(list, 'e14001425').map((c) => c.name)).toEqual(['Peterborough']);
    expect(searchConstituencies(list, '  ')).toEqual([]);
  });
});

describe('describeCorrection', () => {
  const current: SeatResult = {
    onsCode: 'E14001425',
    revision: 1,
    state: 'declared',
    electorate: 73378,
    validVotes: 26718,
    partyVotes: { lab: 13418, con: 13300 },
  };
  it('lists the winner, each changed party and the majority, old to new', () => {
    const proposed: SeatResult = { ...current, revision: 2, validVotes: 26918, partyVotes: { lab: 13418, con: 13500 } };
    const changes = describeCorrection(current, proposed);
    expect(changes.map((c) => [c.label, c.from, c.to])).toEqual([
      ['Winner', 'Labour', 'Conservative'],
      ['Conservative', '13,300', '13,500'],
      ['Majority', '118 (0.4%)', '82 (0.3%)'],
      ['Turnout', '36.4%', '36.7%'],
    ]);
    expect(changes[0]!.major).toBe(true);
  });

  it('shows a party that is new in the correction as from nothing', () => {
    const proposed: SeatResult = { ...current, revision: 2, validVotes: 26818, partyVotes: { lab: 13418, con: 13300, green: 100 } };
    expect(describeCorrection(current, proposed).find((c) => c.label === 'Green')).toMatchObject({ from: '—', to: '100' });
  });
});

describe('describeDeclareOutcome', () => {
  it('tells applied, correction and stale apart from the engine detail', () => {
    expect(describeDeclareOutcome({ applied: 1, correction: 0 }, 'Peterborough').tone).toBe('ok');
    expect(describeDeclareOutcome({ applied: 0, correction: 1 }, 'Peterborough').text).toMatch(/correction/);
    expect(describeDeclareOutcome({ applied: 0, correction: 0, stale: 1 }, 'Peterborough')).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/stale/),
    });
    expect(describeDeclareOutcome(undefined, 'Peterborough').tone).toBe('error');
  });
});

describe('formatClock', () => {
  it('is HH:MM:SS on the local clock, zero padded', () => {
    expect(formatClock(new Date(2024, 6, 5, 4, 3, 2).getTime())).toBe('04:03:02');
    expect(formatClock(new Date(2024, 6, 4, 23, 59, 59).getTime())).toBe('23:59:59');
  });
});
