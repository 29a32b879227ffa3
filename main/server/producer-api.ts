import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import type { Fields, Layer } from '../engine/show';
import type { TemplateTable } from '../engine/templates';
import { sendError, sendJson } from './http-util';

export interface ProducerCue {
  id: string;
  title: string;
  template: string;
  templateName: string;
  layer: Layer;
  steps: number;
  /** What the cue would draw now, from the live results; null when it cannot be drawn. */
  view: Fields | null;
  error?: string;
}

export interface ProducerShow {
  showName: string;
  showRevision: number;
  resultsRevision: number;
  stacks: { id: string; name: string; cues: ProducerCue[] }[];
}

function producerShow(engine: Engine, templates: TemplateTable): ProducerShow {
  const { show, showRevision } = engine.showSnapshot();
  const { resultsRevision } = engine.resultsSnapshot();
  return {
    showName: show.name,
    showRevision,
    resultsRevision,
    stacks: show.stacks.map((stack) => ({
      id: stack.id,
      name: stack.name,
      cues: stack.cues.map((cue): ProducerCue => {
        const template = templates.get(cue.template);
        const resolved = engine.viewOf(cue.id);
        const base = {
          id: cue.id,
          title: cue.title,
          template: cue.template,
          templateName: template?.name ?? cue.template,
          layer: cue.layer,
          steps: template?.steps ?? 1,
        };
        return 'error' in resolved ? { ...base, view: null, error: resolved.error.message } : { ...base, view: resolved.view };
      }),
    })),
  };
}

/**
 * GET /api/producer: the show's stacks with what every cue would draw, for the
 * read-only producer view. Producers poll it; the answer is built once per
 * change of show or results and a poll with a matching ETag is answered 304,
 * so any number of producers cost the on-air engine next to nothing.
 */
export function producerApi(engine: Engine, templates: TemplateTable): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  let cached: { etag: string; body: ProducerShow } | null = null;
  return (req, res, pathname) => {
    if (pathname !== '/api/producer') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, fail('INVALID_REQUEST', '/api/producer is read-only: it takes GET'));
      return true;
    }
    const etag = `"p${engine.showSnapshot().showRevision}-r${engine.resultsSnapshot().resultsRevision}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' });
      res.end();
      return true;
    }
    if (cached?.etag !== etag) cached = { etag, body: producerShow(engine, templates) };
    res.setHeader('etag', etag);
    sendJson(res, 200, cached.body);
    return true;
  };
}
