import { commonsAbbreviation, seatMajority, seatOutcome, seatWinner, type PartyId, type SeatResult } from '../../../main/engine/election';
import type { BindingContext } from '../../../main/engine/templates';
import { splitItems, type TickerFields, type TickerItem, type TickerView } from './schema';

/** Names viewers know: the Commons Library's codes, except where the party's own name is clearer. */
const TICKER_NAMES: Record<string, string> = { reform: 'Reform', alliance: 'Alliance', speaker: 'Speaker', ind: 'Ind' };
const tickerName = (party: PartyId): string => TICKER_NAMES[party] ?? commonsAbbreviation(party);

/** 4219 -> "4,219", the same on every machine whatever its locale. */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const declaredAt = (seat: SeatResult): number =>
  (seat.state === 'declared' || seat.state === 'rush') && seat.declaredAt ? Date.parse(seat.declaredAt) : Number.NEGATIVE_INFINITY;

/**
 * The latest decided seats, newest first. Feeds without declaration times
 * (the Commons files leave them empty) fall back to the ONS code, so the
 * choice is at least stable from one update to the next.
 */
export function latestDecided(ctx: BindingContext, count: number): SeatResult[] {
  return [...ctx.results.seats.values()]
    .filter((seat) => seatWinner(seat) !== undefined)
    .sort((a, b) => declaredAt(b) - declaredAt(a) || (a.onsCode < b.onsCode ? -1 : a.onsCode > b.onsCode ? 1 : 0))
    .slice(0, count);
}

function declarationItem(seat: SeatResult, ctx: BindingContext): TickerItem {
  const { results } = ctx;
  const winner = seatWinner(seat)!;
  const outcome = seatOutcome(seat, results.baseline, results.holderBasis);
  let body = !outcome ? `${tickerName(winner)} win` : outcome.kind === 'HOLD' ? `${tickerName(winner)} hold` : `${tickerName(winner)} gain from ${tickerName(outcome.from)}`;
  if (seat.state === 'declared') {
    const majority = seatMajority(seat);
    if (majority) body += ` · maj ${thousands(majority.votes)}`;
  }
  const name = ctx.constituencies.get(seat.onsCode)?.name ?? results.baseline.seats.get(seat.onsCode)?.name ?? seat.onsCode;
  body = body.toUpperCase();
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
