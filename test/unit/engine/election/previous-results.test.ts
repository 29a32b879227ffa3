import { describe, expect, it } from 'vitest';
import { baselineFromResults, boundaryMismatch, withCandidates, type DeclaredSeat, type SeatResult } from '../../../../main/engine/election';

const seat = (onsCode: string, partyVotes: Record<string, number>, extra: Partial<DeclaredSeat> = {}): DeclaredSeat => ({
  onsCode,
  revision: 1,
  state: 'declared',
  validVotes: Object.values(partyVotes).reduce((a, b) => a + b, 0),
  partyVotes,
  ...extra,
});

describe('a previous election as the baseline', () => {
  it("takes each seat's winner, majority and votes; a seat without figures is named, not guessed", () => {
    const pending: SeatResult = { onsCode: 'E14000003', revision: 0, state: 'pending' };
    const { seats, withoutFigures } = baselineFromResults(
      [seat('E14000001', { moon: 300, sun: 200 }, { electorate: 900 }), pending],
      new Map([['E14000001', 'Moonbury']]),
    );
    expect(seats).toEqual([
      { onsCode: 'E14000001', name: 'Moonbury', winner: 'moon', majority: 100, electorate: 900, validVotes: 500, partyVotes: { moon: 300, sun: 200 } },
    ]);
    expect(withoutFigures).toEqual(['E14000003']);
  });
});

describe('candidates from the candidate file', () => {
  it('join only where both files agree on the valid votes and the winner', () => {
    const candidates = [
      { name: 'Ada Sunbeam', partyId: 'sun', votes: 300 },
      { name: 'Brian Moonlight', partyId: 'moon', votes: 200 },
    ];
    const named = new Map([
      ['E14000001', seat('E14000001', { sun: 300, moon: 200 }, { candidates })],
      ['E14000002', seat('E14000002', { sun: 300, moon: 200 }, { candidates })],
    ]);
    const { seats, disagreeing } = withCandidates([seat('E14000001', { sun: 300, moon: 200 }), seat('E14000002', { sun: 300, moon: 201 })], named);
    expect((seats[0] as DeclaredSeat).candidates).toEqual(candidates);
    expect((seats[1] as DeclaredSeat).candidates).toBeUndefined();
    expect(disagreeing).toEqual(['E14000002']);
  });
});

describe('a file for other boundaries', () => {
  const known = new Set(Array.from({ length: 100 }, (_, i) => `E140${String(i).padStart(5, '0')}`));
  const codes = (n: number, unknown: number) => [
    ...[...known].slice(0, n - unknown),
    ...Array.from({ length: unknown }, (_, i) => `W070${String(i).padStart(5, '0')}`),
  ];
  it('is refused whole once a tenth of its seats are unknown', () => {
    expect(boundaryMismatch(codes(100, 10), (c) => known.has(c))).toMatchObject({ refuse: true });
    expect(boundaryMismatch(codes(100, 95), (c) => known.has(c)).unknown).toHaveLength(95);
  });
  it('but a stray code or two is refused seat by seat, as before', () => {
    expect(boundaryMismatch(codes(100, 9), (c) => known.has(c))).toMatchObject({ refuse: false });
    expect(boundaryMismatch(codes(1, 1), (c) => known.has(c))).toMatchObject({ refuse: false, unknown: ['W07000000'] });
  });
});
