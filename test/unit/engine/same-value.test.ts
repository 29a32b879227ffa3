import { describe, expect, it } from 'vitest';
import { sameValue } from '../../../main/engine/same-value';

describe('sameValue: structural equality of JSON values', () => {
  it.each([
    [1, 1],
    ['a', 'a'],
    [null, null],
    [
      [1, [2, { a: 3 }]],
      [1, [2, { a: 3 }]],
    ],
    [
      { a: 1, b: 'x' },
      { b: 'x', a: 1 },
    ],
    // Absent and undefined are the same once sent as JSON.
    [{ a: 1, b: undefined }, { a: 1 }],
  ])('%j equals %j', (a, b) => {
    expect(sameValue(a, b)).toBe(true);
    expect(sameValue(b, a)).toBe(true);
  });

  it.each([
    [1, 2],
    [1, '1'],
    [null, {}],
    [[], {}],
    [
      [1, 2],
      [1, 2, 3],
    ],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: 1 }, { b: 1 }],
    [{ a: { b: [1, 2] } }, { a: { b: [1, 3] } }],
    [{ a: null }, { a: undefined }],
  ])('%j differs from %j', (a, b) => {
    expect(sameValue(a, b)).toBe(false);
    expect(sameValue(b, a)).toBe(false);
  });

  it('agrees with comparing serialisations on 650-seat views', () => {
    const seats = Array.from({ length: 650 }, (_, i) => ({ code: `E${i}`, party: i % 3 ? 'lab' : 'con', votes: i * 7 }));
    const copy = JSON.parse(JSON.stringify({ seats }));
    expect(sameValue({ seats }, copy)).toBe(true);
    copy.seats[649].votes += 1;
    expect(sameValue({ seats }, copy)).toBe(false);
  });
});
