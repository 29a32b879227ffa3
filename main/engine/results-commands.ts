import { z } from 'zod';
import { baselineSeatSchema, onsCodeSchema, partyIdSchema, seatResultSchema } from './election';

/** The commands of the night's results (main/engine/results.ts); main/engine/protocol.ts gathers them into the map. */
export const resultsCommandSchemas = {
  'declare-results': z.strictObject({
    type: z.literal('declare-results'),
    source: z.string().min(1).max(200),
    seats: z.array(seatResultSchema).min(1).max(2000),
  }),
  'accept-correction': z.strictObject({ type: z.literal('accept-correction'), onsCode: onsCodeSchema }),
  'reject-correction': z.strictObject({ type: z.literal('reject-correction'), onsCode: onsCodeSchema }),
  'set-baseline': z.strictObject({ type: z.literal('set-baseline'), seats: z.array(baselineSeatSchema).min(1).max(2000) }),
  'reset-results': z.strictObject({ type: z.literal('reset-results') }),
  'results-settings': z.strictObject({
    type: z.literal('results-settings'),
    holderBasis: z.enum(['notional', 'sitting-mp']).optional(),
    speakerCountsWith: partyIdSchema.nullable().optional(),
  }),
  /** mark: the outputs' REHEARSAL mark, on by default in a rehearsal; false only by an explicit choice. Never in live mode. */
  'set-mode': z
    .strictObject({ type: z.literal('set-mode'), mode: z.enum(['live', 'rehearsal']), mark: z.boolean().optional() })
    .refine((c) => c.mode === 'rehearsal' || c.mark !== true, { path: ['mark'], message: 'the REHEARSAL mark is for rehearsal mode only' }),
} as const;
