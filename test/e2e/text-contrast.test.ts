import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { STRESS_CASES, STRESS_COMBINATIONS } from '../../main/server/gallery-stress';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { BACKDROPS, contrastFailures, setBackdrop } from '../support/contrast';
import { startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const stepsOf = (template: string) => TEMPLATE_DEFINITIONS.find((t) => t.id === template)!.steps;
const STILLS = TEMPLATE_DEFINITIONS.flatMap((t) => Array.from({ length: t.steps }, (_, i) => ({ id: t.id, step: i + 1 })));
/** The stress gallery's hard cases at every step (party plates of every colour, the Speaker, independents), and the layers together. */
const STRESS = [
  ...STRESS_CASES.flatMap((c) => Array.from({ length: stepsOf(c.template) }, (_, i) => `template=${c.template}&case=${c.id}&step=${i + 1}`)),
  ...STRESS_COMBINATIONS.map((c) => `combo=${c.id}`),
];

/**
 * Every word on air must hold whatever the camera puts behind it. Each template at each step
 * (the gallery's full-size still on the 2024 night, transparent) is put over white, black and a
 * busy generated picture, and every text is checked against the pixels really behind it: 4.5:1
 * for every word (WCAG AA for body text), on the navy and on a party's plate alike. So are the
 * stress gallery's cases and its layers together.
 */
describe.skipIf(missing !== null)('every text on air holds over white, black and a busy picture', () => {
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

  it("exit poll: Green's 2-seat bar is a 12 px mark drawn over its 2019 tick, never hidden by it", async () => {
    await page.goto(`${server.url}/gallery?template=exit-poll&step=8`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    const look = await page.evaluate(() => {
      const row = document.querySelector<HTMLElement>('.ep-row[data-party="green"]')!;
      const bar = row.querySelector('.ep-bar')!.getBoundingClientRect();
      // What the eye sees across the bar, left to right: the bar itself all the way.
      const seen = [0.15, 0.5, 0.85].map((f) => document.elementFromPoint(bar.left + bar.width * f, bar.top + bar.height / 2)?.className);
      return { width: bar.width, seen };
    });
    expect(look.width).toBeGreaterThanOrEqual(12);
    expect(look.seen).toEqual(['ep-bar', 'ep-bar', 'ep-bar']);
  });

  it.each(STILLS)('$id at step $step', async ({ id, step }) => {
    await page.goto(`${server.url}/gallery?template=${encodeURIComponent(id)}&step=${step}&bg=transparent`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
    expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();
    for (const backdrop of BACKDROPS) {
      await setBackdrop(page, backdrop);
      const { checked, failures } = await contrastFailures(page);
      expect(checked, `${id} step ${step} shows no text`).toBeGreaterThan(0);
      expect(failures, `${id} step ${step} over ${backdrop}: texts under contrast`).toEqual([]);
    }
  });

  it.each(STRESS)('stress: %s', async (query) => {
    await page.goto(`${server.url}/gallery?set=stress&${query}&bg=transparent`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
    expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();
    for (const backdrop of BACKDROPS) {
      await setBackdrop(page, backdrop);
      const { checked, failures } = await contrastFailures(page);
      expect(checked, `${query} shows no text`).toBeGreaterThan(0);
      expect(failures, `${query} over ${backdrop}: texts under contrast`).toEqual([]);
    }
  });
});
