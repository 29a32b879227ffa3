/**
 * The full result (step 2): one row a candidate, in finishing order, with name, party, votes,
 * share and change on the baseline. A result without candidates (the constituency file) lists
 * parties instead. Rows past the board's limit are added up as Others.
 */
import { z } from 'zod';
import {
  OTHER_PARTY_ID,
  baselineShareOf,
  rankSeat,
  roundTo,
  voteShares,
  type BaselineSeat,
  type DeclaredSeat,
  type PartyId,
  type PartyShares,
} from '../../engine/election';
import { partyName } from '../common/parties';

const dp1 = z.number().finite();

export const seatResultBarSchema = z.strictObject({
  party: z.string().min(1),
  /** The party as shown on the row: its on-air long name, or its published name if not in the table. */
  label: z.string(),
  /** The candidate's name; null on a party row (no candidates in the result) and on Others. */
  candidate: z.string().nullable(),
  votes: z.number().int().nonnegative(),
  share: dp1,
  /** Points against the baseline; "new" for a party that did not stand there; null when it means nothing (an independent, Others). */
  change: z.union([dp1, z.literal('new')]).nullable(),
});
export type SeatResultBar = z.infer<typeof seatResultBarSchema>;

const oneDp = (n: number): number => roundTo(n, 1);

interface Entry {
  party: PartyId;
  candidate: string | null;
  published: string | undefined;
  votes: number;
}

/** The seat's entries in finishing order: candidates when the result has them, else parties. */
function entries(seat: DeclaredSeat): Entry[] {
  if (seat.candidates !== undefined) {
    const published = new Map(seat.candidates.map((c) => [c.name, c.partyName]));
    return rankSeat(seat).map((p) => ({
      party: p.partyId,
      candidate: p.candidateName ?? null,
      published: published.get(p.candidateName ?? ''),
      votes: p.votes,
    }));
  }
  return rankSeat(seat).map((p) => ({ party: p.partyId, candidate: null, published: undefined, votes: p.votes }));
}

/**
 * A row's change on the baseline. An independent is a different person each time, so has none;
 * two candidates of one label (two independents) cannot share one party's change either.
 */
function changeOf(entry: Entry, share: number, before: PartyShares | undefined, standing: ReadonlyMap<PartyId, number>): SeatResultBar['change'] {
  if (before === undefined || entry.party === 'ind' || (standing.get(entry.party) ?? 0) > 1) return null;
  const then = baselineShareOf(before, entry.party);
  return then > 0 ? oneDp(share - then) : 'new';
}

export function resultBars(seat: DeclaredSeat, before: BaselineSeat | undefined, maxBars: number): SeatResultBar[] {
  const all = entries(seat);
  const others = seat.partyVotes[OTHER_PARTY_ID] ?? 0;
  const fits = all.length + (others > 0 ? 1 : 0) <= maxBars;
  const shown = fits ? all : all.slice(0, maxBars - 1);
  const standing = new Map<PartyId, number>();
  for (const e of all) standing.set(e.party, (standing.get(e.party) ?? 0) + 1);
  const shares = before ? voteShares(before.partyVotes, before.validVotes) : undefined;
  // Change from the exact shares, as published, not from the rounded share on screen.
  const rows: SeatResultBar[] = shown.map((e) => {
    const share = (e.votes / seat.validVotes) * 100;
    return {
      party: e.party,
      label: partyName(e.party, e.published),
      candidate: e.candidate,
      votes: e.votes,
      share: oneDp(share),
      change: changeOf(e, share, shares, standing),
    };
  });
  const rest = seat.validVotes - rows.reduce((sum, r) => sum + r.votes, 0);
  if (rest > 0) {
    rows.push({
      party: OTHER_PARTY_ID,
      label: partyName(OTHER_PARTY_ID),
      candidate: null,
      votes: rest,
      share: oneDp((rest / seat.validVotes) * 100),
      change: null,
    });
  }
  return rows;
}
