/**
 * Winner, runner-up, majority and turnout for one seat. Figures are percentages (0-100),
 * as broadcasters quote them; rounding is left to the display.
 */
import { OTHER_PARTY_ID, type PartyId } from './party-table';
import type { DeclaredSeat, SeatResult } from './seat-result-schema';

export interface Placing {
  readonly partyId: PartyId;
  readonly votes: number;
  readonly candidateName?: string;
}

export interface Majority {
  readonly votes: number;
  /** Of valid votes. */
  readonly percent: number;
}

/**
 * Candidates in finishing order. Candidates when known (two independents are two placings);
 * otherwise parties, leaving out the `other` bucket, which sums several candidates.
 */
export function rankSeat(seat: DeclaredSeat): Placing[] {
  const placings: Placing[] =
    seat.candidates !== undefined
      ? seat.candidates.map((c) => ({ partyId: c.partyId, votes: c.votes, candidateName: c.name }))
      : Object.entries(seat.partyVotes)
          .filter(([id, votes]) => id !== OTHER_PARTY_ID && votes > 0)
          .map(([partyId, votes]) => ({ partyId, votes }));
  const declared = seat.winner;
  // A tie is settled by lot at the count; the declared winner then goes first.
  return placings.sort((a, b) => b.votes - a.votes || Number(b.partyId === declared) - Number(a.partyId === declared));
}

/**
 * The leading party and the runner-up's votes in one pass without allocating: this runs for
 * every seat on every totals update, so it avoids rankSeat's arrays and sort.
 */
function leader(seat: DeclaredSeat): { partyId: PartyId | undefined; votes: number; secondVotes: number } {
  let partyId: PartyId | undefined;
  let votes = -1;
  let secondVotes = -1;
  const consider = (id: PartyId, v: number): void => {
    if (v > votes) {
      secondVotes = votes;
      votes = v;
      partyId = id;
    } else if (v > secondVotes) secondVotes = v;
  };
  if (seat.candidates !== undefined) {
    for (const c of seat.candidates) consider(c.partyId, c.votes);
  } else {
    for (const id in seat.partyVotes) {
      const v = seat.partyVotes[id];
      if (id !== OTHER_PARTY_ID && v !== undefined && v > 0) consider(id, v);
    }
  }
  return { partyId, votes, secondVotes };
}

/** The winning party, or undefined while undecided (pending, recount, or an unsettled tie). */
export function seatWinner(seat: SeatResult): PartyId | undefined {
  if (seat.state === 'rush') return seat.winner;
  if (seat.state !== 'declared') return undefined;
  if (seat.winner !== undefined) return seat.winner;
  const top = leader(seat);
  return top.votes === top.secondVotes ? undefined : top.partyId;
}

export function seatRunnerUp(seat: DeclaredSeat): Placing | undefined {
  return rankSeat(seat)[1];
}

/** Winner's votes minus runner-up's; as a percentage, over valid votes. */
export function seatMajority(seat: DeclaredSeat): Majority | undefined {
  const [first, second] = rankSeat(seat);
  if (first === undefined || seat.validVotes === 0) return undefined;
  const votes = first.votes - (second?.votes ?? 0);
  return { votes, percent: (votes / seat.validVotes) * 100 };
}

/** Commons Library convention: valid votes over electorate (spoilt ballots excluded). */
export function turnoutPercent(validVotes: number, electorate: number | undefined): number | undefined {
  if (electorate === undefined || electorate <= 0) return undefined;
  return (validVotes / electorate) * 100;
}

/** Round half away from zero, for comparing with published one-decimal figures. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
}
