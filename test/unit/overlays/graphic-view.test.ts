import { describe, expect, it } from 'vitest';
import { gsap } from 'gsap';
import { z } from 'zod';
import { graphicView } from '../../../overlays/graphics/view';

/**
 * graphicView parses what a snapshot sends once per view object. The drawing
 * here only records what it is handed (no DOM: the element is a stand-in), so
 * the count is of the schema's own parses.
 */
function counted() {
  let parses = 0;
  const schema = z.strictObject({ n: z.number(), label: z.string().default('none') }).transform((v) => {
    parses += 1;
    return v;
  });
  const seen: unknown[] = [];
  const el = {} as HTMLElement;
  const view = graphicView(schema, {
    create: (v) => (seen.push(v), el),
    animateIn: () => gsap.timeline({ paused: true }),
    animateUpdate: (_el, previous, next) => (seen.push([previous, next]), gsap.timeline({ paused: true })),
    animateOut: () => gsap.timeline({ paused: true }),
  });
  return { view, el, seen, parses: () => parses };
}

describe('a template drawing parses each view once', () => {
  it('reads the view on air as it was parsed when it went up, through any number of updates', () => {
    const { view, el, seen, parses } = counted();
    const a = { n: 1 };
    const b = { n: 2 };
    const c = { n: 3 };
    view.create(a);
    view.animateUpdate(el, a, b);
    view.animateUpdate(el, b, c);
    expect(parses()).toBe(3);
    expect(seen).toEqual([
      { n: 1, label: 'none' },
      [
        { n: 1, label: 'none' },
        { n: 2, label: 'none' },
      ],
      [
        { n: 2, label: 'none' },
        { n: 3, label: 'none' },
      ],
    ]);
  });

  it('still refuses a view its schema does not accept, naming the field', () => {
    const { view } = counted();
    expect(() => view.create({ n: 'one' })).toThrow(/n/);
  });

  it('gives a template of one step an empty step timeline', () => {
    const { view, el } = counted();
    expect(view.animateStep(el, 2).duration()).toBe(0);
  });
});
