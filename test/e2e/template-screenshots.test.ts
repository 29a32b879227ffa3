import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import { SCREENSHOT_DIR, compareWithReference, updating } from '../support/screenshot';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** Every template at every step: the stills a producer would sign off, one reference image each. */
const STILLS = TEMPLATE_DEFINITIONS.flatMap((t) => Array.from({ length: t.steps }, (_, i) => ({ id: t.id, step: i + 1 })));
const stillName = (s: { id: string; step: number }) => `${s.id}-step${s.step}`;

/**
 * The gallery's full-size still of each template and step, drawn in Chromium
 * at 1920x1080 through the real server and compared with its reference in
 * test/e2e/screenshots. One browser and one page for the lot, to stay quick.
 */
describe.skipIf(missing !== null)('every template at every step looks as its reference image', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    // A clock on air would change every still; pin the date and time of the night.
    await page.clock.setFixedTime(new Date('2024-07-05T04:00:00+01:00'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function still(id: string, step: number): Promise<Buffer> {
    await page.goto(`${server.url}/gallery?template=${encodeURIComponent(id)}&step=${step}`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
    const error = await page.evaluate(() => document.body.dataset.error ?? null);
    if (error !== null) throw new Error(`/gallery could not draw ${id} step ${step}: ${error}`);
    // A placeholder is no still: never let one become a reference image.
    const drawn = await page.locator(`.stage [data-template="${id}"][data-step="${step}"]`).count();
    const placeholder = await page.evaluate(() => document.querySelector('.still-missing')?.textContent ?? null);
    if (drawn !== 1)
      throw new Error(`/gallery drew no ${id} at step ${step}${placeholder ? `: ${placeholder}` : ''} (is the template in views.ts, and the pages rebuilt?)`);
    return page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  }

  it.each(STILLS)('$id at step $step', async ({ id, step }) => {
    const result = await compareWithReference(stillName({ id, step }), await still(id, step));
    expect(result.ok, result.message).toBe(true);
  });

  it('draws the same still twice in a row (the comparison can only be as steady as the drawing)', async () => {
    const first = STILLS[STILLS.length - 1]!;
    const a = await still(first.id, first.step);
    const b = await still(first.id, first.step);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('keeps no reference image for a template or step that no longer exists', async () => {
    if (updating()) return;
    const expected = new Set(STILLS.map((s) => `${stillName(s)}.png`));
    // Only template stills (<id>-step<n>.png): other tests keep their own images in the same folder.
    const files = (await readdir(SCREENSHOT_DIR).catch(() => [] as string[])).filter((f) => /-step\d+\.png$/.test(f));
    expect(
      files.filter((f) => !expected.has(f)),
      `stale images in ${SCREENSHOT_DIR}: delete them`,
    ).toEqual([]);
  });
});
