/**
 * From the accepted results to the figures the seat tally draws: seats and net
 * change per party, declarations so far, and the headline. The whole House
 * uses the engine's cached totals; a region adds up its own seats (at most a
 * few dozen, so one pass per change of results costs nothing).
 */
import { deriveTotals, OTHER_PARTY_ID, seatsNeededForMajority, type Constituency, type ElectionTotals, type PartyId } from '../../engine/election';
import { z } from 'zod';
import type { BindingContext } from '../../engine/templates';
import { bySeats, changeBasis, foldSeats, partyShort } from '../common/parties';
import { AWAITING, houseVerdict, leaders, levelText, type Verdict } from '../common/verdict';
import type { SeatTallyFields } from './schema';

const NATION_CODES: Readonly<Record<string, Constituency['nation']>> = {
  E92000001: 'England',
  S92000003: 'Scotland',
  W92000004: 'Wales',
  N92000002: 'Northern Ireland',
};

export interface Area {
  name: string;
  totals: ElectionTotals;
}

/** The totals over a region's or nation's seats, or the whole House's for an empty code. */
export function areaTotals(region: string, ctx: BindingContext): Area {
  if (region === '') return { name: 'UK', totals: ctx.totals() };
  const nation = NATION_CODES[region];
  const members = [...ctx.constituencies.values()].filter((c) => (nation ? c.nation === nation : c.regionCode === region));
  // A resolver error refuses the take with this message, so the operator sees what was wrong.
  if (members.length === 0) throw new Error(`no constituency is in region ${region}`);
  const seats = members.flatMap((c) => ctx.results.seats.get(c.onsCode) ?? []);
  const totals = deriveTotals(seats, ctx.results.baseline, { holderBasis: ctx.results.holderBasis });
  return { name: nation ?? members[0]!.regionName, totals: { ...totals, seatCount: members.length } };
}

/** A region has no majority to win: say who leads, or who won it once every seat is in. */
export function regionVerdict(seats: Readonly<Record<PartyId, number>>, decided: number, total: number): Verdict {
  const top = leaders(seats);
  const leader = top.parties[0];
  const n = top.seats;
  if (leader === undefined) return { text: AWAITING, party: 'none' };
  if (top.parties.length > 1) return { text: levelText(top.parties, n), party: 'none' };
  return { text: decided === total ? `${partyShort(leader)} win ${n} of ${total}` : `${partyShort(leader)} lead with ${n}`, party: leader };
}

const count = z.number().int().min(0);

/** What the engine sends the output: checked again there, since it crosses the wire. */
export const seatTallyView = z.strictObject({
  title: z.string(),
  area: z.string(),
  total: count,
  decided: count,
  needed: count.nullable(),
  /** What the net changes are against, said on the board: "Change on 2019 notional". */
  changeAgainst: z.string(),
  columns: z
    .array(z.strictObject({ party: z.string(), seats: count, change: z.number().int() }))
    .min(1)
    .max(8),
  verdict: z.strictObject({ text: z.string(), party: z.string() }),
});
export type SeatTallyView = z.infer<typeof seatTallyView>;

export function resolveSeatTally(fields: SeatTallyFields, ctx: BindingContext): SeatTallyView {
  const { name, totals } = areaTotals(fields.region, ctx);
  const seats = foldSeats(totals.seats, fields.parties);
  const change = foldSeats(totals.netChange, fields.parties);
  const whole = fields.region === '';
  const verdict = whole
    ? houseVerdict(totals.seats, { decided: totals.decided, total: totals.seatCount, speakerCountsWith: ctx.results.speakerCountsWith })
    : regionVerdict(totals.seats, totals.decided, totals.seatCount);
  return {
    title: fields.title,
    area: name,
    total: totals.seatCount,
    decided: totals.decided,
    // The majority line belongs to the House, not to a region.
    needed: whole ? seatsNeededForMajority(totals.seatCount) : null,
    changeAgainst: changeBasis(ctx.results.holderBasis, ctx.election),
    columns: bySeats([...fields.parties, OTHER_PARTY_ID].map((party) => ({ party, seats: seats[party] ?? 0, change: change[party] ?? 0 }))),
    verdict,
  };
}
