/**
 * The one way a text box fits its text, for every template. A box marked `data-fit` holds its
 * text in one inner span; fitText measures the span against the box and, where it is too wide:
 *  1. condenses it: a horizontal scale (transform, so no relayout and no repaint per frame),
 *     measured, never below the box's floor (`data-fit`, default FIT_FLOOR);
 *  2. failing that, steps down to the box's smaller size (`data-fit-step`, a size of the type
 *     scale) and condenses again;
 *  3. failing that, where the design allows two lines (`data-fit-lines="2"`), wraps at that size.
 * A text that still does not fit is condensed to the floor and marked `data-fit-state="over"`:
 * the layout checks (test/e2e/layout-checks.test.ts) fail on it, and each field's limit is set
 * so that no valid input gets there.
 *
 * It measures (forces a layout), so it runs when a graphic is built, preloaded or updated, never
 * per frame: the renderer calls it once the element is in its layer, and the update timelines
 * after they write new text. A box not yet in the document is left alone (nothing to measure).
 */

/** Broadcast practice: a face squeezed past about 80% stops reading as itself. */
export const FIT_FLOOR = 0.8;
const SPAN_CLASS = 'fit-text';

export interface FitOptions {
  /** The narrowest horizontal scale allowed, 0.5 to 1. */
  floor?: number;
  /** A smaller size of the type scale (px) to step down to before wrapping. */
  step?: 28 | 36 | 48 | 64;
  /** 2 where the design allows the text to wrap onto a second line. */
  lines?: 1 | 2;
}

/** Marks a box as fitted (views call this as they build). */
export function fitBox<T extends HTMLElement>(el: T, options: FitOptions = {}): T {
  el.dataset.fit = String(options.floor ?? FIT_FLOOR);
  if (options.step) el.dataset.fitStep = String(options.step);
  if (options.lines === 2) el.dataset.fitLines = '2';
  return el;
}

/** The span a fitted box keeps its text in, made on first use. */
function spanOf(el: HTMLElement): HTMLElement {
  const first = el.firstElementChild;
  if (first instanceof HTMLElement && first.classList.contains(SPAN_CLASS)) return first;
  const span = document.createElement('span');
  span.className = SPAN_CLASS;
  el.replaceChildren(span);
  return span;
}

/** Writes a text box's text: into its span when it is fitted, else as its own text. */
export function setBoxText(el: HTMLElement, text: string): void {
  if (el.dataset.fit === undefined) el.textContent = text;
  else if (spanOf(el).textContent !== text) spanOf(el).textContent = text;
}

/** The width the text may take: the box's content box, in layout pixels (transforms ignored). */
function room(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
}

function reset(el: HTMLElement, span: HTMLElement): void {
  span.style.transform = '';
  span.style.margin = '';
  el.style.fontSize = '';
  el.classList.remove('is-fit-wrapped');
  delete el.dataset.fitState;
}

interface Box {
  el: HTMLElement;
  span: HTMLElement;
  floor: number;
  /** The span's width on one line before any scale, as last measured. */
  natural: number;
}

/** The scale that fits the span on one line, or null past the floor. Reads layout only. */
function condense(box: Box): number | null {
  const { el, span, floor } = box;
  const natural = (box.natural = span.offsetWidth);
  const width = room(el);
  if (natural <= width) return 1;
  const scale = width / natural;
  return scale >= floor ? scale : null;
}

/** Squeezed from the side the text is set to, so a right-aligned figure keeps its edge. */
const ORIGIN: Record<string, string> = { right: '100% 50%', end: '100% 50%', center: '50% 50%' };

/**
 * Condensed on one line, the span also gives back the width it no longer draws (a negative
 * margin on the side away from its origin), so its line is as wide as what is seen and the
 * box's scrollWidth stays within its clientWidth.
 */
function apply({ el, span, natural }: Box, scale: number, state: string): void {
  const align = getComputedStyle(el).textAlign;
  span.style.transformOrigin = ORIGIN[align] ?? '0 50%';
  span.style.transform = scale < 1 ? `scaleX(${scale.toFixed(4)})` : '';
  const spare = el.classList.contains('is-fit-wrapped') || scale >= 1 ? 0 : natural * (1 - scale);
  const origin = ORIGIN[align] ?? '0 50%';
  span.style.marginLeft = spare && origin !== '0 50%' ? `${-(origin === '50% 50%' ? spare / 2 : spare)}px` : '';
  span.style.marginRight = spare && origin !== '100% 50%' ? `${-(origin === '50% 50%' ? spare / 2 : spare)}px` : '';
  el.dataset.fitState = state;
}

/**
 * One pass over the boxes still unfitted: `prepare` writes (a size, a wrap), then every box is
 * measured together, so a pass costs one layout however many boxes it holds.
 */
function pass(boxes: Box[], prepare: (b: Box) => void, fits: (b: Box) => number | null, state: (scale: number) => string): Box[] {
  boxes.forEach(prepare);
  const scales = boxes.map(fits);
  const left: Box[] = [];
  boxes.forEach((b, i) => {
    const scale = scales[i]!;
    if (scale === null) left.push(b);
    else apply(b, scale, state(scale));
  });
  return left;
}

/** Wrapped, the text must fit the box's height; a line still too wide condenses as on one line. */
function wrappedScale({ el, span, floor }: Box): number | null {
  if (span.offsetHeight > el.clientHeight + 1) return null;
  const width = room(el);
  const natural = span.scrollWidth;
  if (natural <= width + 1) return 1;
  return width / natural >= floor ? width / natural : null;
}

/** Fits the boxes in passes (one layout each); returns those that wrapped. */
function fitAll(boxes: Box[]): Box[] {
  boxes.forEach((b) => reset(b.el, b.span));
  const full = pass(
    boxes.filter((b) => b.span.textContent !== ''),
    () => undefined,
    condense,
    (s) => (s < 1 ? 'condensed' : 'natural'),
  );
  const stepped = pass(
    full.filter((b) => b.el.dataset.fitStep),
    (b) => void (b.el.style.fontSize = `${b.el.dataset.fitStep}px`),
    condense,
    (s) => (s < 1 ? 'smaller-condensed' : 'smaller'),
  );
  const unfitted = [...full.filter((b) => !b.el.dataset.fitStep), ...stepped];
  const wrapping = unfitted.filter((b) => b.el.dataset.fitLines === '2');
  const unwrapped = pass(
    wrapping,
    (b) => b.el.classList.add('is-fit-wrapped'),
    wrappedScale,
    (s) => (s < 1 ? 'wrapped-condensed' : 'wrapped'),
  );
  for (const b of unwrapped) b.el.classList.remove('is-fit-wrapped');
  for (const b of [...unfitted.filter((b) => b.el.dataset.fitLines !== '2'), ...unwrapped]) apply(b, b.floor, 'over');
  return wrapping.filter((b) => !unwrapped.includes(b));
}

/** Fits every `data-fit` box in a graphic (or the box itself). Cheap when nothing is too long. */
export function fitText(root: HTMLElement): void {
  if (!root.isConnected) return;
  const els = root.matches('[data-fit]') ? [root] : [...root.querySelectorAll<HTMLElement>('[data-fit]')];
  const boxes: Box[] = els.map((el) => ({ el, span: spanOf(el), floor: Number(el.dataset.fit) || FIT_FLOOR, natural: 0 }));
  const wrapped = fitAll(boxes);
  // A wrap may change the boxes around it (a party name going under the candidate gives the
  // name the whole column): fit the rest again, once, around the wrapped ones.
  if (wrapped.length) fitAll(boxes.filter((b) => !wrapped.includes(b)));
}
