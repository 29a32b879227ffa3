import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import type { TemplatesSnapshot } from '../engine/templates';
import { TEMPLATE_DEFINITIONS } from '../templates/definitions';
import { builtinListing } from '../templates/registry-listing';
import { sendError, sendJson } from './http-util';

/**
 * GET /api/templates: every template, built-in and outside, as the registry
 * lists it ({"templates": [{id, name, kind, layer, steps, schema, source,
 * problems, customActions}], "templatesRevision"}). An engine given only the
 * built-ins' table (some tests) lists those.
 */
let builtinsOnly: TemplatesSnapshot | null = null;

export function handleTemplatesApi(req: IncomingMessage, res: ServerResponse, pathname: string, engine: Engine): boolean {
  if (pathname !== '/api/templates') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, fail('INVALID_REQUEST', `${pathname} is read-only: it takes GET`));
    return true;
  }
  const snapshot = engine.templatesSnapshot() ?? (builtinsOnly ??= { templatesRevision: 1, templates: TEMPLATE_DEFINITIONS.map(builtinListing) });
  sendJson(res, 200, { templatesRevision: snapshot.templatesRevision, templates: snapshot.templates });
  return true;
}
