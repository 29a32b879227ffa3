import type { Page } from 'playwright-core';

/** One text on a still that is not where it may be: which element, what it says, and what is wrong. */
export interface LayoutFault {
  where: string;
  text: string;
  problem: string;
}

/**
 * Runs in the page: every visible text of the graphics on every stage (one full-size still, or
 * a gallery sheet of scaled thumbnails), checked against
 * its own box (scroll size against client size), against every ancestor that clips it, against
 * the frame and against title-safe (5% of 1920x1080 a side).
 *
 * Glyphs are checked by their ink, not their line box: a line of Barlow Condensed at
 * line-height 1 is shorter than the font's ascent plus descent, so a descender (g, y, comma)
 * can hang below the element. The ink's top and bottom come from the font's own metrics
 * (canvas measureText on the same text in the same font), placed on the baseline Chromium laid
 * out (the text fragment's top plus the font's ascent); a clipping ancestor that ends above the
 * ink's bottom cuts the descender off. Horizontally the advance box is used.
 */
function findFaults(): LayoutFault[] {
  const stages = [...document.querySelectorAll<HTMLElement>('.stage')];
  if (stages.length === 0) return [{ where: 'page', text: '', problem: 'no .stage on the page' }];
  return stages.flatMap((stage, i) => stageFaults(stage).map((f) => (stages.length > 1 ? { ...f, where: `stage ${i + 1}: ${f.where}` } : f)));
}

function stageFaults(stage: HTMLElement): LayoutFault[] {
  const frame = stage.getBoundingClientRect();
  const k = frame.width / 1920;
  const safe = { left: frame.left + 96 * k, right: frame.right - 96 * k, top: frame.top + 54 * k, bottom: frame.bottom - 54 * k };
  const slack = 1.5 * k;
  const ctx = document.createElement('canvas').getContext('2d')!;
  const faults: LayoutFault[] = [];
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el instanceof HTMLElement && el.dataset.part ? `[${el.dataset.part}]` : ''}`;

  const shown = (el: HTMLElement): boolean => {
    for (let e: HTMLElement | null = el; e && e !== stage; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) < 0.01 || s.contentVisibility === 'hidden') return false;
    }
    return true;
  };
  const clips = (s: CSSStyleDeclaration) => s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.contain.includes('paint');

  const boxes = [...stage.querySelectorAll<HTMLElement>('*')].filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
  );
  for (const el of boxes) {
    if (!shown(el)) continue;
    const s = getComputedStyle(el);
    const raw = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    const text = s.textTransform === 'uppercase' ? raw.toUpperCase() : raw;
    const fault = (problem: string) => faults.push({ where: name(el), text: raw.trim(), problem });
    // A crawl (the ticker) carries its items through a window that clips them at its ends by
    // design: there only the vertical is checked.
    const crawl = el.closest('[data-crawl]') !== null;
    // A fitted text (common/fit-text.ts) is a span condensed by a transform inside its box: the
    // box is what must hold it, and the span's drawn (transformed) width must be inside it.
    const fitted = el.classList.contains('fit-text');
    const box = fitted ? el.parentElement! : el;
    if (s.display !== 'inline') {
      if (box.scrollWidth > box.clientWidth + 1)
        fault(`runs ${box.scrollWidth - box.clientWidth} px past its box (scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth})`);
      if (box.scrollHeight > box.clientHeight + 1)
        fault(`runs ${box.scrollHeight - box.clientHeight} px below its box (scrollHeight ${box.scrollHeight} > clientHeight ${box.clientHeight})`);
    }
    if (fitted) {
      const drawn = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (drawn.right > b.right + slack || drawn.left < b.left - slack)
        fault(`drawn ${Math.round(drawn.width / k)} px wide in a box of ${Math.round(b.width / k)} px`);
    }
    // A box in the flow must stay inside its parent: a name spilling out of its column into the bar.
    const parent = el.parentElement!;
    if (s.position === 'static' || s.position === 'relative') {
      const r = el.getBoundingClientRect();
      const pr = parent.getBoundingClientRect();
      const inner = { left: pr.left + parent.clientLeft * k, right: pr.left + (parent.clientLeft + parent.clientWidth) * k };
      if (parent.clientWidth > 0 && (r.right > inner.right + slack || r.left < inner.left - slack)) {
        fault(
          `runs out of ${name(parent)} (${Math.round((r.left - frame.left) / k)}..${Math.round((r.right - frame.left) / k)} ` +
            `against ${Math.round((inner.left - frame.left) / k)}..${Math.round((inner.right - frame.left) / k)})`,
        );
      }
    }
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const m = ctx.measureText(text.trim());
    const range = document.createRange();
    // Each line's fragment of the element's own text (child elements have their own turn).
    const lines = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .flatMap((n) => {
        range.selectNodeContents(n);
        return [...range.getClientRects()];
      })
      .filter((r) => r.width > 0);
    for (const line of lines) {
      const sy = line.height / (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent || 1);
      const baseline = line.top + m.fontBoundingBoxAscent * sy;
      const ink = { left: line.left, right: line.right, top: baseline - m.actualBoundingBoxAscent * sy, bottom: baseline + m.actualBoundingBoxDescent * sy };
      if (crawl) Object.assign(ink, { left: Math.max(ink.left, safe.left), right: Math.min(ink.right, safe.right) });
      if (ink.left < frame.left - slack || ink.right > frame.right + slack || ink.top < frame.top - slack || ink.bottom > frame.bottom + slack)
        fault('runs out of the frame');
      else if (ink.left < safe.left - slack || ink.right > safe.right + slack || ink.top < safe.top - slack || ink.bottom > safe.bottom + slack) {
        fault(
          `outside title-safe (ink ${Math.round((ink.left - frame.left) / k)}..${Math.round((ink.right - frame.left) / k)} ` +
            `x ${Math.round((ink.top - frame.top) / k)}..${Math.round((ink.bottom - frame.top) / k)})`,
        );
      }
      for (let a: HTMLElement | null = el; a && a !== stage; a = a.parentElement) {
        const as = getComputedStyle(a);
        if (!clips(as)) continue;
        const r = a.getBoundingClientRect();
        const box = {
          left: r.left + a.clientLeft * k,
          top: r.top + a.clientTop * k,
          right: r.left + (a.clientLeft + a.clientWidth) * k,
          bottom: r.top + (a.clientTop + a.clientHeight) * k,
        };
        const cut = [
          ink.bottom > box.bottom + slack ? `bottom ${((ink.bottom - box.bottom) / k).toFixed(1)} px (descenders)` : '',
          ink.top < box.top - slack ? `top ${((box.top - ink.top) / k).toFixed(1)} px` : '',
          !crawl && ink.right > box.right + slack ? `right ${((ink.right - box.right) / k).toFixed(1)} px` : '',
          !crawl && ink.left < box.left - slack ? `left ${((box.left - ink.left) / k).toFixed(1)} px` : '',
        ].filter(Boolean);
        if (cut.length) fault(`glyphs clipped by ${a === el ? 'its own box' : name(a)}: ${cut.join(', ')}`);
      }
    }
  }
  return faults;
}

/** The faults of what the page shows now; [] when every text fits. */
export async function layoutFaults(page: Page): Promise<LayoutFault[]> {
  // tsx names functions with __name, which page.evaluate carries into the page (CSP forbids a script tag).
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(`(() => { ${stageFaults.toString()}; return (${findFaults.toString()})(); })()`) as Promise<LayoutFault[]>;
}

/** A fault as one readable line, for a test's message. */
export const describeFault = (f: LayoutFault): string => `${f.where} "${f.text}": ${f.problem}`;
