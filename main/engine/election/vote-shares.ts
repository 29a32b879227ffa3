/**
 * Vote shares and share changes. Shares are of all valid votes, in percent; a change is in
 * percentage points against the baseline, where a party that did not stand before is compared
 * with its predecessor (Reform UK with the Brexit Party).
 */
import { OTHER_PARTY_ID, predecessorOf, type PartyId } from './party-table';
import type { PartyVotes } from './seat-result-schema';

export type PartyShares = Readonly<Record<PartyId, number>>;

export function voteShares(partyVotes: PartyVotes, validVotes: number): Record<PartyId, number> {
  const shares: Record<PartyId, number> = {};
  if (validVotes <= 0) return shares;
  for (const [id, votes] of Object.entries(partyVotes)) shares[id] = (votes / validVotes) * 100;
  return shares;
}

/** One party's share, 0 when it did not stand. */
export function shareOf(shares: PartyShares, party: PartyId): number {
  return shares[party] ?? 0;
}

/** The baseline share a party's share is compared with: its own, else its predecessor's. */
export function baselineShareOf(before: PartyShares, party: PartyId): number {
  const own = before[party];
  if (own !== undefined && own > 0) return own;
  const predecessor = predecessorOf(party);
  return predecessor === undefined ? (own ?? 0) : (before[predecessor] ?? 0);
}

/** Change in points, e.g. +4.2 for a party up from 30.0% to 34.2%. */
export function shareChange(now: PartyShares, before: PartyShares, party: PartyId): number {
  return shareOf(now, party) - baselineShareOf(before, party);
}

/** Changes for every party standing now. */
export function shareChanges(now: PartyShares, before: PartyShares): Record<PartyId, number> {
  const changes: Record<PartyId, number> = {};
  for (const party of Object.keys(now)) changes[party] = shareChange(now, before, party);
  return changes;
}

/**
 * Keep the listed parties and fold every other party into `other`, as a bar chart shows them.
 * A predecessor folds into its successor when the successor is listed, so a 2019 baseline
 * charts the Brexit Party in the Reform bar.
 */
export function foldMinorParties(partyVotes: PartyVotes, shown: readonly PartyId[]): Record<PartyId, number> {
  const shownSet = new Set(shown);
  const successor = new Map<PartyId, PartyId>();
  for (const id of shown) {
    const predecessor = predecessorOf(id);
    if (predecessor !== undefined && !shownSet.has(predecessor)) successor.set(predecessor, id);
  }
  const folded: Record<PartyId, number> = {};
  for (const [id, votes] of Object.entries(partyVotes)) {
    const target = shownSet.has(id) ? id : (successor.get(id) ?? OTHER_PARTY_ID);
    folded[target] = (folded[target] ?? 0) + votes;
  }
  return folded;
}

/** Adds one seat's votes into running totals (mutates `into`: it runs 650 times per update). */
export function addVotesInto(into: Record<PartyId, number>, partyVotes: PartyVotes): void {
  for (const id in partyVotes) into[id] = (into[id] ?? 0) + (partyVotes[id] ?? 0);
}
