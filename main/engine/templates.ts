import type { z } from 'zod';
import type { Fields, Layer } from './show';

/**
 * What the engine needs to know of a template: its field schema (to validate
 * every cue and update), its default layer and how many steps it has. The
 * drawing lives in overlays/graphics/<id>/; the engine is handed this table
 * so that it never depends on the overlay code.
 */
export interface TemplateDefinition {
  id: string;
  name: string;
  layer: Layer;
  steps: number;
  fields: z.ZodType<Fields>;
  /** A short line for lists and the as-run log. */
  title: (fields: Fields) => string;
}

export type TemplateTable = ReadonlyMap<string, TemplateDefinition>;

export function templateTable(defs: readonly TemplateDefinition[]): TemplateTable {
  return new Map(defs.map((d) => [d.id, d]));
}
