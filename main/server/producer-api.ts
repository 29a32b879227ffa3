import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import type { Fields, Layer } from '../engine/show';
import type { TemplateTable } from '../engine/templates';
import type { ProgramSnapshot } from '../engine/protocol';
import { ok, route, type Answer, type Route } from './route-table';

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

/**
 * Names and steps from the engine's registry, outside templates included (they come and go
 * during the show); `builtins` answers for an engine that has only the built-ins' table.
 */
function templateFacts(engine: Engine, builtins: TemplateTable): (id: string) => { name: string; steps: number } | undefined {
  const listed = new Map((engine.templatesSnapshot()?.templates ?? []).map((t) => [t.id, t]));
  return (id) => listed.get(id) ?? builtins.get(id);
}

function producerShow(engine: Engine, builtins: TemplateTable): ProducerShow {
  const factsOf = templateFacts(engine, builtins);
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
        const template = factsOf(cue.template);
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

/** What the audience sees, for the producer: the program and the REHEARSAL mark, no preview (that is the operator's). */
export interface ProducerOnAir {
  program: ProgramSnapshot['program'];
  rehearsalMark: boolean;
  at: number;
}

/**
 * GET /api/producer: the show's stacks with what every cue would draw, for the
 * read-only producer view. Producers poll it; the answer is built once per
 * change of show or results and a poll with a matching ETag is answered 304,
 * so any number of producers cost the on-air engine next to nothing.
 * GET /api/producer/on-air: what is on air now (ProducerOnAir), by the same rule.
 */
export function producerRoutes(engine: Engine, builtins: TemplateTable): Route[] {
  let cached: { etag: string; body: ProducerShow } | null = null;
  // Revisions start again at 1 when the server does: the boot keeps a restarted server's ETags from matching old ones.
  const boot = Date.now().toString(36);
  const onAir = onAirTag(engine);
  return [
    route({
      method: 'GET',
      path: '/api/producer',
      access: 'watch',
      handle: ({ req, res }): Answer => {
        // A template added or changed in its folder renames its cues: the registry's revision is part of the tag.
        const revisions = `p${engine.showSnapshot().showRevision}-r${engine.resultsSnapshot().resultsRevision}`;
        const etag = `"${boot}-${revisions}-t${engine.templatesSnapshot()?.templatesRevision ?? 0}"`;
        if (notModified(req, res, etag)) return 'answered';
        if (cached?.etag !== etag) cached = { etag, body: producerShow(engine, builtins) };
        return ok(cached.body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/producer/on-air',
      access: 'watch',
      handle: ({ req, res }): Answer => {
        const { tag, body } = onAir();
        return notModified(req, res, `"${boot}-a${tag}"`) ? 'answered' : ok(body);
      },
    }),
  ];
}

/** Answers 304 to a poll that has this version already; otherwise sets the ETag for the answer to come. */
function notModified(req: IncomingMessage, res: ServerResponse, etag: string): boolean {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, 'cache-control': 'no-cache' });
    res.end();
    return true;
  }
  res.setHeader('etag', etag);
  return false;
}

/**
 * The on-air answer and its version. Counted by the program's identity and the mark, not the
 * snapshot revision, which every cue the operator previews bumps: a producer's poll stays a 304.
 */
function onAirTag(engine: Engine): () => { tag: number; body: ProducerOnAir } {
  let last: { program: ProgramSnapshot['program']; mark: boolean; tag: number } | null = null;
  return () => {
    const snapshot = engine.programSnapshot();
    const mark = snapshot.rehearsalMark === true;
    if (last?.program !== snapshot.program || last.mark !== mark) last = { program: snapshot.program, mark, tag: (last?.tag ?? 0) + 1 };
    return { tag: last.tag, body: { program: snapshot.program, rehearsalMark: mark, at: snapshot.at } };
  };
}
