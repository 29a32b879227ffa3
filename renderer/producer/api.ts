import { z } from 'zod';
import { LAYERS } from '../../main/engine/show';
import { describeIssues } from '../../main/engine/errors';
import { withToken } from '../../overlays/gallery-stage';

/** What GET /api/producer answers (main/server/producer-api.ts), checked before anything is drawn. */
const producerCue = z.object({
  id: z.string().min(1),
  title: z.string(),
  template: z.string().min(1),
  templateName: z.string(),
  layer: z.enum(LAYERS),
  steps: z.number().int().min(1).max(50),
  view: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().optional(),
});
const producerShow = z.object({
  showName: z.string(),
  showRevision: z.number().int(),
  resultsRevision: z.number().int(),
  stacks: z.array(z.object({ id: z.string(), name: z.string(), cues: z.array(producerCue) })),
});
export type ProducerCue = z.infer<typeof producerCue>;
export type ProducerShow = z.infer<typeof producerShow>;

/** One graphic on air, as GET /api/producer/on-air gives it (the engine's OnAir). */
const onAirGraphic = z.object({
  takeId: z.number().int(),
  cueId: z.string().min(1),
  title: z.string(),
  template: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  view: z.record(z.string(), z.unknown()),
  viewRevision: z.number().int(),
  step: z.number().int().min(1),
  steps: z.number().int().min(1),
  updateSeq: z.number().int().min(0),
  since: z.number(),
  restored: z.literal(true).optional(),
});
const producerOnAir = z.object({
  program: z.partialRecord(z.enum(LAYERS), onAirGraphic),
  rehearsalMark: z.boolean(),
  at: z.number(),
});
export type ProducerOnAir = z.infer<typeof producerOnAir>;

/**
 * Reads one thing for the producer view, and nothing else: a GET, with the
 * last ETag, so an unchanged answer costs the server a 304. Resolves null
 * when nothing changed. A ?token= on the page's address goes with every request.
 */
function etagFeed<T>(path: string, schema: z.ZodType<T>, search: string): () => Promise<T | null> {
  let etag: string | null = null;
  return async () => {
    const res = await fetch(withToken(path, search), {
      method: 'GET',
      cache: 'no-store',
      headers: etag ? { 'if-none-match': etag } : {},
    });
    if (res.status === 304) return null;
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success) throw new Error(`GET ${path}: ${describeIssues(parsed.error.issues)}`);
    etag = res.headers.get('etag');
    return parsed.data;
  };
}

/** The show's stacks, with what every cue would draw now. */
export const producerFeed = (search: string) => etagFeed('/api/producer', producerShow, search);
/** What is on air now: what the audience sees. */
export const onAirFeed = (search: string) => etagFeed('/api/producer/on-air', producerOnAir, search);

/** The identity of what a cue draws: a thumbnail is redrawn only when this changes. */
export function drawKey(cue: ProducerCue): string {
  return JSON.stringify([cue.template, cue.layer, cue.view, cue.error ?? null]);
}
