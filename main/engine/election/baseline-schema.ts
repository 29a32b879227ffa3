/**
 * The result GAIN/HOLD and share changes are judged against. After boundary changes this is a
 * notional result (the previous election re-cast onto the new seats), keyed by the new ONS code.
 */
import { z } from 'zod';
import { onsCodeSchema, partyVotesSchema } from './seat-result-schema';
import { partyIdSchema, type PartyId } from './party-table';

export const baselineSeatSchema = z
  .object({
    onsCode: onsCodeSchema,
    /** The code the source used when it differs (five Scottish seats were recoded for 2024). */
    sourceOnsCode: onsCodeSchema.optional(),
    name: z.string().min(1).optional(),
    /** The Press Association's name and number: the key that joins a PA feed to ONS codes. */
    paName: z.string().min(1).optional(),
    paNumber: z.number().int().positive().optional(),
    /**
     * Stored, not derived: the published majority comes from individual candidates, while
     * partyVotes may sum several candidates of one label (independents).
     */
    winner: partyIdSchema,
    majority: z.number().int().nonnegative().optional(),
    electorate: z.number().int().nonnegative().optional(),
    validVotes: z.number().int().positive(),
    partyVotes: partyVotesSchema,
  })
  .superRefine((seat, ctx) => {
    const sum = Object.values(seat.partyVotes).reduce((a, b) => a + b, 0);
    if (sum !== seat.validVotes) {
      ctx.addIssue({ code: 'custom', path: ['partyVotes'], message: `party votes sum to ${sum} but validVotes is ${seat.validVotes}` });
    }
  });
export type BaselineSeat = z.infer<typeof baselineSeatSchema>;

export const baselineFileSchema = z.object({
  format: z.literal('strapline-baseline'),
  version: z.literal(1),
  /** e.g. `ge2019-notional-2024-boundaries`. */
  election: z.string().min(1),
  caveat: z.string().optional(),
  seats: z.array(baselineSeatSchema),
});
export type BaselineFile = z.infer<typeof baselineFileSchema>;

/** Which holder GAIN/HOLD is judged against: a setting, not a fact (see the data README). */
export type HolderBasis = 'notional' | 'sitting-mp';

export interface Baseline {
  readonly seats: ReadonlyMap<string, BaselineSeat>;
  /** Party of the sitting MP at dissolution, by ONS code; needed only for `sitting-mp`. */
  readonly sittingMpParty?: ReadonlyMap<string, PartyId>;
}

export function baselineFromSeats(seats: Iterable<BaselineSeat>, sittingMpParty?: ReadonlyMap<string, PartyId>): Baseline {
  const map = new Map<string, BaselineSeat>();
  for (const seat of seats) map.set(seat.onsCode, seat);
  return sittingMpParty === undefined ? { seats: map } : { seats: map, sittingMpParty };
}

/** The party a seat is held by before this election, on the chosen basis. */
export function baselineHolder(baseline: Baseline, onsCode: string, basis: HolderBasis): PartyId | undefined {
  if (basis === 'sitting-mp') return baseline.sittingMpParty?.get(onsCode);
  return baseline.seats.get(onsCode)?.winner;
}
