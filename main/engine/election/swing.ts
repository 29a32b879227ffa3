/**
 * Swing, on shares of all votes (percent). Butler swing is the average of one party's gain and
 * the other's loss, so it is meaningful between any two parties, not only the top two.
 */
import type { PartyId } from './party-table';
import { baselineShareOf, shareOf, type PartyShares } from './vote-shares';

export interface ShareMove {
  readonly before: number;
  readonly now: number;
}

/** Butler swing from A to B: ((B now - B before) + (A before - A now)) / 2. Positive favours B. */
export function butlerSwing(from: ShareMove, to: ShareMove): number {
  return (to.now - to.before + (from.before - from.now)) / 2;
}

/** Butler swing between two parties given share tables; predecessors stand in for new parties. */
export function butlerSwingBetween(now: PartyShares, before: PartyShares, from: PartyId, to: PartyId): number {
  return butlerSwing(
    { before: baselineShareOf(before, from), now: shareOf(now, from) },
    { before: baselineShareOf(before, to), now: shareOf(now, to) },
  );
}

/** Swing a challenger needs to take a seat: (holder's share - challenger's share) / 2. */
export function swingRequired(holderShare: number, challengerShare: number): number {
  return (holderShare - challengerShare) / 2;
}

/** For the runner-up, the swing required is half the majority in percent. */
export function swingRequiredFromMajority(majorityPercent: number): number {
  return majorityPercent / 2;
}
