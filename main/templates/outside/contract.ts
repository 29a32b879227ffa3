import { z } from 'zod';

/**
 * The seam between the template registry (engine and server) and the output's
 * host for outside graphics (overlays/outside/). An outside cue's view, which
 * the engine resolves and every output receives in its snapshot, carries what
 * the host needs to load and drive the graphic; the output holds no list of
 * outside templates of its own.
 */
export const OUTSIDE_KINDS = ['ograf', 'casparcg', 'spx'] as const;
export type OutsideKind = (typeof OUTSIDE_KINDS)[number];
export type TemplateKind = 'builtin' | OutsideKind;

/** Where outside template files are served, by the index of their templates folder and their path in it. */
export const TEMPLATE_FILES_PREFIX = '/templates/';

export function templateFileUrl(folder: number, relPath: string): string {
  return `${TEMPLATE_FILES_PREFIX}${folder}/${relPath.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
}

export const outsideHostSchema = z.strictObject({
  kind: z.enum(OUTSIDE_KINDS),
  /** The OGraf module (its manifest's `main`, resolved) or the CasparCG / SPX page, as served: templateFileUrl(). */
  src: z.string().startsWith(TEMPLATE_FILES_PREFIX),
  /** A hash of the template's files when the cue was made: a graphic on air keeps what it loaded. */
  version: z.string().min(1),
  /** Steps: OGraf stepCount (-1 dynamic), SPX steps, CasparCG 1 unless the page says. */
  steps: z.number().int().min(-1),
  /** How a CasparCG page receives update(): a JSON string or templateData XML. OGraf and SPX: json. */
  dataFormat: z.enum(['json', 'xml']),
  /** SPX only: 'manual', 'none' (no out), or milliseconds after which the graphic takes itself out. */
  spxOut: z.union([z.literal('manual'), z.literal('none'), z.number().int().positive()]).optional(),
});
export type OutsideHost = z.infer<typeof outsideHostSchema>;

/** The view of an outside cue: the host's facts and the data the graphic is given (bound fields resolved). */
export const outsideViewSchema = z.strictObject({
  outside: outsideHostSchema,
  data: z.record(z.string(), z.unknown()),
});
export type OutsideView = z.infer<typeof outsideViewSchema>;

export function isOutsideView(view: unknown): view is OutsideView {
  return typeof view === 'object' && view !== null && 'outside' in view && outsideViewSchema.safeParse(view).success;
}
