import { z } from 'zod';
import { PARTY_TABLE, partyInfo } from '../main/engine/election';
import type { Fields } from '../main/engine/show';

/**
 * A template's field schema turned into a form: one model per field, saying
 * which input draws it. The schema is read through z.toJSONSchema (input
 * side), so `.meta({ label, help, kind })` arrives as plain keys beside the
 * type, and refinements that JSON Schema cannot say are left to validation,
 * which always runs the template's own zod schema.
 */
export type FieldKind = 'text' | 'multiline' | 'number' | 'choice' | 'party' | 'constituency' | 'region' | 'colour' | 'boolean' | 'rows' | 'list' | 'json';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldModel {
  key: string;
  label: string;
  help: string;
  kind: FieldKind;
  /** May be left empty: no default and not required. */
  optional: boolean;
  default: unknown;
  /** Fixed values (an enum, or the literal alternatives of a union such as "all"). */
  choices: Choice[];
  /** Takes values beyond `choices` too (a union of "all" and any region code). */
  free: boolean;
  integer: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  maxItems?: number;
  /** rows: one model per property of a row; list: the one model of an item. */
  columns: FieldModel[];
}

type Js = { [key: string]: unknown };
const isJs = (v: unknown): v is Js => typeof v === 'object' && v !== null && !Array.isArray(v);
const KINDS = new Set<string>(['party', 'constituency', 'region', 'colour', 'multiline']);
const PARTY_IDS = new Set(['none', ...PARTY_TABLE.map((p) => p.id)]);

/** "compareLabel" -> "Compare label": only for fields whose template forgot a label. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function choiceLabel(kind: FieldKind, value: string): string {
  if (kind === 'party') return value === 'none' ? 'None (house colour)' : (partyInfo(value)?.name ?? value);
  if (value === '') return '(none)';
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Literal values a node allows, and the node that remains for anything else. */
function alternatives(js: Js): { consts: string[]; rest: Js | null; nullable: boolean } {
  const branches = Array.isArray(js.anyOf) ? js.anyOf.filter(isJs) : [js];
  const consts: string[] = [];
  let rest: Js | null = null;
  let nullable = false;
  for (const b of branches) {
    if (b.type === 'null') nullable = true;
    else if (typeof b.const === 'string') consts.push(b.const);
    else if (Array.isArray(b.enum) && b.enum.every((v) => typeof v === 'string')) consts.push(...(b.enum as string[]));
    else rest = b;
  }
  return { consts, rest, nullable };
}

function modelOf(key: string, js: Js, required: boolean): FieldModel {
  const meta = (k: string) => (typeof js[k] === 'string' ? (js[k] as string) : undefined);
  const { consts, rest, nullable } = alternatives(js);
  const node = rest ?? {};
  // z.number().int() alone says ±MAX_SAFE_INTEGER: no bound worth showing.
  const num = (k: string) => (typeof node[k] === 'number' && Math.abs(node[k] as number) < 1e15 ? (node[k] as number) : undefined);
  const hinted = meta('kind');
  const model: FieldModel = {
    key,
    label: meta('label') ?? meta('title') ?? humanise(key),
    help: meta('help') ?? meta('description') ?? '',
    kind: 'json',
    optional: (!required || nullable) && js.default === undefined,
    default: js.default,
    choices: [],
    free: rest !== null,
    integer: node.type === 'integer',
    min: num('minimum'),
    max: num('maximum'),
    maxLength: num('maxLength'),
    maxItems: num('maxItems'),
    columns: [],
  };
  const partyLike = hinted === 'party' || (consts.length > 1 && consts.every((c) => PARTY_IDS.has(c)));
  if (node.type === 'integer' || node.type === 'number') model.kind = 'number';
  else if (node.type === 'boolean') model.kind = 'boolean';
  else if (node.type === 'array' && isJs(node.items)) {
    const item = node.items;
    if (item.type === 'object' && isJs(item.properties)) {
      const props = item.properties;
      const req = Array.isArray(item.required) ? item.required : [];
      model.kind = 'rows';
      model.columns = Object.entries(props)
        .filter(([, v]) => isJs(v))
        .map(([k, v]) => modelOf(k, v as Js, req.includes(k)));
    } else {
      model.kind = 'list';
      model.columns = [{ ...modelOf('item', { ...item, kind: item.kind ?? hinted }, true), label: model.label }];
    }
  } else if (rest === null && consts.length > 0) model.kind = partyLike ? 'party' : hinted === 'region' ? 'region' : 'choice';
  else if (node.type === 'string') model.kind = hinted && KINDS.has(hinted) ? (hinted as FieldKind) : 'text';
  model.choices = consts.map((value) => ({ value, label: choiceLabel(model.kind, value) }));
  return model;
}

const cache = new WeakMap<z.ZodType, FieldModel[]>();

/** The form for a template's field schema, built once per schema. */
export function formModel(schema: z.ZodType): FieldModel[] {
  const known = cache.get(schema);
  if (known) return known;
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
  const props = isJs(js.properties) ? js.properties : {};
  const required = Array.isArray(js.required) ? js.required : [];
  const fields = Object.entries(props)
    .filter(([, v]) => isJs(v))
    .map(([k, v]) => modelOf(k, v as Js, required.includes(k)));
  cache.set(schema, fields);
  return fields;
}

/** What an input holds while the operator types: text for numbers, so "4" on the way to "410" is not lost. */
export type Raw = string | boolean | Raw[] | { [key: string]: Raw };

export function toRaw(model: FieldModel, value: unknown): Raw {
  if (model.kind === 'boolean') return value === true;
  if (model.kind === 'rows' || model.kind === 'list') {
    if (!Array.isArray(value)) return [];
    return value.map((item) =>
      model.kind === 'list'
        ? toRaw(model.columns[0]!, item)
        : Object.fromEntries(model.columns.map((c) => [c.key, toRaw(c, isJs(item) ? item[c.key] : undefined)])),
    );
  }
  if (model.kind === 'json') return value === undefined ? '' : JSON.stringify(value, null, 2);
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * A new row for the row editor, after `rows`: each column's default, or the
 * first of its choices no row has yet (a second "Labour" would only be refused).
 */
export function blankRow(model: FieldModel, rows: readonly Raw[]): Raw {
  const taken = (c: FieldModel, value: string) => rows.some((r) => (model.kind === 'list' ? r : isJs(r) ? r[c.key] : undefined) === value);
  const choice = (c: FieldModel) => (c.choices.find((o) => !taken(c, o.value)) ?? c.choices[0])?.value;
  const cell = (c: FieldModel) => toRaw(c, c.default ?? (c.optional ? undefined : (choice(c) ?? (c.kind === 'number' ? 0 : ''))));
  return model.kind === 'list' ? cell(model.columns[0]!) : Object.fromEntries(model.columns.map((c) => [c.key, cell(c)]));
}

export interface ShownFields {
  /** Every field as the graphic draws it: the stored value, or the template's default where none is stored. */
  values: Fields;
  /** The fields the cue leaves to the template: the form marks them "default" until they are edited. */
  defaults: ReadonlySet<string>;
}

/**
 * What the form shows for a cue: exactly what the graphic will draw, which
 * parses the same stored fields with the same schema. A stored set that no
 * longer parses is shown as stored, so the operator sees what to fix.
 */
export function shownFields(schema: z.ZodType<Fields>, model: FieldModel[], stored: Fields): ShownFields {
  const parsed = schema.safeParse(stored);
  const values = parsed.success ? parsed.data : stored;
  return { values, defaults: new Set(model.filter((f) => stored[f.key] === undefined && values[f.key] !== undefined).map((f) => f.key)) };
}

type Read = { value: unknown; errors: Record<string, string> };

/** Raw input back to a value, with messages keyed by path ("parties.2.seats"). */
export function fromRaw(model: FieldModel, raw: Raw, path = model.key): Read {
  const errors: Record<string, string> = {};
  if (model.kind === 'rows' || model.kind === 'list') {
    const items = Array.isArray(raw) ? raw : [];
    const value = items.map((item, i) => {
      if (model.kind === 'list') return take(fromRaw(model.columns[0]!, item, `${path}.${i}`), errors);
      const cells = isJs(item) ? (item as Record<string, Raw>) : {};
      const row: Record<string, unknown> = {};
      for (const c of model.columns) {
        const v = take(fromRaw(c, cells[c.key] ?? '', `${path}.${i}.${c.key}`), errors);
        if (v !== undefined) row[c.key] = v;
      }
      return row;
    });
    return { value, errors };
  }
  if (typeof raw === 'boolean') return { value: raw, errors };
  const text = typeof raw === 'string' ? raw : '';
  if (model.kind === 'number') {
    const cleaned = text.replace(/[\s,]/g, '');
    if (cleaned === '') return model.optional ? { value: undefined, errors } : { value: undefined, errors: { [path]: 'enter a number' } };
    const n = Number(cleaned);
    return Number.isFinite(n) ? { value: n, errors } : { value: undefined, errors: { [path]: `"${text}" is not a number` } };
  }
  if (model.kind === 'json') {
    if (text.trim() === '') return { value: undefined, errors };
    try {
      return { value: JSON.parse(text) as unknown, errors };
    } catch {
      return { value: undefined, errors: { [path]: 'not valid JSON' } };
    }
  }
  if (text === '' && model.optional) return { value: undefined, errors };
  return { value: text, errors };
}

function take(read: Read, into: Record<string, string>): unknown {
  Object.assign(into, read.errors);
  return read.value;
}

export interface DraftCheck {
  /** The cue's fields with every draft applied, as the template parsed them. */
  fields: Fields;
  /** Messages by path; "" for the graphic as a whole. */
  errors: Record<string, string>;
}

/**
 * The stored fields with the operator's drafts on top, checked by the
 * template's own schema, so the form refuses exactly what the engine would.
 */
export function checkDraft(schema: z.ZodType<Fields>, model: FieldModel[], stored: Fields, drafts: Record<string, Raw>): DraftCheck {
  const errors: Record<string, string> = {};
  const candidate: Fields = { ...stored };
  for (const field of model) {
    if (!(field.key in drafts)) continue;
    const read = fromRaw(field, drafts[field.key]!);
    if (Object.keys(read.errors).length) Object.assign(errors, read.errors);
    else if (read.value === undefined) delete candidate[field.key];
    else candidate[field.key] = read.value;
  }
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { fields: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const at = issue.path.map(String).join('.');
    if (!(at in errors)) errors[at] = issue.message;
  }
  return { fields: candidate, errors };
}

/** Messages that belong to one field (itself, its rows and cells). */
export function errorsOf(errors: Record<string, string>, key: string): [string, string][] {
  return Object.entries(errors).filter(([at]) => at === key || at.startsWith(`${key}.`));
}
