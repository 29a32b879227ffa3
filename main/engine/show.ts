import { z } from 'zod';

/** The layers of the output, drawn back to front. One graphic per layer. */
export const LAYERS = ['fullscreen', 'lower-third', 'ticker', 'bug'] as const;
export const layerSchema = z.enum(LAYERS);
export type Layer = z.infer<typeof layerSchema>;

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only');

/** Field values are validated against the template's own schema, not here. */
export const fieldsSchema = z.record(z.string().max(64), z.unknown());
export type Fields = Record<string, unknown>;

export const cueSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(200),
  /**
   * Version 3: the title is the template's own line for the fields (the seat's name, the region)
   * and follows them as they change, until the operator types one. Absent: the operator's title.
   */
  autoTitle: z.literal(true).optional(),
  template: z.string().min(1).max(64),
  layer: layerSchema,
  fields: fieldsSchema,
});
export type Cue = z.infer<typeof cueSchema>;

export const stackSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(120),
  cues: z.array(cueSchema).max(10_000),
});
export type Stack = z.infer<typeof stackSchema>;

/** Bumped with every change of shape; main/engine/show-migrations.ts brings older files up to it. */
export const SHOW_FORMAT_VERSION = 3;

export const showSchema = z.strictObject({
  format: z.literal('strapline-show'),
  version: z.literal(SHOW_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  /** Version 2: when the file was written (Save, Save As or autosave), so a recovered copy says how old it is. */
  savedAt: z.iso.datetime({ offset: true }).optional(),
  stacks: z.array(stackSchema).max(200),
});
export type Show = z.infer<typeof showSchema>;

export { idSchema };

export function findCue(show: Show, cueId: string): { stack: Stack; cue: Cue; index: number } | undefined {
  for (const stack of show.stacks) {
    const index = stack.cues.findIndex((c) => c.id === cueId);
    if (index >= 0) return { stack, cue: stack.cues[index]!, index };
  }
  return undefined;
}

export function emptyShow(name: string): Show {
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name, stacks: [] };
}
