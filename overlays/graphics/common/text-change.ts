import { gsap } from 'gsap';
import { setBoxText } from './fit-text';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * How a line of text on air changes on an update. Results move figures inside sentences
 * ("LAB need 12 more", "41 of 650 declared"): fading the whole line out and back for a new
 * figure makes it flash on every declaration and pulse through a busy spell. So a text whose
 * words stay the same counts its figures in place, and only a text that says something
 * different crosses over, once.
 */
const FIGURE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

interface Figure {
  value: number;
  decimals: number;
  grouped: boolean;
}

function figuresOf(text: string): { words: string[]; figures: Figure[] } {
  const figures = [...text.matchAll(FIGURE)].map(([s]) => ({
    value: Number(s.replaceAll(',', '')),
    decimals: s.split('.')[1]?.length ?? 0,
    grouped: s.includes(','),
  }));
  return { words: text.split(FIGURE), figures };
}

const show = (f: Figure, value: number): string =>
  value.toLocaleString('en-GB', { minimumFractionDigits: f.decimals, maximumFractionDigits: f.decimals, useGrouping: f.grouped });

/**
 * The text at each point of a count from `from` to `to` (0 to 1), or null when the two say
 * different things (other words, another number of figures, a figure that changes its
 * decimals). At 1 it is exactly `to`.
 */
export function countBetween(from: string, to: string): ((progress: number) => string) | null {
  if (from === to) return null;
  const a = figuresOf(from);
  const b = figuresOf(to);
  if (a.words.join('\u0000') !== b.words.join('\u0000') || a.figures.some((f, i) => f.decimals !== b.figures[i]!.decimals)) return null;
  return (p) => {
    if (p >= 1) return to;
    const scale = (f: Figure) => 10 ** f.decimals;
    return b.words
      .map((word, i) => {
        const target = b.figures[i];
        if (!target) return word;
        const value = Math.round((a.figures[i]!.value + (target.value - a.figures[i]!.value) * p) * scale(target)) / scale(target);
        return word + show(target, value);
      })
      .join('');
  };
}

/**
 * A number counting from one value to another, written in `format` (which rounds as the
 * figure is shown). At 1 it is exactly `to`, never a float's near miss of it.
 */
export function countNumber(from: number, to: number, format: (n: number) => string): (progress: number) => string {
  return (p) => format(p >= 1 ? to : from + (to - from) * p);
}

/**
 * The one counter on air: a proxy tween writing the counted text (countBetween, countNumber).
 * The text node changes, nothing is laid out around it (figures sit in fixed-width boxes), so a
 * count costs a glyph run a frame; the last frame writes `to` exactly.
 */
export function countText(el: HTMLElement, count: (progress: number) => string, duration = 0.8): Timeline {
  const value = { p: 0 };
  // Into a fitted box's own span (fit-text.ts), so the fit survives the count.
  const write = () => setBoxText(el, count(value.p));
  return gsap.timeline().to(value, { p: 1, duration, ease: 'power2.out', onStart: write, onUpdate: write, onComplete: write });
}

/**
 * Changes one text element inside `tl` at `at`: its figures count if only they differ,
 * otherwise it fades out, `apply` rewrites it (and anything styled with it), and it fades back
 * in. Unchanged, nothing is added. Returns when the text is rewritten.
 */
export function changeText(tl: Timeline, el: HTMLElement, from: string, to: string, apply: () => void, at = 0): number {
  if (from === to) return at;
  const count = countBetween(from, to);
  if (count) {
    tl.add(countText(el, count), at);
    return at;
  }
  tl.to(el, { opacity: 0, duration: 0.15, ease: 'power1.in' }, at)
    .call(apply, [], at + 0.15)
    .to(el, { opacity: 1, duration: 0.25, ease: 'power1.out' }, at + 0.15);
  return at + 0.15;
}
