import { z } from 'zod';
import { OTHER_PARTY_ID, baselineShareOf, butlerSwingBetween, predecessorOf, roundTo, swingRequired, voteShares, type PartyId } from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { partyName } from '../common/parties';
import type { SwingometerFields } from './schema';

/** Seats listed either side of the line: the last to fall at this swing and the next to go. */
export const LISTED = 5;

const listedSeat = z.strictObject({ name: z.string(), need: z.number() });
export type ListedSeat = z.infer<typeof listedSeat>;

export const swingometerViewSchema = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  from: z.string(),
  to: z.string(),
  /** Points from `from` to `to` (negative: the other way); null while no seat has declared. */
  swing: z.number().nullable(),
  range: z.number().int().min(1),
  /** The party taking seats at this swing, and how many it takes from the other. */
  gainer: z.string(),
  loser: z.string(),
  changing: z.number().int().nonnegative(),
  /**
   * The real net change in seats of each party over the seats declared so far, beside the
   * projection at this swing; null until a seat has declared.
   */
  actual: z.strictObject({ from: z.number().int(), to: z.number().int() }).nullable(),
  lastToFall: z.array(listedSeat).max(LISTED),
  nextToFall: z.array(listedSeat).max(LISTED),
});
export type SwingometerView = z.infer<typeof swingometerViewSchema>;

interface Need {
  name: string;
  need: number;
}

/**
 * Uniform swing from one party to another: the swing the challenger needs to take a seat the
 * other holds. Half the gap between the two, and never less than it takes to pass every other
 * party too (whose shares a two-party swing leaves alone), so a seat where a third party sits
 * between them is not counted as changing hands before the challenger is actually first.
 */
function seatNeeds(ctx: BindingContext, holder: PartyId, challenger: PartyId): Need[] {
  const { results } = ctx;
  const skip = new Set<PartyId>([holder, challenger, OTHER_PARTY_ID]);
  for (const p of [holder, challenger]) {
    const predecessor = predecessorOf(p);
    if (predecessor) skip.add(predecessor);
  }
  const needs: Need[] = [];
  for (const [code, before] of results.baseline.seats) {
    if (before.winner !== holder) continue;
    const shares = voteShares(before.partyVotes, before.validVotes);
    const h = baselineShareOf(shares, holder);
    const c = baselineShareOf(shares, challenger);
    const third = Math.max(
      0,
      ...Object.entries(shares)
        .filter(([id]) => !skip.has(id))
        .map(([, s]) => s),
    );
    const need = Math.max(swingRequired(h, c), third - c);
    needs.push({ name: ctx.constituencies.get(code)?.name ?? before.name ?? code, need });
  }
  return needs.sort((a, b) => a.need - b.need);
}

/** The swing to show: a literal, or the Butler swing over the seats declared so far. */
function currentSwing(fields: SwingometerFields, ctx: BindingContext): number | null {
  if (fields.source === 'fixed') return roundTo(fields.swing, 1);
  const totals = ctx.totals();
  if (totals.declared === 0) return null;
  return roundTo(butlerSwingBetween(totals.shares, totals.baselineShares, fields.from, fields.to), 1);
}

const listed = (seats: Need[]): ListedSeat[] => seats.map((s) => ({ name: s.name, need: roundTo(s.need, 1) }));

export function resolveSwingometer(fields: SwingometerFields, ctx: BindingContext): SwingometerView {
  const swing = currentSwing(fields, ctx);
  const s = swing ?? 0;
  // A swing the other way takes seats from `to` for `from`.
  const [gainer, loser] = s >= 0 ? [fields.to, fields.from] : [fields.from, fields.to];
  const needs = seatNeeds(ctx, loser, gainer);
  const falling = needs.filter((n) => n.need <= Math.abs(s) && swing !== null);
  const standing = needs.slice(falling.length);
  const totals = ctx.totals();
  const subtitle =
    fields.source === 'fixed'
      ? 'What if: a uniform swing across the country'
      : swing === null
        ? 'Average swing over the declared seats'
        : `Average swing over ${totals.declared} declared ${totals.declared === 1 ? 'seat' : 'seats'}`;
  return {
    title: fields.title || `${partyName(fields.from)} to ${partyName(fields.to)}`,
    subtitle,
    from: fields.from,
    to: fields.to,
    swing,
    range: fields.range,
    gainer,
    loser,
    changing: falling.length,
    actual: totals.decided === 0 ? null : { from: totals.netChange[fields.from] ?? 0, to: totals.netChange[fields.to] ?? 0 },
    lastToFall: listed(falling.slice(-LISTED).reverse()),
    nextToFall: listed(standing.slice(0, LISTED)),
  };
}
