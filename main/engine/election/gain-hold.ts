/**
 * GAIN or HOLD: the winner against the seat's holder before the election. Who the holder is
 * depends on a setting (notional winner or sitting MP's party), so the basis is always passed in.
 */
import { baselineHolder, type Baseline, type HolderBasis } from './baseline-schema';
import { commonsAbbreviation, type PartyId } from './party-table';
import { seatWinner } from './seat-ranking';
import type { SeatResult } from './seat-result-schema';

export type SeatOutcome = { readonly kind: 'GAIN'; readonly winner: PartyId; readonly from: PartyId } | { readonly kind: 'HOLD'; readonly winner: PartyId };

/**
 * Party against party. Two independents count as a hold here; a card that cares whether it
 * is the same person must compare candidates, which the baseline files do not carry.
 */
export function gainOrHold(winner: PartyId, holder: PartyId): SeatOutcome {
  return winner === holder ? { kind: 'HOLD', winner } : { kind: 'GAIN', winner, from: holder };
}

/** Outcome for a seat, or undefined while it has no winner or no known holder. */
export function seatOutcome(seat: SeatResult, baseline: Baseline, basis: HolderBasis): SeatOutcome | undefined {
  const winner = seatWinner(seat);
  if (winner === undefined) return undefined;
  const holder = baselineHolder(baseline, seat.onsCode, basis);
  return holder === undefined ? undefined : gainOrHold(winner, holder);
}

/** The Commons Library's wording: `Lab hold`, `Lab gain from Con`. */
export function describeOutcome(outcome: SeatOutcome, abbreviate: (id: PartyId) => string = commonsAbbreviation): string {
  const winner = abbreviate(outcome.winner);
  return outcome.kind === 'HOLD' ? `${winner} hold` : `${winner} gain from ${abbreviate(outcome.from)}`;
}
