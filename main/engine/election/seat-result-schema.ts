/**
 * One constituency's result as the engine holds it, and the project's own JSON results file.
 * A discriminated union on `state` so code cannot read votes from a seat that only has a rush.
 */
import { z } from 'zod';
import { partyIdSchema } from './party-table';

/** ONS constituency code, e.g. E14001425 (England), W07000081, S14000107, N05000001. */
export const onsCodeSchema = z.string().regex(/^[ENSW]\d{8}$/, 'expected an ONS constituency code like E14001425');

const voteCount = z.number().int().nonnegative();

/** Votes keyed by party id. Missing means did not stand (or not itemised); zero is allowed. */
export const partyVotesSchema = z.record(partyIdSchema, voteCount);
export type PartyVotes = z.infer<typeof partyVotesSchema>;

export const candidateSchema = z.object({
  name: z.string().min(1),
  partyId: partyIdSchema,
  /** The label as published (e.g. `Labour and Co-operative`), kept for lower thirds. */
  partyName: z.string().optional(),
  votes: voteCount,
  sittingMp: z.boolean().optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

const seatBase = {
  onsCode: onsCodeSchema,
  /** Feed revision: a higher revision replaces a lower one for the same seat. */
  revision: z.number().int().nonnegative(),
};

export const pendingSeatSchema = z.object({ ...seatBase, state: z.literal('pending') });

/** A recount has been called: no winner may be shown until it ends. */
export const recountSeatSchema = z.object({ ...seatBase, state: z.literal('recount') });

/** A "rush": the winner is known before the full figures. */
export const rushSeatSchema = z.object({
  ...seatBase,
  state: z.literal('rush'),
  winner: partyIdSchema,
  declaredAt: z.iso.datetime().optional(),
});

export const declaredSeatSchema = z
  .object({
    ...seatBase,
    state: z.literal('declared'),
    declaredAt: z.iso.datetime().optional(),
    /** The winner as declared; only needed to settle a tie decided by lot. */
    winner: partyIdSchema.optional(),
    electorate: voteCount.optional(),
    validVotes: voteCount,
    invalidVotes: voteCount.optional(),
    partyVotes: partyVotesSchema,
    candidates: z.array(candidateSchema).optional(),
  })
  .superRefine((seat, ctx) => {
    const sum = Object.values(seat.partyVotes).reduce((a, b) => a + b, 0);
    if (sum !== seat.validVotes) {
      ctx.addIssue({ code: 'custom', path: ['partyVotes'], message: `party votes sum to ${sum} but validVotes is ${seat.validVotes}` });
    }
    if (seat.electorate !== undefined && seat.validVotes > seat.electorate) {
      ctx.addIssue({ code: 'custom', path: ['validVotes'], message: `validVotes ${seat.validVotes} exceeds electorate ${seat.electorate}` });
    }
    if (seat.candidates !== undefined) {
      const candidateSum = seat.candidates.reduce((a, c) => a + c.votes, 0);
      if (candidateSum !== seat.validVotes) {
        ctx.addIssue({ code: 'custom', path: ['candidates'], message: `candidate votes sum to ${candidateSum} but validVotes is ${seat.validVotes}` });
      }
    }
  });

export const seatResultSchema = z.discriminatedUnion('state', [pendingSeatSchema, recountSeatSchema, rushSeatSchema, declaredSeatSchema]);
export type SeatResult = z.infer<typeof seatResultSchema>;
export type DeclaredSeat = z.infer<typeof declaredSeatSchema>;

/** The project's own results file (`format: "strapline-results"`). */
export const resultsFileSchema = z
  .object({
    format: z.literal('strapline-results'),
    version: z.literal(1),
    /** Free label for the election, e.g. `ge2024`. */
    election: z.string().min(1),
    source: z.string().optional(),
    seats: z.array(seatResultSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.seats.forEach((seat, index) => {
      if (seen.has(seat.onsCode)) {
        ctx.addIssue({ code: 'custom', path: ['seats', index, 'onsCode'], message: `duplicate seat ${seat.onsCode}` });
      }
      seen.add(seat.onsCode);
    });
  });
export type ResultsFile = z.infer<typeof resultsFileSchema>;
