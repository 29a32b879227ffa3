/**
 * From the accepted results to the arc: seats per party in seating order
 * (the left-leaning parties from the left, the unionist right from the right,
 * undeclared seats between them, so the grey shrinks into the middle as the
 * night goes on), the key, and the headline. Reads only the cached totals.
 */
import { z } from 'zod';
import { OTHER_PARTY_ID, seatsNeededForMajority, type PartyId } from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { bySeats, foldSeats } from '../common/parties';
import { houseVerdict } from '../common/verdict';
import type { HemicycleFields } from './schema';

/** Undeclared seats: a seating block and a key entry, never a party. */
export const PENDING = 'pending';

// The usual Commons diagram: Labour at the left-hand end, the Conservatives at the right.
const FROM_LEFT: readonly PartyId[] = ['lab', 'snp', 'sf', 'sdlp', 'alliance', 'pc', 'green', 'ld'];
const TO_RIGHT: readonly PartyId[] = ['tuv', 'uup', 'dup', 'reform', 'con'];

const count = z.number().int().min(0);
const block = z.strictObject({ party: z.string(), seats: count });

/** What the engine sends the output, checked again there. */
export const hemicycleView = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  total: count,
  decided: count,
  needed: count,
  seating: z.array(block),
  key: z.array(block).max(9),
  verdict: z.strictObject({ text: z.string(), party: z.string() }),
});
export type HemicycleView = z.infer<typeof hemicycleView>;

/**
 * Seats per party in seating order, undeclared in the middle; empty blocks left out. Only the
 * parties the key names are drawn in their own colours: everyone else (the Speaker too, unless
 * named) sits as one Others block beside the undeclared seats, in the Others grey the key shows, so
 * no colour on the arc goes unexplained (Sinn Féin's green would read as Plaid's).
 */
export function seatingOrder(seats: Readonly<Record<PartyId, number>>, pending: number, shown: readonly PartyId[]): { party: string; seats: number }[] {
  const won = foldSeats(seats, shown);
  const placed = new Set<PartyId>([...FROM_LEFT, ...TO_RIGHT, OTHER_PARTY_ID]);
  const middle = Object.keys(won)
    .filter((p) => !placed.has(p))
    .sort((a, b) => a.localeCompare(b));
  const order = [...FROM_LEFT, ...middle, OTHER_PARTY_ID, PENDING, ...TO_RIGHT];
  return order.map((party) => ({ party, seats: party === PENDING ? pending : (won[party] ?? 0) })).filter((b) => b.seats > 0);
}

export function resolveHemicycle(fields: HemicycleFields, ctx: BindingContext): HemicycleView {
  const totals = ctx.totals();
  const pending = totals.seatCount - totals.decided;
  const folded = foldSeats(totals.seats, fields.parties);
  const key = bySeats([...fields.parties, OTHER_PARTY_ID].map((party) => ({ party, seats: folded[party] ?? 0 })));
  return {
    title: fields.title,
    subtitle: fields.subtitle,
    total: totals.seatCount,
    decided: totals.decided,
    needed: seatsNeededForMajority(totals.seatCount),
    seating: seatingOrder(totals.seats, pending, fields.parties),
    key: pending > 0 ? [...key, { party: PENDING, seats: pending }] : key,
    verdict: houseVerdict(totals.seats, { decided: totals.decided, total: totals.seatCount, speakerCountsWith: ctx.results.speakerCountsWith }),
  };
}
