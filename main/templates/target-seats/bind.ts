import { z } from 'zod';
import {
  baselineHolder,
  baselineShareOf,
  gainOrHold,
  predecessorOf,
  roundTo,
  seatWinner,
  swingRequired,
  voteShares,
  type BaselineSeat,
  type PartyId,
} from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { outcomeText, partyName } from '../common/parties';
import type { TargetSeatsFields } from './schema';

export const ROWS_PER_PAGE = 8;
/** Steps are fixed by the definition, so the list has at most this many pages; later pages repeat the last. */
export const TARGET_PAGES = 3;

export const targetRowSchema = z.strictObject({
  onsCode: z.string(),
  name: z.string(),
  holder: z.string(),
  /** Holder's lead over the attacker, in votes, at the baseline. */
  majority: z.number().int(),
  /** Points of Butler swing the attacker needs; null for a seat it already holds. */
  swing: z.number().nullable(),
  state: z.enum(['pending', 'recount', 'rush', 'declared']),
  winner: z.string().nullable(),
  status: z.string(),
  /** How the status chip reads: the attacker took it, someone else won, not in yet. */
  tone: z.enum(['gain', 'other', 'waiting', 'recount']),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

export const targetSeatsViewSchema = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  party: z.string(),
  rows: z.array(targetRowSchema).max(ROWS_PER_PAGE * TARGET_PAGES),
  pages: z.number().int().min(1).max(TARGET_PAGES),
  declared: z.number().int(),
  gains: z.number().int(),
});
export type TargetSeatsView = z.infer<typeof targetSeatsViewSchema>;

/** The attacker's baseline votes; a new party is measured with its predecessor's (Reform with Brexit). */
function attackerVotes(before: BaselineSeat, party: PartyId): number {
  const own = before.partyVotes[party] ?? 0;
  const predecessor = predecessorOf(party);
  return own > 0 || predecessor === undefined ? own : (before.partyVotes[predecessor] ?? 0);
}

function targetRow(code: string, before: BaselineSeat, party: PartyId, ctx: BindingContext): TargetRow {
  const { results } = ctx;
  const holder = baselineHolder(results.baseline, code, results.holderBasis) ?? before.winner;
  const shares = voteShares(before.partyVotes, before.validVotes);
  const seat = results.seats.get(code);
  const state = seat?.state ?? 'pending';
  const winner = (seat && seatWinner(seat)) ?? null;
  let status = state === 'recount' ? 'RECOUNT' : 'TO DECLARE';
  let tone: TargetRow['tone'] = state === 'recount' ? 'recount' : 'waiting';
  if (winner !== null) {
    tone = winner === party ? 'gain' : 'other';
    // The chip has room for the winner and the word, not the loser: LAB GAIN, SPEAKER RE-ELECTED.
    status = outcomeText(winner, gainOrHold(winner, holder), 'winner');
  }
  return {
    onsCode: code,
    name: ctx.constituencies.get(code)?.name ?? before.name ?? code,
    holder,
    majority: (before.partyVotes[holder] ?? 0) - attackerVotes(before, party),
    swing: holder === party ? null : roundTo(swingRequired(baselineShareOf(shares, holder), baselineShareOf(shares, party)), 1),
    state,
    winner,
    status,
    tone,
  };
}

/** Where the list comes from, for the subtitle; an unknown region is refused by name. */
function place(fields: TargetSeatsFields, ctx: BindingContext): { codes: string[]; subtitle: string; ranked: boolean } {
  if (fields.seats.length > 0) return { codes: fields.seats, subtitle: 'Seats to watch', ranked: false };
  if (fields.region === 'all') return { codes: [...ctx.results.baseline.seats.keys()], subtitle: 'United Kingdom', ranked: true };
  const inRegion = [...ctx.constituencies.values()].filter((c) => c.regionCode === fields.region);
  if (inRegion.length === 0) throw new Error(`no constituencies in region ${fields.region}`);
  return { codes: inRegion.map((c) => c.onsCode), subtitle: inRegion[0]!.regionName, ranked: true };
}

/**
 * Targets from the baseline: seats the party did not hold, easiest first (smallest swing
 * needed). Statuses follow the accepted results, so rows turn GAIN or HOLD as seats declare.
 */
export function resolveTargetSeats(fields: TargetSeatsFields, ctx: BindingContext): TargetSeatsView {
  const { codes, subtitle, ranked } = place(fields, ctx);
  const baseline = ctx.results.baseline.seats;
  const rows: TargetRow[] = [];
  for (const code of codes) {
    const before = baseline.get(code);
    if (before === undefined) throw new Error(`${code} is not a constituency in the results baseline`);
    rows.push(targetRow(code, before, fields.party, ctx));
  }
  const list = ranked
    ? rows
        .filter((r) => r.swing !== null)
        .sort((a, b) => a.swing! - b.swing! || a.majority - b.majority)
        .slice(0, fields.count)
    : rows.slice(0, fields.count);
  return {
    title: fields.title || `${partyName(fields.party)} targets`,
    subtitle,
    party: fields.party,
    rows: list,
    pages: Math.min(TARGET_PAGES, Math.max(1, Math.ceil(list.length / ROWS_PER_PAGE))),
    declared: list.filter((r) => r.winner !== null).length,
    gains: list.filter((r) => r.tone === 'gain' && r.holder !== fields.party).length,
  };
}
