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

/** Readable type on a party colour: ink on light colours (SNP yellow, Lib Dem amber), white on dark. */
export function inkOn(colour: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Television sets white on mid colours (Conservative blue, Green) where print would
  // switch to dark; only the light ones (SNP yellow, Lib Dem amber, Reform cyan) take ink.
  return luminance > 0.3 ? '#0a1630' : '#ffffff';
}
