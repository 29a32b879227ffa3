/**
 * The feed's state of parties beside Strapline's own count. PA's totals never change a seat:
 * they are a check. Where the two disagree (a seat the feed has and we lack, a correction
 * still waiting, a seat judged GAIN here and HOLD there) the console says so, party by party.
 */
import type { PartyId } from '../election/party-table';
import type { PaStateOfParties } from './pa-xml-importer';

/** As GET /api/results reports it: the feed's figures, when they came, and where they differ from ours. */
export interface FeedStateOfParties extends PaStateOfParties {
  /** Epoch milliseconds, the server's clock, when the file was taken. */
  readonly receivedAt: number;
  readonly differences: readonly StateOfPartiesDifference[];
}

export interface StateOfPartiesDifference {
  readonly partyId: PartyId;
  readonly figure: 'seats' | 'gains' | 'losses';
  readonly feed: number;
  readonly strapline: number;
}

type Counts = Readonly<Record<PartyId, number>>;

/** Every party and figure where the feed and Strapline's own totals disagree (a missing party counts 0). */
export function stateOfPartiesDifferences(feed: PaStateOfParties, own: { seats: Counts; gains: Counts; losses: Counts }): StateOfPartiesDifference[] {
  const differences: StateOfPartiesDifference[] = [];
  for (const figure of ['seats', 'gains', 'losses'] as const) {
    const parties = new Set([...Object.keys(feed[figure]), ...Object.keys(own[figure])]);
    for (const partyId of [...parties].sort()) {
      const theirs = feed[figure][partyId] ?? 0;
      const ours = own[figure][partyId] ?? 0;
      if (theirs !== ours) differences.push({ partyId, figure, feed: theirs, strapline: ours });
    }
  }
  return differences;
}
