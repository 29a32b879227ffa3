import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { CutProxy } from '../support/cut-proxy';
import { post, startTestServer, type TestServer } from '../support/server';
import { summarise } from '../bench/stats';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Offset',
  stacks: [{ id: 's', name: 'S', cues: [{ id: 'sp', title: 'Strap', template: 'strap', layer: 'lower-third', fields: { headline: 'Key and fill' } }] }],
};
/** A slow link to the key page: without the engine's clock it would run this far behind the fill. */
const LINK_DELAY_MS = 80;
const TAKES = 8;
/** One frame at 60 Hz: the most two pages drawn on their own frame clocks could be apart. */
const FRAME_MS = 1000 / 60;

/**
 * Every frame, the wall clock and how far the strap's panel has grown (its scaleX, 0 to 1 over
 * the in), for as long as a strap is on the page.
 */
const SAMPLER = `window.__samples = [];
  const frame = () => {
    const bg = document.querySelector('[data-layer="lower-third"] .strap-bg');
    if (bg) window.__samples.push([Date.now(), new DOMMatrix(getComputedStyle(bg).transform).a]);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);`;

/** When the panel first passed half grown, between the two frames either side of it. */
function halfGrownAt(samples: [number, number][], from: number): number {
  for (let i = 1; i < samples.length; i++) {
    const [t0, a] = samples[i - 1]!;
    const [t1, b] = samples[i]!;
    if (t1 < from || a >= 0.5 || b < 0.5) continue;
    return t0 + ((0.5 - a) / (b - a)) * (t1 - t0);
  }
  return Number.NaN;
}

/**
 * Issue 13 item 10: the key and the fill from one snapshot on one clock. The fill page talks
 * to the real server directly, the key page through a relay that holds everything the server
 * sends for 80 ms. Both align their animations to the snapshot's `at`, so the strap's in
 * passes half way at the same moment on both: the offset is measured over eight takes.
 */
describe.skipIf(missing !== null)('key and fill stay in step', () => {
  let server: TestServer;
  let proxy: CutProxy;
  let browser: Browser;
  let fill: Page;
  let key: Page;

  async function open(origin: string, query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript({ content: SAMPLER });
    await page.goto(`${origin}/output${query}`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    return page;
  }

  beforeAll(async () => {
    server = await startTestServer({ show });
    proxy = await CutProxy.start(Number(new URL(server.url).port), LINK_DELAY_MS);
    browser = await launchChromium();
    fill = await open(server.url, '?signal=fill');
    key = await open(`http://127.0.0.1:${proxy.port}`, '?signal=key');
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
  });

  const samples = (page: Page) => page.evaluate(() => (window as unknown as { __samples: [number, number][] }).__samples);
  const onAir = (page: Page, on: boolean) => page.waitForSelector('[data-layer="lower-third"][data-phase="on"]', { state: on ? 'attached' : 'detached' });

  it(`the key, 80 ms further down the wire, is within a frame of the fill`, async () => {
    const offsets: number[] = [];
    // One take more than measured: the first lays out a strap for the first time in each page
    // (measured 55 ms apart, or the key's first frame already past half way), so it is not counted.
    for (let take = 0; take <= TAKES; take++) {
      await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
      expect((await post(`${server.url}/api/cue`, { cueId: 'sp' })).status).toBe(200);
      const takenAt = Date.now();
      expect((await post(`${server.url}/api/take`, { cueId: 'sp' })).json).toMatchObject({ ok: true });
      await Promise.all([onAir(fill, true), onAir(key, true)]);
      const [f, k] = [halfGrownAt(await samples(fill), takenAt), halfGrownAt(await samples(key), takenAt)];
      if (take > 0) {
        expect(Number.isFinite(f) && Number.isFinite(k), 'both pages drew the in').toBe(true);
        offsets.push(k - f);
      }
      expect((await post(`${server.url}/api/out`, { layer: 'lower-third' })).status).toBe(200);
      await Promise.all([onAir(fill, false), onAir(key, false)]);
      await new Promise((r) => setTimeout(r, 400)); // the out finishes on both
    }
    const sizes = summarise(offsets.map(Math.abs));
    console.log(
      `key - fill offset over ${TAKES} takes (link delay ${LINK_DELAY_MS} ms): ${offsets.map((o) => o.toFixed(1)).join(', ')} ms; ` +
        `median |offset| ${sizes.p50.toFixed(1)} ms, max ${sizes.max.toFixed(1)} ms`,
    );
    expect(sizes.p50).toBeLessThan(FRAME_MS / 2);
    expect(sizes.max).toBeLessThan(FRAME_MS);
  });
});
