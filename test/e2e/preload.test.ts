import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** What a preloaded element reports about itself in the output page. */
interface Seen {
  inSlot: string | null;
  visibility: string;
  cueId: string | null;
  marked: boolean;
}

/**
 * Preload, then take (the guide's rule 5): a cued graphic is built and laid
 * out in its layer before the take, unseen, and the take airs that very
 * element. Checked on the real output page against the real server.
 */
describe.skipIf(missing !== null)('the output preloads the cue in preview and airs that same element', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await output.addInitScript({ content: 'window.__name = (f) => f;' });
    await output.goto(`${server.url}/output`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Marks the element waiting for `cueId`, so a later look can tell whether the take reused it. */
  const markPreload = (cueId: string) =>
    output.waitForFunction((id) => {
      const el = document.querySelector<HTMLElement>(`[data-preload="${id}"]`);
      if (el) (el as HTMLElement & { __preloaded?: boolean }).__preloaded = true;
      return el !== null;
    }, cueId);

  const look = (selector: string) =>
    output.evaluate((sel): Seen | null => {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el) return null;
      return {
        inSlot: el.parentElement?.dataset.layerSlot ?? null,
        visibility: getComputedStyle(el).visibility,
        cueId: el.dataset.cueId ?? null,
        marked: (el as HTMLElement & { __preloaded?: boolean }).__preloaded === true,
      };
    }, selector);

  it('lays a cued 650-hex map out in the fullscreen layer, hidden, with none of the on-air attributes', async () => {
    expect((await post(`${server.url}/api/cue`, { cueId: 'wa-hex' })).status).toBe(200);
    await markPreload('wa-hex');
    const seen = await look('[data-preload="wa-hex"]');
    expect(seen).toEqual({ inSlot: 'fullscreen', visibility: 'hidden', cueId: null, marked: true });
    // Built in full before any take: every hex is there.
    expect(await output.locator('[data-preload="wa-hex"] .hex-overview path').count()).toBe(650);
    expect(await output.locator('[data-cue-id]').count()).toBe(0);
    // Laid out already: the hidden map has its full-frame size.
    const box = await output.evaluate(() => document.querySelector<HTMLElement>('[data-preload="wa-hex"]')!.getBoundingClientRect().width);
    expect(box).toBeGreaterThan(0);
  });

  it('airs the preloaded element itself at the take, visible and no longer marked as a preload', async () => {
    expect((await post(`${server.url}/api/take`, {})).status).toBe(200);
    await output.waitForSelector('[data-layer="fullscreen"][data-cue-id="wa-hex"]');
    const seen = await look('[data-layer="fullscreen"][data-cue-id="wa-hex"]');
    expect(seen).toEqual({ inSlot: 'fullscreen', visibility: 'visible', cueId: 'wa-hex', marked: true });
    expect(await output.locator('[data-preload]').count()).toBe(0);
  });

  it('swaps the waiting graphic when the operator cues another, and drops it when nothing is cued', async () => {
    expect((await post(`${server.url}/api/cue`, { cueId: 'wa-teetering' })).status).toBe(200);
    await markPreload('wa-teetering');
    expect((await look('[data-preload="wa-teetering"]'))?.inSlot).toBe('lower-third');
    expect((await post(`${server.url}/api/cue`, { cueId: 'wa-first-result' })).status).toBe(200);
    await markPreload('wa-first-result');
    expect(await output.locator('[data-preload]').count()).toBe(1);
    // The map stays on air, untouched, through all of it.
    expect((await look('[data-cue-id="wa-hex"]'))?.visibility).toBe('visible');
  });

  it('builds afresh when the cue was edited after its preload: what airs is the edit', async () => {
    // A strap taken under the map would be held by it (main/engine/composition.ts), not drawn: the map goes first.
    expect((await post(`${server.url}/api/out`, { layer: 'fullscreen' })).status).toBe(200);
    await markPreload('wa-first-result');
    const edit = await post(`${server.url}/api/command`, { type: 'edit-cue', cueId: 'wa-first-result', fields: { headline: 'Edited after the cue' } });
    expect(edit.status).toBe(200);
    // The edit reaches the output as a new preload of the same cue: a new element, not the marked one.
    await output.waitForFunction(() => document.querySelector('[data-preload="wa-first-result"] .strap-headline')?.textContent === 'Edited after the cue');
    expect((await look('[data-preload="wa-first-result"]'))?.marked).toBe(false);
    expect((await post(`${server.url}/api/take`, { cueId: 'wa-first-result' })).status).toBe(200);
    await output.waitForSelector('[data-layer="lower-third"][data-cue-id="wa-first-result"]');
    expect(await output.locator('[data-layer="lower-third"] .strap-headline').textContent()).toBe('Edited after the cue');
  });

  it('follows the cue to its new layer when the operator moves it while cued', async () => {
    expect((await post(`${server.url}/api/cue`, { cueId: 'wa-32-seats' })).status).toBe(200);
    await markPreload('wa-32-seats');
    expect((await look('[data-preload="wa-32-seats"]'))?.inSlot).toBe('lower-third');
    expect((await post(`${server.url}/api/command`, { type: 'edit-cue', cueId: 'wa-32-seats', layer: 'fullscreen' })).status).toBe(200);
    await expect.poll(async () => (await look('[data-preload="wa-32-seats"]'))?.inSlot).toBe('fullscreen');
    expect(await output.locator('[data-preload]').count()).toBe(1);
  });

  it('leaves nothing on air after CLEAR ALL, while the cue in preview stays preloaded', async () => {
    expect((await post(`${server.url}/api/clear`, {})).status).toBe(200);
    await expect.poll(() => output.locator('[data-cue-id]').count(), { timeout: 5000 }).toBe(0);
    expect(await output.locator('[data-preload="wa-32-seats"]').count()).toBe(1);
  });
});
