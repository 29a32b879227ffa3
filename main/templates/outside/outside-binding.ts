import { z } from 'zod';
import type { BindingContext } from '../../engine/templates';
import { partyShort } from '../common/parties';
import { resolveSeatResult } from '../seat-result/bind';

/**
 * Results on outside templates. A cue's fields may hold, beside the values, a
 * `bind` map from a field to a source in the results:
 *   "bind": { "f0": { "seat": "E14000530", "value": "verdict" }, "f1": { "party": "lab", "value": "seats" } }
 * The engine resolves it from the accepted results at the take and again on
 * every change of results, as for a built-in bound template, and the graphic
 * gets the value in that field (an update, never a replayed in). Until a seat
 * declares, its fields keep the value the operator typed.
 */
export const SEAT_VALUES = ['name', 'verdict', 'winner', 'candidate', 'majority', 'turnout'] as const;
export const PARTY_VALUES = ['seats', 'gains', 'losses', 'net', 'name'] as const;

const onsCode = z.string().regex(/^[EWSN]\d{8}$/, 'an ONS code such as E14000530');
export const fieldBindingSchema = z.union([
  z.strictObject({ seat: onsCode, value: z.enum(SEAT_VALUES) }),
  z.strictObject({ party: z.string().min(1).max(32), value: z.enum(PARTY_VALUES) }),
]);
export const bindMapSchema = z.record(z.string().min(1).max(64), fieldBindingSchema);
export type BindMap = z.infer<typeof bindMapSchema>;

type Binding = z.infer<typeof fieldBindingSchema>;

function seatValue(b: Extract<Binding, { seat: string }>, ctx: BindingContext): string | number | null {
  const card = resolveSeatResult({ constituency: b.seat, bars: 7 }, ctx);
  switch (b.value) {
    case 'name':
      return card.name;
    case 'verdict':
      return card.state === 'pending' ? null : card.verdict;
    case 'winner':
      return card.winner ? partyShort(card.winner) : null;
    case 'candidate':
      return card.mp;
    case 'majority':
      return card.majority;
    case 'turnout':
      return card.turnout;
  }
}

function partyValue(b: Extract<Binding, { party: string }>, ctx: BindingContext): string | number {
  if (b.value === 'name') return partyShort(b.party);
  const t = ctx.totals();
  const table = b.value === 'seats' ? t.seats : b.value === 'gains' ? t.gains : b.value === 'losses' ? t.losses : t.netChange;
  return table[b.party] ?? 0;
}

/** The values of the bound fields now; a source with nothing yet (a seat not declared) leaves its field as typed. */
export function boundValues(bind: BindMap, ctx: BindingContext): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [field, b] of Object.entries(bind)) {
    const value = 'seat' in b ? seatValue(b, ctx) : partyValue(b, ctx);
    if (value !== null) out[field] = value;
  }
  return out;
}
