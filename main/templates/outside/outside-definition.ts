import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import type { Fields } from '../../engine/show';
import type { TemplateDefinition } from '../../engine/templates';
import { outsideViewSchema, templateFileUrl, type OutsideView } from './contract';
import { bindMapSchema, boundValues } from './outside-binding';
import type { ScannedTemplate } from './scanned';

/**
 * An outside template as the engine sees it: a TemplateDefinition like the
 * built-ins', so cues of it are validated, titled, taken and bound by the same
 * code. Its fields are checked against its JSON Schema with ajv (GDD and SPX
 * keywords are kept, not enforced); two keys beside the values are Strapline's
 * own: `bind` (results, outside-binding.ts) and, for CasparCG, `dataFormat`.
 * It resolves to the contract's OutsideView, which the output's host loads.
 */
const RESERVED = ['bind', 'dataFormat'] as const;
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });

function issuePath(e: ErrorObject): string[] {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named = e.params as { missingProperty?: string; additionalProperty?: string };
  if (named.missingProperty) path.push(named.missingProperty);
  if (named.additionalProperty) path.push(named.additionalProperty);
  return path;
}

function compile(t: ScannedTemplate): ValidateFunction | string {
  // A GDD or OGraf schema names its meta-schema by URL; nothing is fetched, so ajv is not asked to look it up.
  const { $schema: _meta, $id: _id, ...schema } = t.schema;
  try {
    return ajv.compile(schema);
  } catch (e) {
    return `${t.source}: its schema is not a valid JSON Schema (${(e as Error).message})`;
  }
}

/** The data a graphic is given: schema defaults filled (SPX sends every field, f99 with its default), bound fields resolved. */
function dataOf(t: ScannedTemplate, fields: Fields, bound: Record<string, string | number>): Record<string, unknown> {
  const values = Object.fromEntries(Object.entries(fields).filter(([k]) => !(RESERVED as readonly string[]).includes(k)));
  const properties = (t.schema.properties ?? {}) as Record<string, { default?: unknown; type?: unknown }>;
  const defaults = Object.fromEntries(
    Object.entries(properties)
      .filter(([, p]) => p.default !== undefined)
      .map(([k, p]) => [k, p.default]),
  );
  const data: Record<string, unknown> = { ...defaults, ...values, ...bound };
  // SPX and CasparCG pages get strings, as their own controllers send them; OGraf gets the schema's types.
  if (t.kind === 'spx' || t.kind === 'casparcg') {
    for (const [k, v] of Object.entries(data)) if (typeof v === 'number' || typeof v === 'boolean') data[k] = String(v);
  }
  return data;
}

export function outsideDefinition(t: ScannedTemplate): TemplateDefinition {
  const validate = t.blocked === null ? compile(t) : t.blocked;
  const extras = z.object({ bind: bindMapSchema.optional(), dataFormat: z.enum(['json', 'xml']).optional() });
  const fields = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    if (typeof validate === 'string') return void ctx.addIssue({ code: 'custom', message: `${t.name} cannot be used: ${validate}` });
    const own = extras.safeParse(value);
    if (!own.success) for (const i of own.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    if (value.dataFormat !== undefined && t.kind !== 'casparcg')
      ctx.addIssue({ code: 'custom', path: ['dataFormat'], message: 'only a CasparCG template chooses JSON or XML' });
    const values = Object.fromEntries(Object.entries(value).filter(([k]) => !(RESERVED as readonly string[]).includes(k)));
    if (validate(values)) return;
    for (const e of validate.errors ?? []) ctx.addIssue({ code: 'custom', path: issuePath(e), message: e.message ?? 'is not valid' });
  }) as unknown as z.ZodType<Fields>;
  return {
    id: t.id,
    name: t.name,
    description: `${t.kind} template ${t.source}`,
    layer: t.layer,
    // The engine's next needs a last step; a dynamic OGraf graphic (-1) is given room and says itself when it is done.
    steps: t.steps === -1 ? 100 : Math.max(1, t.steps),
    fields,
    title: (f) =>
      String(Object.entries(f).find(([k, v]) => !(RESERVED as readonly string[]).includes(k) && typeof v === 'string' && v.trim() !== '')?.[1] ?? t.name),
    demo: {},
    // What restore-program checks a saved view against.
    view: outsideViewSchema as unknown as z.ZodType<Fields>,
    kind: t.kind,
    customActions: t.customActions.map((a) => a.id),
    resolve: (f, ctx): OutsideView => {
      if (t.missing) throw new Error(`its file ${t.source} has gone from the templates folder`);
      const bind = bindMapSchema.safeParse(f.bind ?? {});
      const bound = bind.success ? boundValues(bind.data, ctx) : {};
      const dataFormat = t.kind === 'casparcg' && (f.dataFormat === 'xml' || f.dataFormat === 'json') ? f.dataFormat : t.dataFormat;
      return {
        outside: {
          kind: t.kind,
          src: templateFileUrl(t.folder, t.entry),
          version: t.version,
          steps: t.steps,
          dataFormat,
          ...(t.spxOut !== undefined ? { spxOut: t.spxOut } : {}),
        },
        data: dataOf(t, f, bound),
      };
    },
  };
}
