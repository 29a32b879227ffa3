import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_JSON_ITEMS, jsonBoundsProblem } from '../../../main/engine/json-bounds';
import { engineHarness } from '../../support/engine-fixture';
import { airState } from '../../support/air-state';

/** `levels` nested objects, each under key k: { k: { k: ... { k: 1 } } }. */
function nested(levels: number, key = 'k'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = { [key]: value };
  return value;
}

describe('the shared bound on JSON values', () => {
  it('lets through values as deep and as wide as the limits, and real commands', () => {
    expect(jsonBoundsProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonBoundsProblem(Array.from({ length: MAX_JSON_ITEMS }, (_, i) => i))).toBeNull();
    expect(jsonBoundsProblem(Object.fromEntries(Array.from({ length: MAX_JSON_ITEMS }, (_, i) => [`k${i}`, i])))).toBeNull();
    expect(jsonBoundsProblem({ type: 'take', cueId: 'a' })).toBeNull();
    for (const leaf of [null, 0, '', 'x', true]) expect(jsonBoundsProblem(leaf)).toBeNull();
  });

  it('refuses one level too deep, saying where', () => {
    expect(jsonBoundsProblem(nested(MAX_JSON_DEPTH + 1))).toBe(`k.k.k.k.k.k.k.k… (${MAX_JSON_DEPTH} levels): nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(jsonBoundsProblem({ seats: [{ votes: nested(MAX_JSON_DEPTH) }] })).toMatch(
      /^seats\[0\]\.votes\.k\.k\.k\.k\.k… \(\d+ levels\): nested deeper than 32/,
    );
  });

  it('measures 200,000 levels (arrays and objects) without overflowing the stack', () => {
    const arrays = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    expect(jsonBoundsProblem(arrays)).toMatch(/nested deeper than 32 levels$/);
    expect(jsonBoundsProblem(nested(200_000))).toMatch(/nested deeper than 32 levels$/);
  });

  it('refuses a cycle (an IPC structured clone can carry one) as too deep', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(jsonBoundsProblem(loop)).toMatch(/^self\.self.*nested deeper than 32/);
  });

  it('refuses an object with too many keys and a list with too many items, saying which', () => {
    const wideObject = { fields: Object.fromEntries(Array.from({ length: MAX_JSON_ITEMS + 1 }, (_, i) => [`k${i}`, i])) };
    expect(jsonBoundsProblem(wideObject)).toBe(`fields: ${MAX_JSON_ITEMS + 1} keys is over the ${MAX_JSON_ITEMS} allowed in one object`);
    expect(jsonBoundsProblem([[], new Array(MAX_JSON_ITEMS + 1).fill(0)])).toBe(
      `[1]: ${MAX_JSON_ITEMS + 1} items is over the ${MAX_JSON_ITEMS} allowed in one list`,
    );
  });
});

describe('the engine applies it before any schema, on every transport', () => {
  it('refuses a command nested 20,000 levels deep with a clear error, and nothing changes', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    const before = airState(h.engine);
    const graphic = { cueId: 'b', title: 'B', template: 'strap', fields: { headline: 'B' }, view: nested(20_000, 'headline'), step: 1 };
    const r = h.engine.dispatch({ type: 'restore-program', program: { 'lower-third': graphic } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_COMMAND', message: expect.stringMatching(/^command program\.lower-third\.view\.headline.*nested deeper than 32 levels$/) },
    });
    expect(airState(h.engine)).toEqual(before);
    // And the refusal is told to listeners like any other (the shape of every engine error).
    expect(h.events.at(-1)).toMatchObject({ type: 'error', data: { code: 'INVALID_COMMAND' } });
  });
});
