import { z } from 'zod';
import {
  OTHER_PARTY_ID, baselineHolder, butlerSwingBetween, describeOutcome, foldMinorParties, partyInfo, rankSeat, roundTo,
  seatMajority, seatOutcome, seatWinner, commonsAbbreviation, turnoutPercent, voteShares,
  type BaselineSeat, type DeclaredSeat, type PartyId, type SeatResult,
} from '../../../main/engine/election';
import type { BindingContext } from '../../../main/engine/templates';
import type { SeatResultFields } from './schema';

const party = z.string().min(1);
const dp1 = z.number().finite();

export const seatResultBarSchema = z.strictObject({
  party,
  label: z.string(),
  votes: z.number().int().nonnegative(),
  share: dp1,
  /** Points against the baseline; null for a party with nothing to compare with. */
  change: dp1.nullable(),
});
export type SeatResultBar = z.infer<typeof seatResultBarSchema>;

export const seatSwingSchema = z.strictObject({ from: party, to: party, points: dp1 });
export type SeatSwing = z.infer<typeof seatSwingSchema>;

/**
 * What the card draws: plain JSON, rounded as shown, so an unchanged card compares equal.
 * The output parses it with this schema too: a snapshot is an input like any other.
 */
export const seatResultViewSchema = z.strictObject({
  onsCode: z.string(),
  name: z.string(),
  region: z.string(),
  state: z.enum(['pending', 'recount', 'rush', 'declared']),
  winner: party.nullable(),
  verdict: z.string(),
  gain: z.boolean().nullable(),
  holder: party.nullable(),
  /** Whose holder that is: the notional result or the sitting MP's party (a results setting). */
  holderBasis: z.enum(['notional', 'sitting-mp']),
  mp: z.string().nullable(),
  majority: z.number().int().nullable(),
  majorityPercent: dp1.nullable(),
  turnout: dp1.nullable(),
  /** Points against the baseline's turnout, where the baseline has an electorate. */
  turnoutChange: dp1.nullable(),
  swing: seatSwingSchema.nullable(),
  bars: z.array(seatResultBarSchema).max(7),
});
export type SeatResultView = z.infer<typeof seatResultViewSchema>;

export const partyLabel = (id: PartyId): string => (id === OTHER_PARTY_ID ? 'Others' : (partyInfo(id)?.name ?? id.toUpperCase()));
const oneDp = (n: number): number => roundTo(n, 1);

/** The baseline's top two by votes (the `other` bucket sums several candidates, so it never places). */
function baselineTopTwo(before: BaselineSeat): [PartyId | undefined, PartyId | undefined] {
  const order = Object.entries(before.partyVotes).filter(([id]) => id !== OTHER_PARTY_ID).sort((a, b) => b[1] - a[1]);
  return [order[0]?.[0], order[1]?.[0]];
}

/**
 * Butler swing for the card. A gain shows the swing from the old holder to the winner; a hold,
 * between the baseline's holder and runner-up. Quoted as a positive number with its direction.
 */
function cardSwing(seat: DeclaredSeat, before: BaselineSeat, holder: PartyId, winner: PartyId): SeatSwing | null {
  const [first, second] = baselineTopTwo(before);
  const to = winner !== holder ? winner : holder === first ? second : first;
  if (to === undefined) return null;
  const points = butlerSwingBetween(voteShares(seat.partyVotes, seat.validVotes), voteShares(before.partyVotes, before.validVotes), holder, to);
  const rounded = oneDp(Math.abs(points));
  return points >= 0 ? { from: holder, to, points: rounded } : { from: to, to: holder, points: rounded };
}

/** The full result: the largest parties, the rest folded into Others, each against the baseline. */
function resultBars(seat: DeclaredSeat, before: BaselineSeat | undefined, maxBars: number): SeatResultBar[] {
  const parties = Object.entries(seat.partyVotes).filter(([id, v]) => id !== OTHER_PARTY_ID && v > 0).sort((a, b) => b[1] - a[1]);
  const shown = parties.slice(0, parties.length > maxBars ? maxBars - 1 : maxBars).map(([id]) => id);
  const now = foldMinorParties(seat.partyVotes, shown);
  const then = before ? foldMinorParties(before.partyVotes, shown) : undefined;
  const order = [...shown, ...((now[OTHER_PARTY_ID] ?? 0) > 0 ? [OTHER_PARTY_ID] : [])];
  return order.map((party) => {
    const votes = now[party] ?? 0;
    const share = (votes / seat.validVotes) * 100;
    const beforeVotes = then?.[party] ?? 0;
    // Change from the exact shares, as published, not from the rounded share on screen.
    const change = before && beforeVotes > 0 ? oneDp(share - (beforeVotes / before.validVotes) * 100) : null;
    return { party, label: partyLabel(party), votes, share: oneDp(share), change };
  });
}

export function resolveSeatResult(fields: SeatResultFields, ctx: BindingContext): SeatResultView {
  const code = fields.constituency;
  const { results } = ctx;
  const before = results.baseline.seats.get(code);
  const seat = results.seats.get(code);
  const place = ctx.constituencies.get(code);
  if (!seat || (!before && !place)) throw new Error(`${code} is not a constituency in the results baseline`);
  const holder = baselineHolder(results.baseline, code, results.holderBasis) ?? null;
  const outcome = seatOutcome(seat, results.baseline, results.holderBasis);
  const winner = seatWinner(seat) ?? null;
  // No known holder (e.g. sitting-MP basis without that list): a plain win, no GAIN or HOLD.
  const verdict = outcome ? describeOutcome(outcome) : winner ? `${commonsAbbreviation(winner)} win` : 'Awaiting declaration';
  const view: SeatResultView = {
    onsCode: code,
    name: place?.name ?? before?.name ?? code,
    region: place?.regionName ?? '',
    state: seat.state,
    winner,
    verdict: seat.state === 'recount' ? 'RECOUNT' : verdict.toUpperCase(),
    gain: outcome ? outcome.kind === 'GAIN' : null,
    holder,
    holderBasis: results.holderBasis,
    mp: null,
    majority: null,
    majorityPercent: null,
    turnout: null,
    turnoutChange: null,
    swing: null,
    bars: [],
  };
  if (seat.state !== 'declared') return view;
  const majority = seatMajority(seat);
  const turnout = turnoutPercent(seat.validVotes, seat.electorate);
  const turnoutBefore = before ? turnoutPercent(before.validVotes, before.electorate) : undefined;
  const swing = before && holder && view.winner ? cardSwing(seat, before, holder, view.winner) : null;
  return {
    ...view,
    mp: rankSeat(seat)[0]?.candidateName ?? null,
    majority: majority?.votes ?? null,
    majorityPercent: majority ? oneDp(majority.percent) : null,
    turnout: turnout === undefined ? null : oneDp(turnout),
    turnoutChange: turnout === undefined || turnoutBefore === undefined ? null : oneDp(turnout - turnoutBefore),
    swing,
    bars: resultBars(seat, before, fields.bars),
  };
}
