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
export const SHOW_FORMAT_VERSION = 4;

/**
 * Version 4: the election a show was made for, so a restart reopens it and a journal of one
 * night never lands on another. `folder` is relative to the shipped seeds/elections (ge2017)
 * or absolute (an election of the operator's own); `name` is for the messages only.
 */
export const showElectionSchema = z.strictObject({
  folder: z.string().min(1).max(1000),
  name: z.string().min(1).max(200),
});
export type ShowElection = z.infer<typeof showElectionSchema>;

export const showSchema = z.strictObject({
  format: z.literal('strapline-show'),
  version: z.literal(SHOW_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  /** Version 2: when the file was written (Save, Save As or autosave), so a recovered copy says how old it is. */
  savedAt: z.iso.datetime({ offset: true }).optional(),
  /** Absent: made in memory (the gallery, a new show) before any election was stamped on it. */
  election: showElectionSchema.optional(),
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
