import { describe, expect, it } from 'vitest';
import { spxFieldsSchema } from '../../../main/templates/outside/spx-fields';
import { outsideFormModel, outsideRaw, outsideValue, refusalByField } from '../../../renderer/outside-form';

const kinds = (schema: Record<string, unknown>) => Object.fromEntries(outsideFormModel(schema).map((f) => [f.model.key, [f.model.kind, f.encoding]]));

describe('an outside template schema as console fields', () => {
  it('picks the input from the GDD type, then the JSON Schema type', () => {
    expect(
      kinds({
        type: 'object',
        properties: {
          a: { type: 'string', gddType: 'single-line' },
          b: { type: 'string', gddType: 'multi-line' },
          c: { type: 'string', gddType: 'color-rrggbb' },
          d: { type: 'number', gddType: 'percentage' },
          e: { type: 'integer', gddType: 'duration-ms' },
          f: { type: 'string', enum: ['x', 'y'] },
          g: { type: 'boolean' },
          h: { type: 'string', gddType: 'file-path/image-path' },
          i: { type: 'object' },
          j: { type: 'integer', enum: [1, 2] },
        },
      }),
    ).toEqual({
      a: ['text', 'string'],
      b: ['multiline', 'string'],
      c: ['colour', 'string'],
      d: ['number', 'number'],
      e: ['number', 'number'],
      f: ['choice', 'string'],
      g: ['boolean', 'boolean'],
      h: ['text', 'string'],
      i: ['json', 'json'],
      j: ['choice', 'number'],
    });
  });

  it('reads SPX ftypes from the scanner\u2019s schema; SPX values stay strings and hidden fields are not shown', () => {
    const read = spxFieldsSchema([
      { field: 'f0', ftype: 'textarea', value: 'a' },
      { field: 'f1', ftype: 'number', value: '3' },
      { field: 'f2', ftype: 'checkbox', value: '0' },
      { field: 'f3', ftype: 'color', value: '#112233' },
      { field: 'f4', ftype: 'hidden', value: 'x' },
      { field: 'f5', ftype: 'dropdown', value: 'a', items: [{ value: 'a' }, { value: 'b' }] },
    ]);
    if (!('schema' in read)) throw new Error(read.problem);
    const fields = outsideFormModel(read.schema);
    expect(kinds(read.schema)).toEqual({
      f0: ['multiline', 'string'],
      f1: ['number', 'spx-number'],
      f2: ['boolean', 'spx-checkbox'],
      f3: ['colour', 'string'],
      f4: ['text', 'string'],
      f5: ['choice', 'string'],
    });
    expect(fields.find((f) => f.model.key === 'f4')!.hidden).toBe(true);
    const box = fields.find((f) => f.model.key === 'f2')!;
    expect(outsideRaw(box, '1')).toBe(true);
    expect(outsideValue(box, true)).toEqual({ value: '1' });
    expect(
      outsideValue(
        fields.find((f) => f.model.key === 'f1')!,
        '1,200',
      ),
    ).toEqual({ value: '1200' });
    expect(
      outsideValue(
        fields.find((f) => f.model.key === 'f1')!,
        'many',
      ),
    ).toEqual({ error: '"many" is not a number' });
  });

  it('puts each message of a refusal on the field it names, the rest on the form', () => {
    expect(
      refusalByField('Lower third fields: votes: must be >= 0; name.first: must be string; (root): must have required property x', ['votes', 'name']),
    ).toEqual({
      votes: 'must be >= 0',
      name: 'must be string',
      '': '(root): must have required property x',
    });
  });
});
