import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import path from 'node:path';
import { Engine } from '../engine/engine';
import { resolveView } from '../engine/binding';
import { describeIssues, fail } from '../engine/errors';
import type { Baseline, Constituency } from '../engine/election';
import { importStraplineResultsJson } from '../engine/import';
import { emptyShow, type Fields, type Layer } from '../engine/show';
import { templateTable, type BindingContext, type TemplateDefinition } from '../engine/templates';
import { ok, route, type Route } from './route-table';
import { STRESS_CASES, STRESS_COMBINATIONS, type StressCombination } from './gallery-stress';

/** One template as the gallery shows it: what it is, and what its demo cue draws. */
export interface GalleryTemplate {
  id: string;
  name: string;
  description: string;
  layer: Layer;
  steps: number;
  demo: Fields;
  /** The demo fields resolved against the gallery's results; null when they could not be. */
  view: Fields | null;
  error?: string;
  /** In the stress set: which case of the template this is, and what makes it hard. */
  case?: string;
  caseLabel?: string;
}

/** `demo`: every template once with its demo cue; `stress`: the hardest real cases (gallery-stress.ts). */
export const GALLERY_SETS = ['demo', 'stress'] as const;
export type GallerySet = (typeof GALLERY_SETS)[number];
const gallerySetSchema = z.enum(GALLERY_SETS, { error: `set must be one of ${GALLERY_SETS.join(', ')}` });

export interface Gallery {
  set: GallerySet;
  /** Where the gallery's results came from, and how many seats they declare. */
  source: string;
  declared: number;
  templates: GalleryTemplate[];
  /** In the stress set: layers on air together, each naming one of the templates' cases (gallery-stress.ts). */
  combinations: readonly StressCombination[];
}

export interface GallerySources {
  /** A strapline-results file with a whole night (seeds/reference/ge2024-results.json). */
  resultsFile: string;
  baseline: Baseline;
  constituencies: readonly Constituency[];
  templates: readonly TemplateDefinition[];
}

/**
 * Builds the gallery once: a private engine holds a whole declared night, so
 * every bound template has real figures to draw, and the live engine's results
 * are never read or changed by it. Deterministic: the same files give the same
 * answer, byte for byte.
 */
export async function buildGallery(sources: GallerySources, set: GallerySet = 'demo'): Promise<Gallery> {
  const imported = importStraplineResultsJson(await readFile(sources.resultsFile, 'utf8'), sources.resultsFile);
  if (imported.report.applied !== 'all') throw new Error(`gallery results: ${imported.report.summary}`);
  const engine = new Engine({
    show: emptyShow('Gallery'),
    baseline: sources.baseline,
    constituencies: sources.constituencies,
    templates: templateTable(sources.templates),
    now: () => 0,
  });
  const declared = engine.dispatch({ type: 'declare-results', source: sources.resultsFile, seats: imported.rows });
  if (!declared.ok) throw new Error(`gallery results: ${declared.error.message}`);
  const ctx: BindingContext = {
    results: engine.resultsState(),
    constituencies: new Map(sources.constituencies.map((c) => [c.onsCode, c])),
    totals: () => engine.resultsSnapshot().totals,
  };
  const byId = new Map(sources.templates.map((t) => [t.id, t]));
  return {
    set,
    // The file's name only: the server's folders are none of a browser's business.
    source: path.basename(sources.resultsFile),
    declared: engine.resultsSnapshot().totals.declared,
    templates:
      set === 'demo'
        ? sources.templates.map((t) => galleryEntry(t, t.demo, ctx))
        : STRESS_CASES.filter((c) => byId.has(c.template)).map((c) => ({
            ...galleryEntry(byId.get(c.template)!, c.fields, ctx),
            case: c.id,
            caseLabel: c.label,
          })),
    combinations: set === 'demo' ? [] : STRESS_COMBINATIONS.filter((c) => c.layers.every((l) => byId.has(l.template))),
  };
}

function galleryEntry(template: TemplateDefinition, demo: Fields, ctx: BindingContext): GalleryTemplate {
  const { id, name, description, layer, steps } = template;
  const entry = { id, name, description, layer, steps, demo };
  // The demo goes through the field schema as any cue does, so defaults are filled as on air.
  const parsed = template.fields.safeParse(demo);
  if (!parsed.success) return { ...entry, view: null, error: `demo fields: ${describeIssues(parsed.error.issues)}` };
  const resolved = resolveView(template, parsed.data, ctx);
  return 'error' in resolved ? { ...entry, view: null, error: resolved.error.message } : { ...entry, view: resolved.view };
}

/**
 * GET /api/gallery. The sources are fixed when the server starts; the gallery
 * is built at the first request and kept (a fifth of a second of work that a
 * server nobody opens the gallery on, or a test, should not pay), so a slow or
 * broken results file never delays or stops the air.
 */
export function galleryRoutes(sources: GallerySources): Route[] {
  const built = new Map<GallerySet, Promise<{ gallery: Gallery } | { error: string }>>();
  const galleryOf = (set: GallerySet) => {
    if (!built.has(set)) {
      built.set(
        set,
        buildGallery(sources, set).then(
          (gallery) => ({ gallery }),
          (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
        ),
      );
    }
    return built.get(set)!;
  };
  return [
    route({
      method: 'GET',
      path: '/api/gallery',
      access: 'watch',
      query: z.object({ set: gallerySetSchema.default('demo') }),
      handle: async ({ query }) => {
        const outcome = await galleryOf(query.set);
        return 'error' in outcome ? { error: fail('INTERNAL_ERROR', `/api/gallery: ${outcome.error}`) } : ok(outcome.gallery);
      },
    }),
  ];
}
