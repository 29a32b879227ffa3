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

/**
 * Reads the show for the producer view, and nothing else: a GET, with the last
 * ETag, so an unchanged show costs the server a 304. Resolves null when nothing
 * changed. A ?token= on the page's address goes with every request.
 */
export function producerFeed(search: string): () => Promise<ProducerShow | null> {
  let etag: string | null = null;
  return async () => {
    const res = await fetch(withToken('/api/producer', search), {
      method: 'GET',
      cache: 'no-store',
      headers: etag ? { 'if-none-match': etag } : {},
    });
    if (res.status === 304) return null;
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
    const parsed = producerShow.safeParse(await res.json());
    if (!parsed.success) throw new Error(`GET /api/producer: ${describeIssues(parsed.error.issues)}`);
    etag = res.headers.get('etag');
    return parsed.data;
  };
}

/** The identity of what a cue draws: a thumbnail is redrawn only when this changes. */
export function drawKey(cue: ProducerCue): string {
  return JSON.stringify([cue.template, cue.layer, cue.view, cue.error ?? null]);
}
