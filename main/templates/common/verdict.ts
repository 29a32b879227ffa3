/**
 * The one-line headline about the House: a majority, a shortfall, or a hung
 * parliament. Pure, so the engine's resolvers and the exit poll's view say it
 * the same way. Majority = 2 x seats - 650; short by = 326 - seats.
 */
import { majorityPosition, OTHER_PARTY_ID, PARTY_TABLE, SPEAKER_PARTY_ID, type PartyId } from '../../engine/election';
import { partyShort } from './parties';

/**
 * Before any seat has declared, a board keeps its whole structure (columns, seats, the
 * majority line) with its numbers as dashes, and says this where its headline goes.
 */
export const AWAITING = 'Awaiting the first declaration';
/** A number not known yet: an en dash, as the boards already show a swing with no results. */
export const DASH = '\u2013';

/** A figure on a board that is still waiting shows the dash, never a row of zeros. */
export const figureOrDash = (n: number, waiting: boolean, format: (n: number) => string = String): string => (waiting ? DASH : format(n));

export interface Verdict {
  text: string;
  /** Whose colour the headline wears; "none" for the house accent. */
  party: PartyId | 'none';
}

export interface HouseCount {
  /** Seats with a known winner so far (the whole House for a projection). */
  decided: number;
  total: number;
  /** The party the Speaker's seat counts with for the majority, or null. */
  speakerCountsWith: PartyId | null;
}

const tableOrder = (p: PartyId) => {
  const i = PARTY_TABLE.findIndex((info) => info.id === p);
  return i < 0 ? PARTY_TABLE.length : i;
};

/**
 * The parties with most seats (more than one on a tie), in party-table order so a tie
 * reads the same whichever seat declared first. "Others" is a bucket of parties and the
 * Speaker stands for none, so neither can lead.
 */
export function leaders(seats: Readonly<Record<PartyId, number>>): { parties: PartyId[]; seats: number } {
  const named = Object.entries(seats).filter(([p, n]) => p !== OTHER_PARTY_ID && p !== SPEAKER_PARTY_ID && n > 0);
  const most = Math.max(0, ...named.map(([, n]) => n));
  const parties = named
    .filter(([, n]) => n === most && most > 0)
    .map(([p]) => p)
    .sort((a, b) => tableOrder(a) - tableOrder(b) || a.localeCompare(b));
  return { parties, seats: most };
}

/** "LAB and REF level on 1": no one party to name. */
export function levelText(parties: readonly PartyId[], seats: number): string {
  return `${parties
    .slice(0, -1)
    .map((p) => partyShort(p))
    .join(', ')} and ${partyShort(parties.at(-1)!)} level on ${seats}`;
}

export function houseVerdict(seats: Readonly<Record<PartyId, number>>, count: HouseCount): Verdict {
  const top = leaders(seats);
  const leader = top.parties[0];
  if (leader === undefined || count.decided === 0) return { text: AWAITING, party: 'none' };
  if (top.parties.length > 1) return { text: levelText(top.parties, top.seats), party: 'none' };
  const position = majorityPosition(seats, leader, { speakerCountsWith: count.speakerCountsWith, totalSeats: count.total });
  const name = partyShort(leader);
  if (position.hasMajority) return { text: `${name} majority of ${position.majority}`, party: leader };
  // Mid-count the shortfall is seats still to win; with every seat in (or projected) the largest
  // party is short of a majority: a hung House, said the short way so it fits beside the arc.
  if (count.decided < count.total) return { text: `${name} need ${position.shortBy} more`, party: leader };
  return { text: `${name} short by ${position.shortBy}`, party: leader };
}

/** "+12", "−3" (a true minus sign, as print and television set it), "0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${-n}`;
  return '0';
}
