/**
 * What the exit-poll board shows, worked out from the fields alone: the order
 * of the bars, the scale, and the headline. Pure, so it is tested without a
 * page and the view only draws it.
 */
import { HOUSE_OF_COMMONS_SEATS, seatsNeededForMajority } from '../../../main/engine/election';
import { bySeats } from '../../../main/templates/common/parties';
import { houseVerdict, type Verdict } from '../../../main/templates/common/verdict';
import type { ExitPollFields } from '../../../main/templates/exit-poll/schema';

export interface BoardRow {
  party: string;
  seats: number;
  previous: number | null;
  change: number | null;
}

export interface Board {
  /** Largest first, "other" last: the order the bars are revealed in. */
  rows: BoardRow[];
  /** Seats at the right-hand end of the bar track. */
  scaleMax: number;
  needed: number;
  verdict: Verdict;
}

export function exitPollBoard(fields: ExitPollFields): Board {
  const rows = bySeats(fields.parties).map((p) => ({
    party: p.party,
    seats: p.seats,
    previous: p.previous ?? null,
    change: p.previous === undefined ? null : p.seats - p.previous,
  }));
  const needed = seatsNeededForMajority(HOUSE_OF_COMMONS_SEATS);
  const largest = Math.max(needed, ...rows.map((r) => Math.max(r.seats, r.previous ?? 0)));
  // Headroom past the longest bar, in steps of 50, so the majority line never sits at the edge.
  const scaleMax = Math.min(HOUSE_OF_COMMONS_SEATS, Math.ceil((largest * 1.1) / 50) * 50);
  const seats = Object.fromEntries(rows.map((r) => [r.party, r.seats]));
  // A projection covers the whole House, so a shortfall is a hung parliament; the poll has no Speaker.
  const verdict = houseVerdict(seats, { decided: HOUSE_OF_COMMONS_SEATS, total: HOUSE_OF_COMMONS_SEATS, speakerCountsWith: null });
  return { rows, scaleMax, needed, verdict };
}

/** True when an update can move the bars in place (same parties in the same order). */
export function sameOrder(a: Board, b: Board): boolean {
  return a.rows.length === b.rows.length && a.rows.every((r, i) => r.party === b.rows[i]!.party);
}
