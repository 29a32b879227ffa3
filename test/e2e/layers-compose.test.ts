import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { TEMPLATES } from '../../main/templates/definitions';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage, takeToAir } from '../support/output-page';
import { loadReferenceNight } from '../support/reference-night';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const cue = (id: string, template: string, layer: Layer, fields: Record<string, unknown>) => ({ id, title: id, template, layer, fields });
const demo = (template: string) => TEMPLATES.get(template)!.demo;

/**
 * Each board's plates: the boxes that carry its content. Within a group marked `apart`, no two
 * may overlap (rows of a table); plates of different groups may never overlap.
 */
const BOARDS: { id: string; plates: { selector: string; apart?: boolean }[] }[] = [
  {
    id: 'exit-poll',
    plates: [
      { selector: '.board-head' },
      { selector: '.ep-time' },
      { selector: '.ep-key' },
      { selector: '.ep-row', apart: true },
      { selector: '.board-verdict' },
    ],
  },
  { id: 'seat-tally', plates: [{ selector: '.board-head' }, { selector: '.st-declared' }, { selector: '.st-panel' }, { selector: '.board-verdict' }] },
  { id: 'hemicycle', plates: [{ selector: '.board-title' }, { selector: '.hc-verdict' }, { selector: '.hc-svg circle' }, { selector: '.hc-key' }] },
  { id: 'target-seats', plates: [{ selector: '.ts-head' }, { selector: '.ts-cols' }, { selector: '.ts-row:not(.is-empty)', apart: true }] },
  {
    id: 'swingometer',
    plates: [
      { selector: '.sw-head' },
      { selector: '.sw-band, .sw-scale' },
      { selector: '.sw-side', apart: true },
      { selector: '.sw-panel' },
      { selector: '.sw-value' },
    ],
  },
  { id: 'hex-map', plates: [{ selector: '.hex-key' }, { selector: '.hex-overview svg' }] },
  { id: 'seat-result', plates: [{ selector: '.sr-card' }, { selector: '.sr-full' }] },
];

const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Layers together',
  stacks: [
    {
      id: 'lt',
      name: 'LT',
      cues: [
        cue('strap', 'strap', 'lower-third', {
          headline: 'Tories teetering in Wales',
          subline: 'Labour ahead in 27 of the 32 Welsh seats',
          party: 'lab',
          variant: 'standard',
        }),
        cue('bug', 'bug', 'bug', demo('bug')),
        cue('tick', 'ticker', 'ticker', { source: 'items', items: 'Polls have closed\nExit poll at 22:00' }),
        ...BOARDS.map((b) => cue(b.id, b.id, 'fullscreen', demo(b.id))),
      ],
    },
  ],
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Boxes that share more than a pixel each way (a sub-pixel touch of antialiased edges is not an overlap). */
const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;

/** The rendered boxes of each plate group on the output (hidden pages and faded-out parts left out). */
function plateBoxes(output: Page, selectors: string[]): Promise<Box[][]> {
  return output.evaluate(
    (sels) =>
      sels.map((sel) =>
        [...document.querySelectorAll<HTMLElement>(`[data-layer="fullscreen"] ${sel}`)]
          .filter((el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true }))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          })
          .filter((r) => r.width > 0 && r.height > 0),
      ),
    selectors,
  );
}

describe.skipIf(missing !== null)('a board taken over a strap, a bug and a ticker', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer({ show });
    const { night } = await loadReferenceNight();
    expect(server.engine.dispatch({ type: 'declare-results', source: 'test', seats: night }).ok).toBe(true);
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
    await takeToAir(server.url, output, 'tick', 'ticker');
    await takeToAir(server.url, output, 'strap', 'lower-third');
    await takeToAir(server.url, output, 'bug', 'bug');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const board of BOARDS) {
    it(`${board.id}: strap and bug leave, the ticker stays, no plate in its band nor on another; both come back steady`, async () => {
      await takeToAir(server.url, output, board.id, 'fullscreen');
      // The strap and the bug go with the quick out (0.2 s); the ticker stays on air, drawn.
      await output.locator('[data-layer="lower-third"]').waitFor({ state: 'detached', timeout: 2000 });
      await output.locator('[data-layer="bug"]').waitFor({ state: 'detached', timeout: 2000 });
      await output.waitForSelector('[data-layer="ticker"][data-phase="on"]');
      expect(await output.locator('#stage').getAttribute('data-reserved')).toBe('ticker');
      expect(server.engine.programSnapshot().composition.layers).toEqual({
        fullscreen: { visibility: 'visible' },
        ticker: { visibility: 'visible' },
        'lower-third': { visibility: 'held', by: 'fullscreen' },
        bug: { visibility: 'held', by: 'fullscreen' },
      });
      // At its first step and at its last, once each has settled.
      const drawn = new Set<number>();
      const steps = TEMPLATES.get(board.id)!.steps;
      for (let step = 1; step <= steps; step++) {
        if (step > 1) {
          expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).status).toBe(200);
          await output.waitForSelector(`[data-layer="fullscreen"][data-step="${step}"]`);
        }
        if (step !== 1 && step !== steps) continue;
        await new Promise((r) => setTimeout(r, 1500));
        await output.screenshot({ path: path.join(os.tmpdir(), `strapline-compose-${board.id}-step${step}.png`) });
        const ticker = (await output.locator('[data-layer="ticker"]').boundingBox())!;
        const groups = await plateBoxes(
          output,
          board.plates.map((p) => p.selector),
        );
        groups.forEach((boxes, i) => boxes.length && drawn.add(i));
        for (const [i, boxes] of groups.entries()) {
          const name = `step ${step} ${board.plates[i]!.selector}`;
          for (const b of boxes) expect(overlap(b, ticker), `${name} ${JSON.stringify(b)} in the ticker's band ${JSON.stringify(ticker)}`).toBe(false);
          if (board.plates[i]!.apart) {
            for (const [j, a] of boxes.entries())
              for (const b of boxes.slice(j + 1)) expect(overlap(a, b), `${name} ${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(false);
          }
          for (const [k, other] of groups.slice(i + 1).entries()) {
            for (const a of boxes)
              for (const b of other)
                expect(overlap(a, b), `${name} ${JSON.stringify(a)} on ${board.plates[i + 1 + k]!.selector} ${JSON.stringify(b)}`).toBe(false);
          }
        }
      }
      expect([...drawn].sort(), 'every plate drawn at one step or the other').toEqual(board.plates.map((_, i) => i));

      // Out: the strap and the bug come back cut to their steady state, never through their in-animation.
      await output.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { backPhases: string[] }).backPhases = seen;
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes) if (n instanceof HTMLElement && n.dataset.layer) seen.push(`${n.dataset.layer}:${n.dataset.phase}`);
        }).observe(document.getElementById('stage')!, { childList: true, subtree: true });
      });
      expect((await post(`${server.url}/api/out`, { layer: 'fullscreen' })).status).toBe(200);
      await output.waitForSelector('[data-layer="lower-third"][data-cue-id="strap"][data-phase="on"]', { timeout: 2000 });
      await output.waitForSelector('[data-layer="bug"][data-cue-id="bug"][data-phase="on"]', { timeout: 2000 });
      const phases = await output.evaluate(() => (window as unknown as { backPhases: string[] }).backPhases);
      expect(phases.filter((p) => !p.startsWith('fullscreen')).sort()).toEqual(['bug:on', 'lower-third:on']);
      // Steady at once: the strap's panel is drawn whole (its in starts it scaled to nothing).
      const bg = await output.locator('[data-layer="lower-third"] .strap-bg').evaluate((el) => getComputedStyle(el).transform);
      expect(bg === 'none' || bg === 'matrix(1, 0, 0, 1, 0, 0)', bg).toBe(true);
      await output.locator('[data-layer="fullscreen"]').waitFor({ state: 'detached' });
      expect(await output.locator('#stage').getAttribute('data-reserved')).toBeNull();
    });
  }
});

describe.skipIf(missing !== null)("the console's preview shows the composed frame before the take", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ show });
    browser = await launchChromium();
    const output = await openOutputPage(browser, server.url);
    await takeToAir(server.url, output, 'tick', 'ticker');
    await takeToAir(server.url, output, 'strap', 'lower-third');
    await takeToAir(server.url, output, 'bug', 'bug');
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-cue-id="exit-poll"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('marks the strap and bug that will leave, keeps the ticker, lifts the board above its band; the layer table says held', async () => {
    await page.click('[data-cue-id="exit-poll"]');
    const monitor = page.locator('.monitor-preview');
    await monitor.locator('[data-layer="fullscreen"][data-preview-cue-id="exit-poll"]').waitFor();
    // The frame after the take: the board, the ticker drawn, the strap and bug faded and marked as leaving.
    await monitor.locator('[data-preview-held="lower-third bug"]').waitFor();
    expect(await monitor.locator('[data-preview-held]').textContent()).toBe('HELD BY THE BOARD: LOWER THIRD, BUG');
    expect(await monitor.locator('[data-layer="lower-third"][data-held]').count()).toBe(1);
    expect(await monitor.locator('[data-layer="bug"][data-held]').count()).toBe(1);
    expect(await monitor.locator('[data-layer="ticker"]:not([data-held])').count()).toBe(1);
    expect(await monitor.locator('.stage').getAttribute('data-reserved')).toBe('ticker');
    // Nothing on air has changed: the program still draws all three.
    expect(server.engine.programSnapshot().composition.layers).toEqual({
      'lower-third': { visibility: 'visible' },
      ticker: { visibility: 'visible' },
      bug: { visibility: 'visible' },
    });
    await monitor.screenshot({ path: path.join(os.tmpdir(), 'strapline-compose-preview.png') });

    expect((await post(`${server.url}/api/take`, { cueId: 'exit-poll' })).status).toBe(200);
    await page.locator('[data-layer-row="lower-third"][data-held-by="fullscreen"]').waitFor();
    expect(await page.locator('[data-layer-row="lower-third"] .layer-template').textContent()).toBe('held by the board');
    expect(await page.locator('[data-layer-row="bug"][data-held-by="fullscreen"]').count()).toBe(1);
    expect(await page.locator('[data-layer-row="ticker"][data-held-by]').count()).toBe(0);
    await page.locator('.on-air-bar').screenshot({ path: path.join(os.tmpdir(), 'strapline-compose-on-air-bar.png') });
  });
});
