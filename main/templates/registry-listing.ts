import { z } from 'zod';
import type { TemplateDefinition, TemplateListing } from '../engine/templates';
import type { ScannedTemplate } from './outside/scanned';

/**
 * How the API and the consoles list a template. A built-in's JSON Schema comes
 * from its zod schema (z.toJSONSchema, as the values come in: defaults are not
 * required); an outside one's is its own.
 */
export function builtinListing(d: TemplateDefinition): TemplateListing {
  let schema: Record<string, unknown>;
  try {
    schema = z.toJSONSchema(d.fields, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch (e) {
    // A schema JSON Schema cannot say (a refinement, a transform) still validates cues; the console's form is built from zod.
    schema = { type: 'object', description: `not expressible as JSON Schema: ${(e as Error).message}` };
  }
  return { id: d.id, name: d.name, kind: 'builtin', layer: d.layer, steps: d.steps, schema, source: null, problems: [], usable: true, customActions: [] };
}

export function outsideListing(t: ScannedTemplate): TemplateListing {
  const problems = [
    ...(t.missing ? [`${t.source}: its file has gone from the templates folder (cues of it stay; no new take)`] : []),
    ...(t.blocked ? [t.blocked] : []),
    ...t.warnings,
  ];
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    layer: t.layer,
    steps: t.steps,
    schema: t.schema,
    source: t.source,
    problems,
    usable: !t.missing && t.blocked === null,
    customActions: t.customActions,
  };
}
