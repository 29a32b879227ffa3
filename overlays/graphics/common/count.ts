import { gsap } from 'gsap';

/**
 * Counts a number on air from one value to another. One proxy tween per
 * figure: the text node changes, nothing is laid out around it (figures sit in
 * fixed-width, right-aligned boxes), so a count costs a glyph run a frame.
 */
export function countTo(el: Element, from: number, to: number, format: (n: number) => string, duration = 0.6) {
  const value = { n: from };
  const show = () => {
    el.textContent = format(Math.round(value.n));
  };
  return gsap.to(value, { n: to, duration, ease: 'power2.out', onStart: show, onUpdate: show, onComplete: show });
}
