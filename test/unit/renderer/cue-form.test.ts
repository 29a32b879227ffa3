import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TEMPLATE_DEFINITIONS } from '../../../main/templates/definitions';
import { strapFields } from '../../../main/templates/strap/schema';
import { blankRow, checkDraft, errorsOf, formModel, fromRaw, toRaw, type FieldModel } from '../../../renderer/cue-form';

/** A schema with one field of every shape the templates use, as templates write them. */
const sample = z.strictObject({
  title: z.string().trim().min(1, 'needs a title').max(24).default('Exit poll').meta({ label: 'Title', help: 'Top line' }),
  notes: z.string().default('').meta({ label: 'Notes', kind: 'multiline' }),
  seats: z.number().int('whole seats only').min(0).max(650).default(326).meta({ label: 'Seats' }),
  accent: z.enum(['none', 'lab', 'con']).default('none').meta({ label: 'Accent' }),
  mood: z.enum(['calm', 'loud']).default('calm').meta({ label: 'Mood' }),
  seat: z
    .string()
    .regex(/^[ENSW]\d{8}$/)
    .default('E14001425')
    .meta({ label: 'Seat', kind: 'constituency' }),
  region: z
    .union([z.literal('all'), z.string().regex(/^[ENSW]\d{8}$/)])
    .default('all')
    .meta({ label: 'Region', kind: 'region' }),
  tint: z
    .string()
    .regex(/^#[0-9A-F]{6}$/)
    .default('#F2B705')
    .meta({ label: 'Tint', kind: 'colour' }),
  live: z.boolean().default(false).meta({ label: 'Live' }),
  parties: z
    .array(z.enum(['lab', 'con', 'ld']))
    .max(3)
    .default(['lab'])
    .meta({ label: 'Parties', kind: 'party' }),
  rows: z
    .array(
      z.strictObject({
        party: z.enum(['lab', 'con', 'ld']).meta({ label: 'Party', kind: 'party' }),
        seats: z.number().int().min(0).meta({ label: 'Seats' }),
        previous: z.number().int().optional().meta({ label: 'Previous' }),
      }),
    )
    .max(4)
    .refine((r) => new Set(r.map((x) => x.party)).size === r.length, 'a party is listed twice')
    .default([{ party: 'lab', seats: 410 }])
    .meta({ label: 'Rows' }),
  unlabelled: z.string().default(''),
});
const model = formModel(sample);
const field = (key: string): FieldModel => model.find((f) => f.key === key)!;

describe('formModel: the schema read as a form', () => {
  it('gives every field the input its kind asks for, with label, help and default', () => {
    expect(model.map((f) => [f.key, f.kind])).toEqual([
      ['title', 'text'],
      ['notes', 'multiline'],
      ['seats', 'number'],
      ['accent', 'party'],
      ['mood', 'choice'],
      ['seat', 'constituency'],
      ['region', 'region'],
      ['tint', 'colour'],
      ['live', 'boolean'],
      ['parties', 'list'],
      ['rows', 'rows'],
      ['unlabelled', 'text'],
    ]);
    expect(field('title')).toMatchObject({ label: 'Title', help: 'Top line', default: 'Exit poll', maxLength: 24, optional: false });
    expect(field('seats')).toMatchObject({ integer: true, min: 0, max: 650, default: 326 });
    expect(field('unlabelled').label).toBe('Unlabelled');
  });

  it('names choices: parties by the party table, the rest as written; union literals stay choices', () => {
    expect(field('accent').choices).toEqual([
      { value: 'none', label: 'None (house colour)' },
      { value: 'lab', label: 'Labour' },
      { value: 'con', label: 'Conservative' },
    ]);
    expect(field('mood').choices.map((c) => c.label)).toEqual(['Calm', 'Loud']);
    expect(field('region').choices.map((c) => c.value)).toEqual(['all']);
  });

  it('reads arrays of objects as a row editor and arrays of values as a list', () => {
    expect(field('rows').columns.map((c) => [c.key, c.kind, c.optional])).toEqual([
      ['party', 'party', false],
      ['seats', 'number', false],
      ['previous', 'number', true],
    ]);
    expect(field('rows').maxItems).toBe(4);
    expect(field('parties').columns[0]).toMatchObject({ kind: 'party', label: 'Parties' });
    expect(blankRow(field('rows'), [])).toEqual({ party: 'lab', seats: '0', previous: '' });
    // After a Labour row, the next party no row has: a second Labour would only be refused.
    expect(blankRow(field('rows'), [{ party: 'lab', seats: '410', previous: '' }])).toEqual({ party: 'con', seats: '0', previous: '' });
  });

  it('reads every registered template without falling back to raw JSON, and every field has a label', () => {
    for (const t of TEMPLATE_DEFINITIONS) {
      for (const f of formModel(t.fields)) {
        expect(f.kind, `${t.id}.${f.key}`).not.toBe('json');
        expect(f.label, `${t.id}.${f.key}`).not.toBe('');
      }
    }
    expect(formModel(strapFields).map((f) => f.kind)).toEqual(['text', 'text', 'party', 'choice']);
  });
});

describe('raw input and back', () => {
  it('keeps numbers as text while typing and reads thousands separators', () => {
    expect(toRaw(field('seats'), 410)).toBe('410');
    expect(fromRaw(field('seats'), '1,234')).toEqual({ value: 1234, errors: {} });
    expect(fromRaw(field('seats'), '')).toEqual({ value: undefined, errors: { seats: 'enter a number' } });
    expect(fromRaw(field('seats'), 'lots').errors).toEqual({ seats: '"lots" is not a number' });
  });

  it('reads rows cell by cell, dropping an empty optional cell and naming a bad one by its path', () => {
    const raw = toRaw(field('rows'), [
      { party: 'lab', seats: 410, previous: 191 },
      { party: 'con', seats: 131 },
    ]);
    expect(raw).toEqual([
      { party: 'lab', seats: '410', previous: '191' },
      { party: 'con', seats: '131', previous: '' },
    ]);
    expect(fromRaw(field('rows'), raw).value).toEqual([
      { party: 'lab', seats: 410, previous: 191 },
      { party: 'con', seats: 131 },
    ]);
    expect(fromRaw(field('rows'), [{ party: 'ld', seats: 'x', previous: '' }]).errors).toEqual({ 'rows.0.seats': '"x" is not a number' });
  });
});

describe('checkDraft: the template schema decides, messages land on their field', () => {
  const stored = sample.parse({});

  it('applies valid drafts and parses as the engine would (trimmed)', () => {
    const r = checkDraft(sample, model, stored, { title: '  Exit poll 2024 ', seats: '410' });
    expect(r.errors).toEqual({});
    expect(r.fields).toMatchObject({ title: 'Exit poll 2024', seats: 410 });
  });

  it('puts the schema message on the field, and the row refinement on the rows', () => {
    const r = checkDraft(sample, model, stored, {
      title: '',
      seats: '4.5',
      rows: [
        { party: 'lab', seats: '1', previous: '' },
        { party: 'lab', seats: '2', previous: '' },
      ],
      tint: 'red',
    });
    expect(r.errors.title).toBe('needs a title');
    expect(r.errors.seats).toBe('whole seats only');
    expect(r.errors.rows).toBe('a party is listed twice');
    expect(r.errors.tint).toMatch(/Invalid string/);
    expect(errorsOf(r.errors, 'rows')).toEqual([['rows', 'a party is listed twice']]);
  });

  it('a conversion error stays on its cell; the other fields still check', () => {
    const r = checkDraft(sample, model, stored, { rows: [{ party: 'con', seats: 'many', previous: '' }], mood: 'loud' });
    expect(r.errors).toEqual({ 'rows.0.seats': '"many" is not a number' });
    expect(r.fields.mood).toBe('loud');
  });
});
