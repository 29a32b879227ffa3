/** Winner, runner-up and majority rules for single seats, including the awkward states. */
import { describe, expect, it } from 'vitest';
import { rankSeat, seatMajority, seatRunnerUp, seatWinner, turnoutPercent, type DeclaredSeat, type SeatResult } from '../../../../main/engine/election';

const declared = (partyVotes: Record<string, number>, extra: Partial<DeclaredSeat> = {}): DeclaredSeat => ({
  onsCode: 'E14001425',
  state: 'declared',
  revision: 1,
  validVotes: Object.values(partyVotes).reduce((a, b) => a + b, 0),
  partyVotes,
  ...extra,
});

describe('seatWinner', () => {
  it('takes the largest party, never the "other" bucket even when it is larger', () => {
    const seat = declared({ lab: 10_000, con: 9_000, other: 12_000 });
    expect(seatWinner(seat)).toBe('lab');
    expect(seatRunnerUp(seat)?.partyId).toBe('con');
    expect(seatMajority(seat)).toEqual({ votes: 1_000, percent: (1_000 / 31_000) * 100 });
  });

  it('a rush names the winner before any votes', () => {
    const rush: SeatResult = { onsCode: 'E14001425', state: 'rush', revision: 2, winner: 'green' };
    expect(seatWinner(rush)).toBe('green');
  });

  it('pending and recount seats have no winner', () => {
    expect(seatWinner({ onsCode: 'E14001425', state: 'pending', revision: 0 })).toBeUndefined();
    expect(seatWinner({ onsCode: 'E14001425', state: 'recount', revision: 4 })).toBeUndefined();
  });

  it('an unsettled tie has no winner; the declared winner (drawn by lot) settles it', () => {
    expect(seatWinner(declared({ lab: 5_000, con: 5_000 }))).toBeUndefined();
    const settled = declared({ lab: 5_000, con: 5_000 }, { winner: 'con' });
    expect(seatWinner(settled)).toBe('con');
    expect(rankSeat(settled).map((p) => p.partyId)).toEqual(['con', 'lab']);
    expect(seatMajority(settled)?.votes).toBe(0);
  });

  it('uses candidates when known, so two independents are two placings', () => {
    const seat = declared(
      { ind: 12_000, lab: 9_000 },
      {
        candidates: [
          { name: 'A Independent', partyId: 'ind', votes: 5_000 },
          { name: 'B Independent', partyId: 'ind', votes: 7_000 },
          { name: 'C Labour', partyId: 'lab', votes: 9_000 },
        ],
      },
    );
    expect(seatWinner(seat)).toBe('lab');
    expect(seatRunnerUp(seat)).toEqual({ partyId: 'ind', votes: 7_000, candidateName: 'B Independent' });
    expect(seatMajority(seat)?.votes).toBe(2_000);
  });
});

describe('turnoutPercent', () => {
  it('is valid votes over electorate, and unknown without an electorate', () => {
    expect(turnoutPercent(41_872, 73_378)).toBeCloseTo(57.06, 2);
    expect(turnoutPercent(41_872, undefined)).toBeUndefined();
    expect(turnoutPercent(41_872, 0)).toBeUndefined();
  });
});
