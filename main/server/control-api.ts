import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { describeIssues, fail, type ErrorCode } from '../engine/errors';
import { idSchema, layerSchema } from '../engine/show';
import { readJsonBody, sendError, sendJson } from './http-util';

/**
 * The control API: the console's commands as plain JSON over HTTP, simple
 * enough for Companion's generic HTTP module. Each shortcut route narrows its
 * body and becomes one command of the command map.
 */
const shortcutRoutes: Record<string, (body: unknown, engine: Engine) => unknown> = {
  '/api/cue': (body) => ({ type: 'cue', ...strict(z.strictObject({ cueId: idSchema }), body) }),
  '/api/take': (body, engine) => {
    const { cueId } = strict(z.strictObject({ cueId: idSchema.optional() }), body);
    // Without a cueId, take what is in preview now.
    const expected = cueId ?? engine.programSnapshot().preview?.cueId;
    if (expected === undefined) throw new BadRequest('Nothing is in preview to take', 'NOTHING_IN_PREVIEW');
    return { type: 'take', cueId: expected };
  },
  '/api/next': (body) => ({ type: 'next', ...strict(z.strictObject({ layer: layerSchema }), body) }),
  '/api/out': (body) => ({ type: 'out', ...strict(z.strictObject({ layer: layerSchema }), body) }),
  '/api/clear': (body) => (strict(z.strictObject({}), body), { type: 'clear-all' }),
  '/api/command': (body) => body,
};

class BadRequest extends Error {
  constructor(message: string, readonly code: ErrorCode = 'INVALID_REQUEST') {
    super(message);
  }
}

function strict<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadRequest(describeIssues(parsed.error.issues));
  return parsed.data;
}

function stacksSummary(engine: Engine) {
  return engine.showSnapshot().show.stacks.map((s) => ({
    id: s.id,
    name: s.name,
    cues: s.cues.map((c) => ({ id: c.id, title: c.title, template: c.template, layer: c.layer })),
  }));
}

/** Returns false when the path is not an API route. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, engine: Engine): Promise<boolean> {
  if (!pathname.startsWith('/api/')) return false;
  if (req.method === 'GET' && pathname === '/api/state') {
    const { showRevision, show } = engine.showSnapshot();
    sendJson(res, 200, { ...engine.programSnapshot(), showRevision, showName: show.name });
    return true;
  }
  if (req.method === 'GET' && pathname === '/api/stacks') {
    sendJson(res, 200, { stacks: stacksSummary(engine) });
    return true;
  }
  const route = shortcutRoutes[pathname];
  if (!route) {
    sendError(res, 404, fail('NOT_FOUND', `No API route ${req.method} ${pathname}`));
    return true;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, fail('INVALID_REQUEST', `${pathname} takes POST`));
    return true;
  }
  const body = await readJsonBody(req);
  if ('error' in body) {
    sendError(res, body.status, body.error);
    return true;
  }
  let command: unknown;
  try {
    command = route(body.value, engine);
  } catch (e) {
    if (!(e instanceof BadRequest)) throw e;
    sendError(res, 400, fail(e.code, `${pathname}: ${e.message}`));
    return true;
  }
  // Answered once a change to the results is on disk (a take is answered at once).
  const result = await engine.commit(command);
  if (result.ok) sendJson(res, 200, result);
  else sendError(res, 400, result.error);
  return true;
}
