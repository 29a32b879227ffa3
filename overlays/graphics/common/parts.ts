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
    const count =
      typeof a === 'object' && typeof b === 'object' && a.fmt === b.fmt
        ? countNumber(a.n, b.n, (n) => formatNumber(n, b.fmt))
        : typeof a === 'string' && typeof b === 'string'
          ? countBetween(a, b)
          : null;
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
 * WCAG's AA minimum for large text (SC 1.4.3), kept for graphics that are not words: the
 * keyline rule above asks 3:1 of marks. Words are held to TEXT_AA.
 */
export const LARGE_TEXT_AA = 3;

/** WCAG's AA for normal text (SC 1.4.3): every word on air reaches it against what is behind it (issue 13, Proof). */
export const TEXT_AA = 4.5;

/** A colour that carries words: the plate drawn behind them and the type set on it. */
export interface TextPlate {
  plate: string;
  text: string;
}

/** What the darkened plates aim at: a little over 4.5:1 with white, so rounding to #rrggbb never drops under it. */
const PLATE_TARGET = 4.6;

/**
 * The one rule for type on a colour, used by every template. A colour light enough for the ink
 * (Lib Dem, Reform, SNP, Alliance, the house gold) keeps its brand colour as the plate with ink
 * on it; a colour white already reads on at 4.5:1 (Labour, Plaid Cymru, Sinn Féin) keeps it with
 * white. The mid colours television sets white on (Conservative blue, Green, DUP, SDLP,
 * Independent grey) get a darker plate of the same colour: every channel's light scaled by one
 * factor, so the hue and the mix of the colour stay the party's and only the lightness drops,
 * until white reaches 4.5:1. The brand colour itself stays on every mark without words (bars,
 * hexes, seats, accents, swatches). test/unit/overlays/text-on-colour.test.ts tabulates them.
 */
export function textPlate(brand: string): TextPlate {
  const white = contrastRatio(WHITE, brand);
  if (white >= TEXT_AA) return { plate: brand, text: WHITE };
  if (white < LARGE_TEXT_AA && contrastRatio(INK, brand) >= TEXT_AA) return { plate: brand, text: INK };
  return { plate: darkenTo(brand, 1.05 / PLATE_TARGET - 0.05), text: WHITE };
}

/** The same colour with its relative luminance scaled down to `luminance` (linear light, one factor for all three channels). */
function darkenTo(hex: string, luminance: number): string {
  const k = luminance / relativeLuminance(hex);
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const toLinear = (s: number) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
  const toSrgb = (l: number) => (l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055);
  // Rounded down, so the plate is never lighter than the target.
  return `#${channels
    .map((s) =>
      Math.floor(toSrgb(toLinear(s) * k) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * Paints an element whose words sit on a party colour (a board's verdict box, a column head):
 * `--party` the brand colour for its marks and keyline, `--party-plate` behind the words,
 * `--party-ink` the type.
 */
export function paintPartyPlate(el: HTMLElement, brand: string): void {
  const { plate, text } = textPlate(brand);
  el.style.setProperty('--party', brand);
  el.style.setProperty('--party-plate', plate);
  el.style.setProperty('--party-ink', text);
}
