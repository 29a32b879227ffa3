import type { FieldKind, FieldModel, Raw } from './cue-form';
import { humanise } from './cue-form';

/**
 * An outside template's JSON Schema turned into the console's field models, so
 * its form is drawn by the same inputs as a built-in's (FieldInput). What picks
 * the input: an SPX ftype (kept by the scanner as `x-spx-ftype`), else a GDD
 * `gddType`, else the JSON Schema type. SPX sends every value as a string, so
 * an SPX number or checkbox is edited as one and saved back as "12" or "1".
 * Validation is the server's (ajv against the template's own schema): a value
 * it refuses comes back as a message naming the field, shown on that field.
 */
type Js = { [key: string]: unknown };
const isJs = (v: unknown): v is Js => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a field's value is sent: as the schema's type, or as SPX's strings. */
export type OutsideEncoding = 'string' | 'number' | 'boolean' | 'spx-number' | 'spx-checkbox' | 'json';

export interface OutsideField {
  model: FieldModel;
  encoding: OutsideEncoding;
  /** Sent with its default and never shown (SPX hidden). */
  hidden: boolean;
}

const GDD_KIND: Record<string, FieldKind> = { 'single-line': 'text', 'multi-line': 'multiline', 'color-rrggbb': 'colour', 'file-path': 'text' };

function gddHelp(gdd: string | undefined, js: Js): string {
  const options = isJs(js.gddOptions) ? js.gddOptions : {};
  if (gdd === 'percentage') return 'A percentage, as a fraction (0.5 is 50%)';
  if (gdd === 'duration-ms') return 'A duration in milliseconds';
  if (gdd === 'file-path') {
    const ext = Array.isArray(options.extensions) ? options.extensions.filter((e) => typeof e === 'string') : [];
    return ext.length ? `A file path (${ext.join(', ')})` : 'A file path';
  }
  return '';
}

function fieldOf(key: string, js: Js, required: boolean): OutsideField {
  const ftype = typeof js['x-spx-ftype'] === 'string' ? js['x-spx-ftype'] : undefined;
  const gddRaw = js.gddType;
  const gdd = typeof gddRaw === 'string' ? gddRaw.split('/')[0] : undefined;
  const type = Array.isArray(js.type) ? js.type.find((t) => t !== 'null') : js.type;
  const choices = Array.isArray(js.enum) ? js.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String) : [];
  const text = (k: string) => (typeof js[k] === 'string' ? (js[k] as string) : undefined);
  const num = (k: string) => (typeof js[k] === 'number' ? (js[k] as number) : undefined);
  const model: FieldModel = {
    key,
    label: text('title') ?? humanise(key),
    help: text('description') ?? gddHelp(gdd, js),
    kind: 'text',
    optional: !required && js.default === undefined,
    default: js.default,
    choices: [],
    free: false,
    integer: type === 'integer',
    min: num('minimum'),
    max: num('maximum'),
    maxLength: num('maxLength'),
    columns: [],
  };
  let encoding: OutsideEncoding = 'string';
  if (ftype === 'checkbox') [model.kind, encoding] = ['boolean', 'spx-checkbox'];
  else if (ftype === 'number') [model.kind, encoding] = ['number', 'spx-number'];
  else if (ftype === 'textarea') model.kind = 'multiline';
  else if (ftype === 'color') model.kind = 'colour';
  else if (ftype === 'filelist') model.help ||= 'A file of the template (its default theme is sent if left)';
  else if (choices.length > 0) model.kind = 'choice';
  else if (type === 'integer' || type === 'number') [model.kind, encoding] = ['number', 'number'];
  else if (type === 'boolean') [model.kind, encoding] = ['boolean', 'boolean'];
  else if (type === 'object' || type === 'array') [model.kind, encoding] = ['json', 'json'];
  else if (gdd && GDD_KIND[gdd]) model.kind = GDD_KIND[gdd];
  if (model.kind === 'choice') {
    model.choices = choices.map((value) => ({ value, label: value }));
    if (type === 'integer' || type === 'number') encoding = 'number';
  }
  return { model, encoding, hidden: ftype === 'hidden' };
}

/** The form of an outside template's schema: one field per property, in the schema's order. */
export function outsideFormModel(schema: Record<string, unknown>): OutsideField[] {
  const props = isJs(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(props)
    .filter(([, v]) => isJs(v))
    .map(([k, v]) => fieldOf(k, v as Js, required.includes(k)));
}

export function outsideRaw(f: OutsideField, value: unknown): Raw {
  if (f.encoding === 'spx-checkbox') return value === '1' || value === 1 || value === true;
  if (f.encoding === 'boolean') return value === true;
  if (f.encoding === 'json') return value === undefined ? '' : JSON.stringify(value, null, 2);
  return value === undefined || value === null ? '' : String(value);
}

/** What the operator typed, as the value to send, or why it cannot be one (the server checks the rest). */
export function outsideValue(f: OutsideField, raw: Raw): { value: unknown } | { error: string } {
  if (f.encoding === 'spx-checkbox') return { value: raw === true ? '1' : '0' };
  if (f.encoding === 'boolean') return { value: raw === true };
  const text = typeof raw === 'string' ? raw : '';
  if (f.encoding === 'number' || f.encoding === 'spx-number') {
    const cleaned = text.replace(/[\s,]/g, '');
    const n = Number(cleaned);
    if (cleaned === '' || !Number.isFinite(n)) return { error: `"${text}" is not a number` };
    return { value: f.encoding === 'number' ? n : cleaned };
  }
  if (f.encoding === 'json') {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { error: 'not valid JSON' };
    }
  }
  return { value: text };
}

/**
 * The engine's refusal ("Name fields: votes: must be >= 0; name: ...") as
 * messages by field, so each shows on its own field; "" for the rest.
 */
export function refusalByField(message: string, keys: readonly string[]): Record<string, string> {
  const body = message.replace(/^.*? fields: /, '');
  const out: Record<string, string> = {};
  for (const part of body.split('; ')) {
    const at = part.indexOf(': ');
    const path = at > 0 ? part.slice(0, at) : '';
    const key = keys.find((k) => path === k || path.startsWith(`${k}.`));
    const slot = key ?? '';
    out[slot] = out[slot] ? `${out[slot]}; ${key ? part.slice(at + 2) : part}` : key ? part.slice(at + 2) : part;
  }
  return out;
}
