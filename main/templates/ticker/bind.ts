import { seatMajority, seatOutcome, seatWinner, type SeatResult } from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { outcomeText } from '../common/parties';
import { splitItems } from './items';
import type { TickerFields, TickerItem, TickerView } from './schema';

/** 4219 -> "4,219", the same on every machine whatever its locale. */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The latest decided seats, newest first: by the feed's declaration time, or,
 * where the feed gives none (the Commons files leave it empty), by when the
 * engine took the result. Seats that arrived together (one import) fall back
 * to the ONS code, so the choice is stable from one update to the next.
 */
export function latestDecided(ctx: BindingContext, count: number): SeatResult[] {
  const when = (seat: SeatResult): number => {
    const declared = (seat.state === 'declared' || seat.state === 'rush') && seat.declaredAt ? Date.parse(seat.declaredAt) : NaN;
    return Number.isFinite(declared) ? declared : (ctx.results.receivedAt.get(seat.onsCode) ?? Number.NEGATIVE_INFINITY);
  };
  return [...ctx.results.seats.values()]
    .filter((seat) => seatWinner(seat) !== undefined)
    .map((seat) => ({ seat, at: when(seat) }))
    .sort((a, b) => b.at - a.at || (a.seat.onsCode < b.seat.onsCode ? -1 : a.seat.onsCode > b.seat.onsCode ? 1 : 0))
    .slice(0, count)
    .map(({ seat }) => seat);
}

function declarationItem(seat: SeatResult, ctx: BindingContext): TickerItem {
  const { results } = ctx;
  const winner = seatWinner(seat)!;
  const outcome = seatOutcome(seat, results.baseline, results.holderBasis);
  let body = outcomeText(winner, outcome, 'both');
  if (seat.state === 'declared') {
    const majority = seatMajority(seat);
    if (majority) body += ` · MAJ ${thousands(majority.votes)}`;
  }
  const name = ctx.constituencies.get(seat.onsCode)?.name ?? results.baseline.seats.get(seat.onsCode)?.name ?? seat.onsCode;
  return { key: `${seat.onsCode}|${body}`, head: name.toUpperCase(), body, party: winner };
}

/**
 * The strip's items: the last `count` declarations ("PETERBOROUGH", "LAB GAIN
 * FROM CON · MAJ 118"), or the operator's own lines when the source is items
 * or no seat has declared yet.
 */
export function resolveTicker(fields: TickerFields, ctx: BindingContext): TickerView {
  const seats = fields.source === 'results' ? latestDecided(ctx, fields.count) : [];
  const items = seats.length
    ? seats.map((seat) => declarationItem(seat, ctx))
    : splitItems(fields.items).map((text, i) => ({ key: `item${i}|${text}`, head: '', body: text, party: 'none' }));
  return { label: fields.label.toUpperCase(), speed: fields.speed, items };
}
