import { z } from 'zod';
import { fieldsSchema, idSchema, layerSchema } from './show';

/** One graphic as it was on air, as the server persists it (main/server/session-state.ts) and restore-program takes it back. */
export const restoredGraphicSchema = z.strictObject({
  cueId: idSchema,
  title: z.string().min(1).max(200),
  template: z.string().min(1).max(64),
  fields: fieldsSchema,
  /** What the output drew: restored as it was, since the results it was resolved from may not be back yet. */
  view: fieldsSchema,
  step: z.number().int().min(1).max(100),
});
export type RestoredGraphic = z.infer<typeof restoredGraphicSchema>;

/** The commands of the air (main/engine/playout.ts and restore-program.ts); main/engine/protocol.ts gathers them into the map. */
export const playoutCommandSchemas = {
  cue: z.strictObject({ type: z.literal('cue'), cueId: idSchema }),
  /** cueId is the cue the operator expects to put on air: if preview moved on, the take is stale. */
  take: z.strictObject({ type: z.literal('take'), cueId: idSchema }),
  next: z.strictObject({ type: z.literal('next'), layer: layerSchema }),
  update: z.strictObject({ type: z.literal('update'), layer: layerSchema, fields: fieldsSchema.optional() }),
  out: z.strictObject({ type: z.literal('out'), layer: layerSchema }),
  'clear-all': z.strictObject({ type: z.literal('clear-all') }),
  /** After a crash, on the operator's word: puts back what was on air, cut to its steady state (main/engine/restore-program.ts). */
  'restore-program': z.strictObject({ type: z.literal('restore-program'), program: z.partialRecord(layerSchema, restoredGraphicSchema) }),
  /** OGraf graphics on air: one of the custom actions its manifest lists (main/engine/custom-action.ts). */
  'custom-action': z.strictObject({
    type: z.literal('custom-action'),
    layer: layerSchema,
    action: z.string().min(1).max(200),
    payload: z.unknown().optional(),
  }),
} as const;
