import { gsap } from 'gsap';
import { countBetween, countNumber, countText } from './text-change';
import { fitBox, fitText, setBoxText, type FitOptions } from './fit-text';
import { part } from '../dom';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * Shared by the seat templates (seat result, target seats, swingometer): a graphic describes
 * what each `[data-part]` element shows as text or as a number. Writing is then one loop, and an
 * update can tell which parts changed, so numbers count from old to new and only changed text
 * cross-fades, instead of the whole graphic redrawing.
 */
export type NumberFormat = 'int' | 'signed-int' | 'pct' | 'signed' | 'dp1';
export interface Num {
  n: number;
  fmt: NumberFormat;
}
export type Part = string | Num;
export type Parts = Record<string, Part>;

const MINUS = '\u2212';

export function formatNumber(n: number, fmt: NumberFormat): string {
  switch (fmt) {
    case 'int':
      return Math.round(n).toLocaleString('en-GB');
    case 'pct':
      return `${n.toFixed(1)}%`;
    case 'signed-int': {
      const whole = Math.round(n);
      return whole === 0 ? '0' : `${whole > 0 ? '+' : MINUS}${Math.abs(whole).toLocaleString('en-GB')}`;
    }
    case 'dp1':
      return n.toFixed(1);
    case 'signed': {
      const fixed = Math.abs(n).toFixed(1);
      return fixed === '0.0' ? fixed : `${n > 0 ? '+' : MINUS}${fixed}`;
    }
  }
}

export const num = (n: number, fmt: NumberFormat): Num => ({ n, fmt });
export const partText = (p: Part | undefined): string => (p === undefined ? '' : typeof p === 'string' ? p : formatNumber(p.n, p.fmt));

/** A `[data-part]` element, its text written by writeParts and changed by updateParts; `fit` for a text that can run long. */
export function partSlot(className: string, name: string, fit?: FitOptions): HTMLElement {
  const el = part('div', className);
  el.dataset.part = name;
  return fit ? fitBox(el, fit) : el;
}

function elementsOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-part]'));
}

/** Writes every part's text; a part the map does not name is emptied. Fitted boxes are fitted once the graphic is in its layer. */
export function writeParts(root: HTMLElement, parts: Parts): void {
  for (const el of elementsOf(root)) setBoxText(el, partText(parts[el.dataset.part!]));
}

/**
 * Animates from the parts on air to the next ones: numbers that stay numbers count, and so do
 * the figures in a text that says the same words ("41 of 650 declared"); other changed text
 * fades out, is rewritten (then `apply` sets classes and colours) and fades back in. Parts
 * that did not change are left alone. `alsoFade` elements fade whole (a block that swaps what
 * it shows), and the parts inside them are rewritten without counting.
 */
export function updateParts(root: HTMLElement, before: Parts, after: Parts, apply: () => void, alsoFade: HTMLElement[] = []): Timeline {
  const tl = gsap.timeline({ paused: true });
  const fading: HTMLElement[] = [...alsoFade];
  const counting: { el: HTMLElement; count: (progress: number) => string }[] = [];
  for (const el of elementsOf(root)) {
    const key = el.dataset.part!;
    if (alsoFade.some((f) => f.contains(el))) continue;
    const a = before[key];
    const b = after[key];
    if (partText(a) === partText(b)) continue;
    const count = typeof a === 'object' && typeof b === 'object' && a.fmt === b.fmt
      ? countNumber(a.n, b.n, (n) => formatNumber(n, b.fmt))
      : typeof a === 'string' && typeof b === 'string' ? countBetween(a, b) : null;
    if (count) counting.push({ el, count });
    else fading.push(el);
  }
  if (fading.length) tl.to(fading, { opacity: 0, duration: 0.15, ease: 'power1.in' });
  tl.call(() => {
    writeParts(root, after);
    apply();
    // Fitted to the new text once, here, while it is faded out: never per frame.
    fitText(root);
    for (const c of counting) setBoxText(c.el, c.count(0));
  });
  const at = tl.duration();
  if (fading.length) tl.to(fading, { opacity: 1, duration: 0.25, ease: 'power1.out' }, at);
  for (const c of counting) tl.add(countText(c.el, c.count), at);
  return tl;
}

/** A colour held in a CSS variable blends from old to new (a small panel repaint, only on updates). */
export function blendVar(tl: Timeline, el: HTMLElement, name: string, to: string, at: number): void {
  const from = el.style.getPropertyValue(name);
  if (from === to) return;
  // Nothing to blend from (a row coming into use): take the new colour as the text fades in.
  if (from === '') return void tl.set(el, { [name]: to }, at);
  tl.fromTo(el, { [name]: from }, { [name]: to, duration: 0.5, ease: 'none' }, at);
}

/** The design system's dark ink (--ink in output.css) and white (--paper). */
export const INK = '#0a1630';
export const WHITE = '#ffffff';

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const lin = (h: string) => {
    const s = parseInt(h, 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21, either order. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lighter navy the panels are painted in (--ink-2): the worst ground a party mark sits on. */
export const NAVY_PANEL = '#12254a';

/**
 * Whether a party mark needs the light keyline to hold on the navy (WCAG 1.4.11: 3:1 for
 * graphics). output.css computes the same rule as --party-keyline where --party is set; this
 * is for marks that carry no --party, such as the hemicycle's 650 dots.
 */
export function needsKeyline(hex: string): boolean {
  return contrastRatio(hex, NAVY_PANEL) < GRAPHICS_AA;
}
const GRAPHICS_AA = 3;

/**
 * WCAG's AA minimum for large text (SC 1.4.3). Every word on air is 28 px or more and bold,
 * which WCAG counts as large, so white that reaches 3:1 passes.
 */
export const LARGE_TEXT_AA = 3;

/**
 * The one rule for type on a colour, used by every template: white whenever white passes AA
 * for large text, otherwise whichever of white and ink contrasts more (in practice the ink).
 * Plain "higher ratio wins" would put ink on Conservative blue, Green, DUP, SDLP and
 * Independent grey, where television sets white: WCAG 2's ratio is known to overrate dark type
 * on saturated mid colours, and APCA (the perceptual measure drafted for WCAG 3) prefers white
 * on all five (test/unit/overlays/text-on-colour.test.ts tabulates both).
 */
export function textOn(hex: string): string {
  const white = contrastRatio(WHITE, hex);
  return white >= LARGE_TEXT_AA || white >= contrastRatio(INK, hex) ? WHITE : INK;
}
