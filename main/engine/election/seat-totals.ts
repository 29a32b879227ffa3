/**
 * Running totals for the whole election, recomputed from scratch on every update: one pass
 * over at most 650 seats is far cheaper than keeping incremental totals correct through
 * revisions, recounts and corrections.
 */
import { baselineHolder, type Baseline, type HolderBasis } from './baseline-schema';
import type { PartyId } from './party-table';
import { seatWinner } from './seat-ranking';
import type { SeatResult } from './seat-result-schema';
import { addVotesInto, voteShares } from './vote-shares';

export interface TotalsSettings {
  readonly holderBasis: HolderBasis;
}

export interface ElectionTotals {
  readonly seatCount: number;
  readonly pending: number;
  readonly recount: number;
  readonly rush: number;
  readonly declared: number;
  /** Seats with a known winner: rush + declared. */
  readonly decided: number;
  readonly seats: Record<PartyId, number>;
  readonly gains: Record<PartyId, number>;
  readonly losses: Record<PartyId, number>;
  /** Gains minus losses against the baseline holder, over decided seats. */
  readonly netChange: Record<PartyId, number>;
  /** Decided seats with no baseline holder (GAIN/HOLD unknown). */
  readonly withoutHolder: number;
  /** Votes over declared seats. */
  readonly votes: Record<PartyId, number>;
  readonly validVotes: number;
  readonly shares: Record<PartyId, number>;
  /** Baseline shares over the same declared seats, for like-for-like share change. */
  readonly baselineShares: Record<PartyId, number>;
  /** Valid votes over electorate, over declared seats that report an electorate. */
  readonly turnout: number | undefined;
}

const bump = (into: Record<PartyId, number>, party: PartyId, by: number): void => {
  into[party] = (into[party] ?? 0) + by;
};

function seatsOf(results: ReadonlyMap<string, SeatResult> | Iterable<SeatResult>): Iterable<SeatResult> {
  return 'get' in results ? results.values() : results;
}

export function deriveTotals(results: ReadonlyMap<string, SeatResult> | Iterable<SeatResult>, baseline: Baseline, settings: TotalsSettings): ElectionTotals {
  const counts = { seatCount: 0, pending: 0, recount: 0, rush: 0, declared: 0, withoutHolder: 0 };
  const seats: Record<PartyId, number> = {};
  const gains: Record<PartyId, number> = {};
  const losses: Record<PartyId, number> = {};
  const votes: Record<PartyId, number> = {};
  const baselineVotes: Record<PartyId, number> = {};
  let validVotes = 0;
  let baselineValid = 0;
  let turnoutValid = 0;
  let electorate = 0;

  for (const seat of seatsOf(results)) {
    counts.seatCount += 1;
    counts[seat.state] += 1;
    const winner = seatWinner(seat);
    if (winner !== undefined) {
      bump(seats, winner, 1);
      const holder = baselineHolder(baseline, seat.onsCode, settings.holderBasis);
      if (holder === undefined) counts.withoutHolder += 1;
      else if (holder !== winner) {
        bump(gains, winner, 1);
        bump(losses, holder, 1);
      }
    }
    if (seat.state !== 'declared') continue;
    addVotesInto(votes, seat.partyVotes);
    validVotes += seat.validVotes;
    if (seat.electorate !== undefined) {
      turnoutValid += seat.validVotes;
      electorate += seat.electorate;
    }
    const before = baseline.seats.get(seat.onsCode);
    if (before !== undefined) {
      addVotesInto(baselineVotes, before.partyVotes);
      baselineValid += before.validVotes;
    }
  }

  const netChange: Record<PartyId, number> = {};
  for (const party of new Set([...Object.keys(gains), ...Object.keys(losses)])) {
    netChange[party] = (gains[party] ?? 0) - (losses[party] ?? 0);
  }
  return {
    ...counts,
    decided: counts.rush + counts.declared,
    seats,
    gains,
    losses,
    netChange,
    votes,
    validVotes,
    shares: voteShares(votes, validVotes),
    baselineShares: voteShares(baselineVotes, baselineValid),
    turnout: electorate > 0 ? (turnoutValid / electorate) * 100 : undefined,
  };
}

/** Seats per party in the baseline itself (e.g. the 2019 notional House). */
export function baselineSeatTotals(baseline: Baseline, basis: HolderBasis): Record<PartyId, number> {
  const totals: Record<PartyId, number> = {};
  for (const onsCode of baseline.seats.keys()) {
    const holder = baselineHolder(baseline, onsCode, basis);
    if (holder !== undefined) bump(totals, holder, 1);
  }
  return totals;
}
