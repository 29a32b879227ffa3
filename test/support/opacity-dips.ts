import type { Page } from 'playwright-core';

/** An element of a graphic on air whose opacity, as seen on screen, fell during the sampling. */
export interface Dip {
  layer: string;
  element: string;
  textBefore: string;
  textAfter: string;
  /** Opacity on screen: its own times every ancestor's up to the graphic, 0 to 1. */
  before: number;
  lowest: number;
}

/**
 * An init script for the real output page: between __dips.start() and __dips.stop() it reads,
 * on every frame (requestAnimationFrame, as the page draws), the on-screen opacity of every
 * visible element of every graphic on air, and keeps each one's lowest. The 650 seat marks
 * (circle, path) are left out: they change colour, never opacity, and reading them every
 * frame would slow the page being measured.
 */
export const OPACITY_SAMPLER = `window.__dips = (() => {
  const tracked = new Map();
  let running = false;
  const onScreen = (el, root) => {
    let o = 1;
    for (let e = el; e && e !== root.parentElement; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const describe = (el) => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').trim().split(/\\s+/).join('.');
  const frame = () => {
    if (!running) return;
    for (const [el, t] of tracked) if (el.isConnected) t.lowest = Math.min(t.lowest, onScreen(el, t.root));
    requestAnimationFrame(frame);
  };
  return {
    start() {
      tracked.clear();
      for (const root of document.querySelectorAll('[data-layer][data-phase="on"]')) {
        for (const el of [root, ...root.querySelectorAll('*:not(circle):not(path)')]) {
          if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
          const before = onScreen(el, root);
          if (before < 0.05) continue;
          tracked.set(el, { root, layer: root.dataset.layer, element: describe(el), textBefore: el.textContent, before, lowest: before });
        }
      }
      running = true;
      requestAnimationFrame(frame);
      return tracked.size;
    },
    stop() {
      running = false;
      return [...tracked].filter(([el]) => el.isConnected).map(([el, t]) => ({
        layer: t.layer, element: t.element, textBefore: t.textBefore, textAfter: el.textContent, before: t.before, lowest: t.lowest,
      }));
    },
  };
})();`;

/** Starts sampling; resolves with how many elements are watched. */
export const startSampling = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __dips: { start(): number } }).__dips.start());

export const stopSampling = (page: Page): Promise<Dip[]> => page.evaluate(() => (window as unknown as { __dips: { stop(): Dip[] } }).__dips.stop());

/** The same words with other figures: "LAB need 12 more" and "LAB need 9 more". */
export const sameWords = (a: string, b: string): boolean => a.replace(/[\d,.]+/g, '#') === b.replace(/[\d,.]+/g, '#');
