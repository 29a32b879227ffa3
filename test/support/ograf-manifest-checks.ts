/**
 * The OGraf v1 graphic manifest's rules, written from ebu/ograf's
 * v1/specification/json-schemas/graphics/schema.json (not copied: the
 * repository states no licence for it): the required keys, the types of the
 * keys it defines, no other keys but vendor `v_*` ones, stepCount >= -1, and a
 * data schema that is a JSON Schema object. Checked with ajv by the tests.
 */
const vendor = { '^v_.*': {} };

export const OGRAF_V1_MANIFEST_CHECKS = {
  type: 'object',
  required: ['$schema', 'id', 'name', 'supportsRealTime', 'supportsNonRealTime'],
  properties: {
    $schema: { type: 'string', const: 'https://ograf.ebu.io/v1/specification/json-schemas/graphics/schema.json' },
    id: { type: 'string' },
    version: { type: 'string' },
    main: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    author: {
      type: 'object',
      required: ['name'],
      patternProperties: vendor,
      additionalProperties: false,
      properties: { name: { type: 'string' }, email: { type: 'string' }, url: { type: 'string' } },
    },
    customActions: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } },
    supportsRealTime: { type: 'boolean' },
    supportsNonRealTime: { type: 'boolean' },
    stepCount: { type: 'number', minimum: -1 },
    // GDD's object.json: an object schema whose properties are schemas.
    schema: {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'object' }, properties: { type: 'object', additionalProperties: { type: 'object' } } },
    },
    renderRequirements: { type: 'array', items: { type: 'object' } },
  },
  patternProperties: vendor,
  additionalProperties: false,
} as const;
