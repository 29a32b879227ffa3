/**
 * Overall-majority arithmetic for the 650-seat House. The Speaker does not vote, so whether
 * the Speaker's seat counts with their former party is an editorial setting: the often-quoted
 * 2024 Labour majority of 174 counts the Speaker with Labour; 172 does not.
 */
import type { PartyId } from './party-table';

export const HOUSE_OF_COMMONS_SEATS = 650;
export const SPEAKER_PARTY_ID = 'speaker';

export interface MajoritySettings {
  /** The party the Speaker's seat is counted with, or null to count it with nobody. */
  readonly speakerCountsWith: PartyId | null;
  readonly totalSeats?: number;
}

export interface MajorityPosition {
  readonly party: PartyId;
  /** Seats counted for the party (its own plus the Speaker's when the setting says so). */
  readonly seats: number;
  /** Seats needed for an overall majority: 326 of 650. */
  readonly needed: number;
  /** 2 x seats - total: positive is a majority of that size, negative a shortfall in the House. */
  readonly majority: number;
  readonly hasMajority: boolean;
  /** needed - seats when short, else 0. */
  readonly shortBy: number;
}

export function seatsNeededForMajority(totalSeats: number = HOUSE_OF_COMMONS_SEATS): number {
  return Math.floor(totalSeats / 2) + 1;
}

export function majorityPosition(seatsByParty: Readonly<Record<PartyId, number>>, party: PartyId, settings: MajoritySettings): MajorityPosition {
  const totalSeats = settings.totalSeats ?? HOUSE_OF_COMMONS_SEATS;
  const speakerSeats = settings.speakerCountsWith === party && party !== SPEAKER_PARTY_ID ? (seatsByParty[SPEAKER_PARTY_ID] ?? 0) : 0;
  const seats = (seatsByParty[party] ?? 0) + speakerSeats;
  const needed = seatsNeededForMajority(totalSeats);
  const majority = 2 * seats - totalSeats;
  return { party, seats, needed, majority, hasMajority: seats >= needed, shortBy: Math.max(0, needed - seats) };
}

/** The party with most seats (ties: first in key order), for "largest party" straps. */
export function largestParty(seatsByParty: Readonly<Record<PartyId, number>>): PartyId | undefined {
  let best: PartyId | undefined;
  let bestSeats = -1;
  for (const [party, seats] of Object.entries(seatsByParty)) {
    if (party !== SPEAKER_PARTY_ID && seats > bestSeats) {
      best = party;
      bestSeats = seats;
    }
  }
  return best;
}
