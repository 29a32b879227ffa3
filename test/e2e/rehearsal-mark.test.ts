import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { TEMPLATE_DEFINITIONS, TEMPLATES } from '../../main/templates/definitions';
import { STRESS_CASES, STRESS_COMBINATIONS } from '../../main/server/gallery-stress';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage, takeToAir } from '../support/output-page';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const stepsOf = (template: string) => TEMPLATE_DEFINITIONS.find((t) => t.id === template)!.steps;
const everyStep = (template: string) => Array.from({ length: stepsOf(template) }, (_, i) => i + 1);
/** Every template alone at every step (the demo night and every stress case), then every combination of layers. */
const STILLS = [
  ...TEMPLATE_DEFINITIONS.flatMap((t) => everyStep(t.id).map((step) => `template=${t.id}&step=${step}`)),
  ...STRESS_CASES.flatMap((c) => everyStep(c.template).map((step) => `set=stress&template=${c.template}&case=${c.id}&step=${step}`)),
  ...STRESS_COMBINATIONS.map((c) => `set=stress&combo=${c.id}`),
];

/**
 * The mark's box and every text on the stage it shares pixels with. A text is every visible text
 * node of a drawn layer, by its glyph boxes (clipped to the boxes that hide overflow, such as
 * the ticker's window), the mark's own words left out.
 */
function markCovers(page: Page): Promise<{ mark: { x: number; y: number; w: number; h: number } | null; covered: string[] }> {
  return page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>('.stage')!;
    const markEl = stage.querySelector<HTMLElement>('[data-rehearsal-mark]:not([hidden])');
    if (!markEl) return { mark: null, covered: [] };
    const m = markEl.getBoundingClientRect();
    const covered: string[] = [];
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || !text || markEl.contains(el) || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const clips: DOMRect[] = [];
      for (let e: Element | null = el; e && e !== stage; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') clips.push(e.getBoundingClientRect());
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        let [x0, y0, x1, y1] = [r.left, r.top, r.right, r.bottom];
        for (const c of clips) [x0, y0, x1, y1] = [Math.max(x0, c.left), Math.max(y0, c.top), Math.min(x1, c.right), Math.min(y1, c.bottom)];
        if (Math.min(x1, m.right) - Math.max(x0, m.left) > 0 && Math.min(y1, m.bottom) - Math.max(y0, m.top) > 0)
          covered.push(`${el.className}: ${text.slice(0, 40)}`);
      }
    }
    return { mark: { x: m.x, y: m.y, w: m.width, h: m.height }, covered };
  });
}

/**
 * The REHEARSAL mark never covers a word of any template on air. Over the gallery (the same
 * placement the output uses, from the composition: overlays/rehearsal-mark.ts) for every
 * template at every step and every combination of layers; then on the real output during a
 * real rehearsal, with a board over a strap, a bug and a ticker (the exit poll's title was
 * under the mark before), and with the bug in the top-left corner.
 */
describe.skipIf(missing !== null)('the REHEARSAL mark covers no text', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ show });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(STILLS)('%s', async (query) => {
    await page.goto(`${server.url}/gallery?${query}&mark=1&bg=transparent`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
    expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();
    const { mark, covered } = await markCovers(page);
    expect(mark, 'the mark is drawn').not.toBeNull();
    // Inside the frame and action-safe's sides; never under a word.
    expect(mark!.y).toBeGreaterThanOrEqual(0);
    expect(mark!.x).toBeGreaterThanOrEqual(67);
    expect(mark!.x + mark!.w).toBeLessThanOrEqual(1920 - 67);
    expect(covered).toEqual([]);
  });

  it('on the real output in a rehearsal: clear of the exit poll over strap, bug and ticker, and of a top-left bug without a board', async () => {
    const output = await openOutputPage(browser, server.url);
    expect((await post(`${server.url}/api/rehearsal`, { action: 'start', durationSeconds: 3600, mark: true })).status).toBe(200);
    await output.locator('[data-rehearsal-mark]:not([hidden])').waitFor();
    for (const [cue, layer] of [
      ['tick', 'ticker'],
      ['strap', 'lower-third'],
      ['bug', 'bug'],
      ['exit-poll', 'fullscreen'],
    ] as const)
      await takeToAir(server.url, output, cue, layer);
    await output.locator('[data-layer="bug"]').waitFor({ state: 'detached' });
    await output.locator('[data-rehearsal-mark][data-corner="frame-top"]').waitFor();
    expect((await markCovers(output)).covered).toEqual([]);
    await output.screenshot({ path: '/tmp/rehearsal-mark-exit-poll.png' });
    // The board out: the bug (top-left) comes back, and the mark takes the other corner.
    expect((await post(`${server.url}/api/out`, { layer: 'fullscreen' })).status).toBe(200);
    await output.locator('[data-layer="bug"][data-phase="on"]').waitFor();
    await output.locator('[data-rehearsal-mark][data-corner="top-right"]').waitFor();
    // While the board plays its out the mark stays above title-safe; measured again once it has gone.
    expect((await markCovers(output)).covered).toEqual([]);
    await output.locator('[data-layer="fullscreen"]').waitFor({ state: 'detached' });
    expect((await markCovers(output)).covered).toEqual([]);
    await output.screenshot({ path: '/tmp/rehearsal-mark-bug-top-left.png' });
    expect((await post(`${server.url}/api/rehearsal`, { action: 'stop' })).status).toBe(200);
    await output.close();
  });
});

const cue = (id: string, template: string, layer: Layer, fields: Record<string, unknown>) => ({ id, title: id, template, layer, fields });
const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Rehearsal mark',
  stacks: [
    {
      id: 'rm',
      name: 'RM',
      cues: [
        cue('strap', 'strap', 'lower-third', TEMPLATES.get('strap')!.demo),
        cue('bug', 'bug', 'bug', { ...TEMPLATES.get('bug')!.demo, corner: 'top-left' }),
        cue('tick', 'ticker', 'ticker', { source: 'items', items: 'Polls have closed\nExit poll at 22:00' }),
        cue('exit-poll', 'exit-poll', 'fullscreen', TEMPLATES.get('exit-poll')!.demo),
      ],
    },
  ],
};
