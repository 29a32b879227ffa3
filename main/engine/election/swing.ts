/**
 * Swing, on shares of all votes (percent). Butler swing is the average of one party's gain and
 * the other's loss, so it is meaningful between any two parties, not only the top two.
 */
import { OTHER_PARTY_ID, type PartyId } from './party-table';
import { SPEAKER_PARTY_ID } from './commons-majority';
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
  return butlerSwing({ before: baselineShareOf(before, from), now: shareOf(now, from) }, { before: baselineShareOf(before, to), now: shareOf(now, to) });
}

/** Swing a challenger needs to take a seat: (holder's share - challenger's share) / 2. */
export function swingRequired(holderShare: number, challengerShare: number): number {
  return (holderShare - challengerShare) / 2;
}

/** For the runner-up, the swing required is half the majority in percent. */
export function swingRequiredFromMajority(majorityPercent: number): number {
  return majorityPercent / 2;
}

/**
 * Butler swing from A to B in one seat, or undefined where it means nothing: the Speaker stands
 * for no party, independents and "other" are different people from one election to the next,
 * and a party with no share last time (itself or its predecessor) has nothing to swing from.
 */
export function seatSwingBetween(now: PartyShares, before: PartyShares, from: PartyId, to: PartyId): number | undefined {
  const noParty = new Set<PartyId>([SPEAKER_PARTY_ID, OTHER_PARTY_ID, 'ind']);
  if (from === to || noParty.has(from) || noParty.has(to)) return undefined;
  if (baselineShareOf(before, from) <= 0 || baselineShareOf(before, to) <= 0) return undefined;
  return butlerSwingBetween(now, before, from, to);
}
