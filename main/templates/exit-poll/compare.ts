/**
 * What the exit poll's changes are against. A projection is of seats on tonight's boundaries,
 * so the like-for-like comparison is the baseline: the last election re-cast onto them (the
 * notional result), which is also what GAIN and HOLD are judged against as seats declare. The
 * last exit poll was of other boundaries; it is used only when the operator types it in.
 */
import { baselineSeatTotals, OTHER_PARTY_ID, predecessorOf, type PartyId } from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { changeBasis } from '../common/parties';
import type { ExitPollFields } from './schema';

/** The baseline's seats in the poll's rows: a predecessor counts with its successor (Brexit with Reform), the rest as Others. */
export function baselineSeatsByRow(ctx: BindingContext, rows: readonly PartyId[]): Record<PartyId, number> {
  const seats = baselineSeatTotals(ctx.results.baseline, 'notional');
  const into = (party: PartyId): PartyId => {
    if (rows.includes(party)) return party;
    const successor = rows.find((row) => predecessorOf(row) === party);
    return successor ?? OTHER_PARTY_ID;
  };
  const out: Record<PartyId, number> = Object.fromEntries(rows.map((row) => [row, 0]));
  for (const [party, n] of Object.entries(seats)) out[into(party)] = (out[into(party)] ?? 0) + n;
  return out;
}

/** The fields the board draws: with "notional", every row's previous figure from the baseline, and the key says so. */
export function resolveExitPoll(fields: ExitPollFields, ctx: BindingContext): ExitPollFields {
  if (fields.compare === 'previous') return fields;
  // No baseline loaded: no comparison at all, rather than every party "up" from nothing.
  if (ctx.results.baseline.seats.size === 0) return { ...fields, parties: fields.parties.map(({ previous: _p, ...row }) => row), compareLabel: '' };
  const before = baselineSeatsByRow(
    ctx,
    fields.parties.map((p) => p.party),
  );
  // A poll without an Others row leaves the rest of the House out of the comparison, as it does the projection.
  const parties = fields.parties.map((p) => ({ ...p, previous: before[p.party] ?? 0 }));
  // The open election names its baseline ("Change on 2017"); without one, the 2024 night's wording.
  return { ...fields, parties, compareLabel: changeBasis('notional', ctx.election) };
}
