import type { z } from 'zod';
import type { Fields, Layer } from './show';
import type { ResultsState } from './results-state';
import type { Constituency, ElectionFacts, ElectionTotals } from './election';
import type { TemplateKind } from '../templates/outside/contract';

/**
 * What a bound template may read when it resolves its fields: the accepted
 * results only (corrections wait for the operator), the constituency list and
 * the running totals (derived once per change of results, shared by every
 * graphic).
 */
export interface BindingContext {
  results: ResultsState;
  constituencies: ReadonlyMap<string, Constituency>;
  totals: () => ElectionTotals;
  /** The loaded election (main/server/election-session.ts); absent where none was opened (tests, the gallery's own night). */
  election?: ElectionFacts;
}

/** What a title may name: the constituency list, for a seat's name and region. */
export type TitleNames = Pick<BindingContext, 'constituencies'>;

/**
 * What the engine needs to know of a template: its field schema (to validate
 * every cue and update), its default layer and how many steps it has. The
 * drawing lives in overlays/graphics/<id>/; the engine is handed this table
 * so that it never depends on the overlay code.
 */
export interface TemplateDefinition {
  id: string;
  name: string;
  /** One line for the console's palette and the gallery. */
  description: string;
  layer: Layer;
  steps: number;
  fields: z.ZodType<Fields>;
  /**
   * A short line for lists and the as-run log: the cue's title until the
   * operator names it (main/engine/cue-title.ts). Given the fields with their
   * defaults, and the names a bound cue's source goes by (the seat's name).
   */
  title: (fields: Fields, names: TitleNames) => string;
  /** Field values that draw a good graphic in the gallery (real figures from seeds/). */
  demo: Fields;
  /**
   * Bound templates only: the values the output draws, from the cue's fields
   * and the results. Pure and quick (it runs on every change of results while
   * the graphic is on air or in preview). Unbound templates draw their fields.
   */
  resolve?: (fields: Fields, ctx: BindingContext) => Fields;
  /**
   * Bound templates: the shape of what resolve returns, the schema the output
   * parses it with. A view that comes from outside (a crash's session.json,
   * restore-program) is checked against it before it may go to air.
   */
  view?: z.ZodType<Fields>;
  /** Absent for the built-ins; outside templates say which contract they follow (main/templates/registry.ts). */
  kind?: TemplateKind;
  /** OGraf only: the custom actions its manifest lists, the only ones the custom-action command sends it. */
  customActions?: readonly string[];
}

/**
 * What the engine asks of its templates: one by id. A Map of the built-ins is
 * one; the registry (main/templates/registry.ts) is another, whose outside
 * templates appear, change and go during a show, so it is asked at every use
 * and never copied.
 */
export interface TemplateTable {
  get(id: string): TemplateDefinition | undefined;
}

/** One template as the API and the consoles list it: built-in and outside alike. */
export interface TemplateListing {
  id: string;
  name: string;
  kind: TemplateKind;
  layer: Layer;
  steps: number;
  /** JSON Schema of its fields (built-ins: from their zod schema). */
  schema: Record<string, unknown>;
  /** Outside templates: the manifest or page, relative to its templates folder; null for a built-in. */
  source: string | null;
  /** Why it cannot be used as it is (file and line where known), or that its file has gone; empty when fine. */
  problems: string[];
  /** Whether a new cue of it may be added and taken: false when unreadable or gone (problems say why). */
  usable: boolean;
  /** OGraf: the custom actions its manifest lists. */
  customActions: { id: string; name: string }[];
}

export interface TemplatesSnapshot {
  templatesRevision: number;
  templates: TemplateListing[];
}

/** A table that changes during a show: the engine tells the consoles each time it does. */
export interface LiveTemplates extends TemplateTable {
  snapshot(): TemplatesSnapshot;
  /** Called after every change (a template added, changed, gone); returns the unsubscribe. */
  watch(listener: () => void): () => void;
}

export function isLiveTemplates(t: TemplateTable): t is LiveTemplates {
  return typeof (t as Partial<LiveTemplates>).snapshot === 'function' && typeof (t as Partial<LiveTemplates>).watch === 'function';
}

/**
 * A bound template's field schema, resolve and view schema, typed by the field
 * schema. The engine hands resolve the fields already parsed with that schema
 * (defaults filled in, once per fields object: binding.ts), so no template
 * parses its fields again on a take or a change of results.
 */
export function boundTemplate<S extends z.ZodType<Fields>>(
  fields: S,
  resolve: (fields: z.output<S>, ctx: BindingContext) => Fields,
  view: z.ZodType<Fields>,
): Required<Pick<TemplateDefinition, 'fields' | 'resolve' | 'view'>> {
  // Sound by the contract above: resolve is only ever called with what `fields` parsed.
  return { fields, resolve: resolve as (fields: Fields, ctx: BindingContext) => Fields, view };
}

export function templateTable(defs: readonly TemplateDefinition[]): ReadonlyMap<string, TemplateDefinition> {
  return new Map(defs.map((d) => [d.id, d]));
}
