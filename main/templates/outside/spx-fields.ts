import { z } from 'zod';
import { describeIssues } from '../../engine/errors';

/**
 * SPX's DataFields as a JSON Schema of the values Strapline sends. SPX sends
 * every value as a string (a checkbox "0" or "1", a number "12"), so every
 * property is a string; the ftype is kept as `x-spx-ftype` for the console's
 * form. Captions, instructions, dividers, spacers and buttons carry no data.
 * f99 (the theme stylesheet) is a field like any other: it is always sent,
 * with its default when the operator leaves it.
 */
const NO_DATA = new Set(['caption', 'instruction', 'divider', 'spacer', 'button']);
const FTYPES = ['textfield', 'textarea', 'dropdown', 'number', 'checkbox', 'color', 'filelist', 'hidden', ...NO_DATA] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const spxFieldSchema = z.looseObject({
  field: z.string().min(1).max(64).optional(),
  ftype: z.enum(FTYPES),
  title: z.string().optional(),
  value: scalar.optional(),
  items: z.array(z.looseObject({ text: scalar.optional(), value: scalar })).optional(),
});

export function spxFieldsSchema(raw: readonly unknown[]): { schema: Record<string, unknown> } | { problem: string } {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [i, item] of raw.entries()) {
    const parsed = spxFieldSchema.safeParse(item);
    if (!parsed.success) return { problem: `DataFields[${i}]: ${describeIssues(parsed.error.issues)}` };
    const f = parsed.data;
    if (NO_DATA.has(f.ftype)) continue;
    if (!f.field) return { problem: `DataFields[${i}]: a ${f.ftype} needs a "field" name` };
    const property: Record<string, unknown> = { type: 'string', title: f.title ?? f.field, default: f.value ?? '', 'x-spx-ftype': f.ftype };
    if (f.ftype === 'dropdown' && f.items?.length) property.enum = f.items.map((x) => x.value);
    if (f.ftype === 'checkbox') property.enum = ['0', '1'];
    properties[f.field] = property;
  }
  return { schema: { type: 'object', properties, additionalProperties: false } };
}
