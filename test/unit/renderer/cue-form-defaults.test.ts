import { describe, expect, it } from 'vitest';
import { TEMPLATE_DEFINITIONS, TEMPLATES } from '../../../main/templates/definitions';
import { blankRow, checkDraft, formModel, fromRaw, shownFields, toRaw, type Raw } from '../../../renderer/cue-form';

/**
 * A cue whose fields are empty draws every value from its template's
 * defaults; its form must show those values (marked as defaults), and an edit
 * made from what the form shows must start from them. Every template, since a
 * form is generated from each one's schema.
 */

describe('the form of a cue with no fields stored, for every template', () => {
  it.each(TEMPLATE_DEFINITIONS.map((t) => [t.id, t] as const))('%s shows what the graphic draws, each value marked as a default', (_id, template) => {
    const model = formModel(template.fields);
    const drawn = template.fields.parse({});
    const shown = shownFields(template.fields, model, {});
    expect(shown.values).toEqual(drawn);
    for (const field of model) {
      if (drawn[field.key] === undefined) continue;
      expect(shown.defaults.has(field.key), `${field.key} is marked as a default`).toBe(true);
      // What the input holds reads back to the value drawn: leaving a default untouched changes nothing.
      const raw = toRaw(field, shown.values[field.key]);
      if (Array.isArray(drawn[field.key])) expect((raw as Raw[]).length, `${field.key} shows every row`).toBe((drawn[field.key] as unknown[]).length);
      expect(fromRaw(field, raw)).toEqual({ value: drawn[field.key], errors: {} });
    }
  });

  it('a stored value is shown as stored and is not a default; the rest still are', () => {
    const strap = TEMPLATES.get('strap')!;
    const shown = shownFields(strap.fields, formModel(strap.fields), { headline: 'Hello' });
    expect(shown.values).toEqual({ headline: 'Hello', subline: '', party: 'none', variant: 'standard' });
    expect([...shown.defaults].sort()).toEqual(['party', 'subline', 'variant']);
  });
});

describe('+ Add row on the exit poll’s default projections', () => {
  const exitPoll = TEMPLATES.get('exit-poll')!;
  const model = formModel(exitPoll.fields);
  const parties = model.find((f) => f.key === 'parties')!;
  const defaults = toRaw(parties, shownFields(exitPoll.fields, model, {}).values.parties) as Raw[];

  it('adds one row to the eight drawn, never replacing them', () => {
    expect(defaults).toHaveLength(8);
    const seven = defaults.slice(0, 7);
    const rows = [...seven, blankRow(parties, seven)];
    const check = checkDraft(exitPoll.fields, model, {}, { parties: rows });
    expect(check.errors).toEqual({});
    const saved = check.fields.parties as { party: string; seats: number }[];
    expect(saved).toHaveLength(8);
    expect(saved.slice(0, 7)).toEqual((exitPoll.fields.parse({}).parties as unknown[]).slice(0, 7));
    // The new row names a party no other row has.
    expect(new Set(saved.map((r) => r.party)).size).toBe(8);
  });
});
