import { z } from 'zod';
import type { TemplateDefinition } from '../engine/templates';
import { builtinListing } from '../templates/registry-listing';

/**
 * A built-in template's OGraf v1 manifest (GET /ograf/<id>/<id>.ograf.json).
 * Its schema is the template's fields as JSON Schema, or for a bound template
 * the view it draws: the results that resolve a seat or a tally stay in
 * Strapline, so another renderer is given the resolved view as data.
 */
export const OGRAF_MANIFEST_SCHEMA_URL = 'https://ograf.ebu.io/v1/specification/json-schemas/graphics/schema.json';
export const OGRAF_MODULE_FILE = 'graphic.mjs';

/** Built-ins left out of /ograf/, and why: what they draw is fetched from Strapline at run time. */
export const OGRAF_NOT_EXPORTED: Readonly<Record<string, string>> = {
  'hex-map': 'its hex layout is the open election\u2019s, fetched from /api/hex-layout by the output: an OGraf graphic must fetch nothing',
};

export const ografManifestPath = (id: string): string => `/ograf/${id}/${id}.ograf.json`;

function dataSchema(d: TemplateDefinition): Record<string, unknown> {
  const js = d.resolve && d.view ? (z.toJSONSchema(d.view, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) : builtinListing(d).schema;
  // The manifest says which meta-schema it follows; the data schema's own $schema would only repeat JSON Schema's.
  const { $schema: _meta, ...schema } = js;
  return { type: 'object', ...schema };
}

export function ografManifest(d: TemplateDefinition, version: string): Record<string, unknown> {
  const bound = d.resolve !== undefined;
  return {
    $schema: OGRAF_MANIFEST_SCHEMA_URL,
    id: `strapline.${d.id}`,
    version,
    name: `Strapline ${d.name}`,
    description: bound
      ? `${d.description} Bound to results in Strapline: ` +
        "its data is the resolved view (what Strapline's engine resolves from the accepted results), not the cue's fields."
      : `${d.description} Its data is the cue's fields; what is left out takes the template's default.`,
    author: { name: 'Strapline' },
    main: OGRAF_MODULE_FILE,
    supportsRealTime: true,
    supportsNonRealTime: false,
    stepCount: d.steps,
    schema: dataSchema(d),
    v_strapline: { template: d.id, layer: d.layer, bound },
  };
}

/** The module a renderer imports: the shared bundle, and this template's class from it. */
export function ografModule(id: string): string {
  return `import { graphicClass } from '../strapline-ograf.js';\nexport default graphicClass(${JSON.stringify(id)});\n`;
}
