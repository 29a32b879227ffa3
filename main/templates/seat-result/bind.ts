import { z } from 'zod';
import {
  OTHER_PARTY_ID,
  baselineHolder,
  rankSeat,
  roundTo,
  seatMajority,
  seatOutcome,
  seatSwingBetween,
  seatWinner,
  turnoutPercent,
  voteShares,
  type BaselineSeat,
  type DeclaredSeat,
  type PartyId,
} from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { outcomeText } from '../common/parties';
import { resultBars, seatResultBarSchema } from './result-rows';
import type { SeatResultFields } from './schema';

export { seatResultBarSchema, type SeatResultBar } from './result-rows';

const party = z.string().min(1);
const dp1 = z.number().finite();

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
  /** What share changes are against, on air, when the loaded election names it ("Change on 2024"). */
  changeLabel: z.string().optional(),
  /** The elected candidate, where the result names candidates. */
  mp: z.string().nullable(),
  majority: z.number().int().nullable(),
  majorityPercent: dp1.nullable(),
  turnout: dp1.nullable(),
  /** Points against the baseline's turnout, where the baseline has an electorate. */
  turnoutChange: dp1.nullable(),
  /** Between the two parties that mattered, or null where no two-party swing means anything. */
  swing: seatSwingSchema.nullable(),
  bars: z.array(seatResultBarSchema).max(7),
});
export type SeatResultView = z.infer<typeof seatResultViewSchema>;

const oneDp = (n: number): number => roundTo(n, 1);

/**
 * Butler swing between the two parties that mattered: the previous holder and the winner on a
 * gain; the winner and tonight's runner-up on a hold. Never to a party that came third or worse,
 * and none at all where the pair has no meaning (the Speaker, an independent, a party that did
 * not stand last time): seatSwingBetween says when. Quoted as a positive number with its direction.
 */
function cardSwing(seat: DeclaredSeat, before: BaselineSeat, holder: PartyId, winner: PartyId): SeatSwing | null {
  const runnerUp = rankSeat(seat)[1]?.partyId;
  const other = winner !== holder ? holder : runnerUp;
  if (other === undefined || other === OTHER_PARTY_ID) return null;
  const points = seatSwingBetween(voteShares(seat.partyVotes, seat.validVotes), voteShares(before.partyVotes, before.validVotes), other, winner);
  if (points === undefined) return null;
  const rounded = oneDp(Math.abs(points));
  return points >= 0 ? { from: other, to: winner, points: rounded } : { from: winner, to: other, points: rounded };
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
  const verdict = seat.state === 'recount' ? 'RECOUNT' : winner ? outcomeText(winner, outcome, 'both') : 'AWAITING DECLARATION';
  const view: SeatResultView = {
    onsCode: code,
    name: place?.name ?? before?.name ?? code,
    region: place?.regionName ?? '',
    state: seat.state,
    winner,
    verdict,
    gain: outcome ? outcome.kind === 'GAIN' : null,
    holder,
    holderBasis: results.holderBasis,
    ...(ctx.election?.changeLabel ? { changeLabel: ctx.election.changeLabel } : {}),
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
