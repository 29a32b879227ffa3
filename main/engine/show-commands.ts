import { z } from 'zod';
import { fieldsSchema, idSchema, layerSchema, showSchema } from './show';

/** The edits to the show (main/engine/show-edits.ts and show-history.ts); main/engine/protocol.ts gathers them into the map. */
export const showCommandSchemas = {
  'add-stack': z.strictObject({ type: z.literal('add-stack'), name: z.string().min(1).max(120), stackId: idSchema.optional() }),
  'rename-stack': z.strictObject({ type: z.literal('rename-stack'), stackId: idSchema, name: z.string().min(1).max(120) }),
  'delete-stack': z.strictObject({ type: z.literal('delete-stack'), stackId: idSchema }),
  'add-cue': z.strictObject({
    type: z.literal('add-cue'),
    stackId: idSchema,
    template: z.string().min(1).max(64),
    cueId: idSchema.optional(),
    title: z.string().min(1).max(200).optional(),
    layer: layerSchema.optional(),
    fields: fieldsSchema.optional(),
    index: z.number().int().min(0).optional(),
  }),
  'edit-cue': z.strictObject({
    type: z.literal('edit-cue'),
    cueId: idSchema,
    /** The operator's name for the cue: it sticks, whatever the fields become. */
    title: z.string().min(1).max(200).optional(),
    /** Back to the automatic title, which follows the fields (not with a title). */
    autoTitle: z.literal(true).optional(),
    layer: layerSchema.optional(),
    fields: fieldsSchema.optional(),
  }),
  'delete-cue': z.strictObject({ type: z.literal('delete-cue'), cueId: idSchema }),
  'move-cue': z.strictObject({
    type: z.literal('move-cue'),
    cueId: idSchema,
    stackId: idSchema,
    index: z.number().int().min(0),
  }),
  'load-show': z.strictObject({ type: z.literal('load-show'), show: showSchema }),
  /** Step back or forward through edits to the show; never touches the air or the results. */
  undo: z.strictObject({ type: z.literal('undo') }),
  redo: z.strictObject({ type: z.literal('redo') }),
} as const;
