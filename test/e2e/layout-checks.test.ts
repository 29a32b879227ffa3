import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { STRESS_CASES } from '../../main/server/gallery-stress';
import { VERDICT_READABLE_S } from '../../overlays/graphics/seat-result/timeline';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import { describeFault, layoutFaults } from '../support/layout-check';
import { SHOW_FORMAT_VERSION } from '../../main/engine/show';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const steps = (id: string) => TEMPLATE_DEFINITIONS.find((t) => t.id === id)!.steps;
const DEMO = TEMPLATE_DEFINITIONS.flatMap((t) =>
  Array.from({ length: t.steps }, (_, i) => ({ id: t.id, step: i + 1, query: `template=${t.id}&step=${i + 1}` })),
);
const STRESS = STRESS_CASES.flatMap((c) =>
  Array.from({ length: steps(c.template) }, (_, i) => ({
    id: `${c.template}:${c.id}`,
    step: i + 1,
    query: `set=stress&template=${c.template}&case=${c.id}&step=${i + 1}&backdrop=busy`,
  })),
);

/**
 * Every text box of every template at every step, on the demo night and on the stress set's
 * hardest real cases, checked in Chromium (test/support/layout-check.ts): nothing past its box
 * (scroll size against client size), no glyph cut by a box that clips (descenders by the
 * font's metrics), nothing out of the frame or title-safe.
 */
describe.skipIf(missing !== null)('layout: every text fits its box, unclipped, inside title-safe', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    await page.clock.setFixedTime(new Date('2024-07-05T04:00:00+01:00'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function faultsAt(query: string): Promise<string[]> {
    await page.goto(`${server.url}/gallery?${query}`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
    const error = await page.evaluate(() => document.body.dataset.error ?? null);
    if (error !== null) throw new Error(`/gallery?${query}: ${error}`);
    expect(await page.locator('.stage [data-phase="on"]').count(), `${query} drew nothing`).toBe(1);
    return (await layoutFaults(page)).map(describeFault);
  }

  it.each(DEMO)('demo: $id at step $step', async ({ query }) => {
    expect(await faultsAt(query)).toEqual([]);
  });

  it.each(STRESS)('stress: $id at step $step', async ({ query }) => {
    expect(await faultsAt(query)).toEqual([]);
  });

  it.each(['set=demo', 'set=stress'])('the gallery sheet (%s): every thumbnail fitted as on air', async (query) => {
    await page.goto(`${server.url}/gallery?${query}`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
    expect(await page.locator('.gallery-card .stage').count()).toBeGreaterThan(20);
    expect((await layoutFaults(page)).map(describeFault)).toEqual([]);
  });

  it('finds what it is there to find: a descender cut by its box, text past its box, text outside title-safe', async () => {
    await faultsAt('template=strap&step=1');
    // The old target-seats row (line-height 1, overflow hidden), a name wider than its box, and text at the frame's edge.
    await page.evaluate(() => {
      const stage = document.querySelector('.stage')!;
      const add = (css: string, text: string) => {
        const el = document.createElement('div');
        el.style.cssText = `position: absolute; font: 700 44px/1 'Barlow Condensed'; white-space: nowrap; ${css}`;
        el.textContent = text;
        stage.append(el);
      };
      add('left: 300px; top: 300px; width: 600px; overflow: hidden;', 'Peterborough');
      add('left: 300px; top: 400px; width: 200px; line-height: 1.2;', 'Inverness, Skye and West Ross-shire');
      add('left: 40px; top: 500px; line-height: 1.2;', 'Clacton');
    });
    const found = (await layoutFaults(page)).map(describeFault);
    expect(found.some((f) => f.includes('"Peterborough": glyphs clipped by its own box: bottom'))).toBe(true);
    expect(found.some((f) => f.includes('"Inverness, Skye and West Ross-shire": runs') && f.includes('past its box'))).toBe(true);
    expect(found.some((f) => f.includes('"Clacton": outside title-safe'))).toBe(true);
  });
});

/** The seat result's flash on the real output page, its clock stepped by hand: the verdict is readable by 500 ms. */
describe.skipIf(missing !== null)('the seat-result flash', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const show = {
      format: 'strapline-show',
      version: SHOW_FORMAT_VERSION,
      name: 'Flash',
      stacks: [{ id: 's', name: 'S', cues: [{ id: 'sr', title: 'sr', template: 'seat-result', layer: 'fullscreen', fields: { constituency: 'E14001174' } }] }],
    };
    server = await startTestServer({ show });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`brings the verdict to full opacity, in place, by ${VERDICT_READABLE_S * 1000} ms after the take`, async () => {
    // The page's clock is Playwright's from the start, so GSAP's ticker runs on it and 500 ms is exactly 500 ms.
    const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await output.addInitScript({ content: 'window.__name = (f) => f;' });
    await output.clock.install();
    await output.goto(`${server.url}/output`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
    expect((await fetch(`${server.url}/api/cue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"cueId":"sr"}' })).status).toBe(
      200,
    );
    await output.waitForSelector('[data-preload="sr"]', { state: 'attached' });
    await output.clock.pauseAt(Date.now() + 60_000);
    expect((await fetch(`${server.url}/api/take`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    await output.waitForSelector('[data-cue-id="sr"][data-phase="in"]', { state: 'attached' });
    const verdict = () =>
      output.locator('[data-cue-id="sr"] .sr-verdict-text').evaluate((el) => {
        const m = new DOMMatrix(getComputedStyle(el).transform);
        return { opacity: Number(getComputedStyle(el).opacity), y: m.f };
      });
    await output.clock.runFor(250);
    expect((await verdict()).opacity).toBeLessThan(1);
    await output.clock.runFor(VERDICT_READABLE_S * 1000 - 250 + 20);
    expect(await verdict()).toEqual({ opacity: 1, y: 0 });
    await output.close();
  });
});
