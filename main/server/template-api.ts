import type { Engine } from '../engine/engine';
import type { TemplatesSnapshot } from '../engine/templates';
import { TEMPLATE_DEFINITIONS } from '../templates/definitions';
import { builtinListing } from '../templates/registry-listing';
import { ok, route, type Route } from './route-table';

/**
 * GET /api/templates: every template, built-in and outside, as the registry
 * lists it ({"templates": [{id, name, kind, layer, steps, schema, source,
 * problems, customActions}], "templatesRevision"}). An engine given only the
 * built-ins' table (some tests) lists those.
 */
let builtinsOnly: TemplatesSnapshot | null = null;

export function templateRoutes(engine: Engine): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/templates',
      access: 'watch',
      handle: () => {
        const snapshot = engine.templatesSnapshot() ?? (builtinsOnly ??= { templatesRevision: 1, templates: TEMPLATE_DEFINITIONS.map(builtinListing) });
        return ok({ templatesRevision: snapshot.templatesRevision, templates: snapshot.templates });
      },
    }),
  ];
}
