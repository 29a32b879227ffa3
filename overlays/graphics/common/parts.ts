import { gsap } from 'gsap';

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

function elementsOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-part]'));
}

/** Writes every part's text; a part the map does not name is emptied. */
export function writeParts(root: HTMLElement, parts: Parts): void {
  for (const el of elementsOf(root)) el.textContent = partText(parts[el.dataset.part!]);
}

/**
 * Animates from the parts on air to the next ones: numbers that stay numbers count, other
 * changed text fades out, is rewritten (then `apply` sets classes and colours) and fades back
 * in. Parts that did not change are left alone. `alsoFade` elements fade whole (a block that
 * swaps what it shows), and the parts inside them are rewritten without counting.
 */
export function updateParts(root: HTMLElement, before: Parts, after: Parts, apply: () => void, alsoFade: HTMLElement[] = []): Timeline {
  const tl = gsap.timeline({ paused: true });
  const fading: HTMLElement[] = [...alsoFade];
  const counting: { el: HTMLElement; from: number; to: Num }[] = [];
  for (const el of elementsOf(root)) {
    const key = el.dataset.part!;
    if (alsoFade.some((f) => f.contains(el))) continue;
    const a = before[key];
    const b = after[key];
    if (partText(a) === partText(b)) continue;
    if (typeof a === 'object' && typeof b === 'object' && a.fmt === b.fmt) counting.push({ el, from: a.n, to: b });
    else fading.push(el);
  }
  if (fading.length) tl.to(fading, { opacity: 0, duration: 0.15, ease: 'power1.in' });
  tl.call(() => {
    writeParts(root, after);
    apply();
    for (const c of counting) c.el.textContent = formatNumber(c.from, c.to.fmt);
  });
  const at = tl.duration();
  if (fading.length) tl.to(fading, { opacity: 1, duration: 0.25, ease: 'power1.out' }, at);
  for (const c of counting) {
    const value = { n: c.from };
    tl.to(value, {
      n: c.to.n,
      duration: 0.8,
      ease: 'power2.out',
      onUpdate: () => void (c.el.textContent = formatNumber(value.n, c.to.fmt)),
      // The last frame writes the exact text the view asks for, never a rounding of the tween.
      onComplete: () => void (c.el.textContent = formatNumber(c.to.n, c.to.fmt)),
    }, at);
  }
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

/** Ink or white type, whichever reads on a party colour (SNP yellow needs dark type). */
export function textOn(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((v >> 16) & 255) + 0.7152 * lin((v >> 8) & 255) + 0.0722 * lin(v & 255);
  return l > 0.4 ? '#0a1630' : '#ffffff';
}
