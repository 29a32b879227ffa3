import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const cue = (id: string, template: string, layer: Layer, fields: Record<string, unknown>) => ({ id, title: id, template, layer, fields });
const show = {
  format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Bug and ticker', stacks: [{ id: 'bt', name: 'BT', cues: [
    cue('tick', 'ticker', 'ticker', { source: 'items', items: 'Polls have closed\nExit poll at 22:00' }),
    cue('bug-br', 'bug', 'bug', { text: 'Exit poll', accent: 'live', corner: 'bottom-right' }),
    cue('bug-bl', 'bug', 'bug', { text: 'Exit poll', accent: 'ld', corner: 'bottom-left' }),
  ] }],
};

interface Box { x: number; y: number; width: number; height: number }
const SAFE = { left: 96, top: 54, right: 1920 - 96, bottom: 1080 - 54 };
const inside = (b: Box) => b.x >= SAFE.left && b.y >= SAFE.top && b.x + b.width <= SAFE.right && b.y + b.height <= SAFE.bottom;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A bottom-corner bug and the ticker on air together, on the real output page at 1920x1080. */
describe.skipIf(missing !== null)('a bottom-corner bug and the ticker share the foot of the frame', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer({ show });
    browser = await launchChromium();
    output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await output.addInitScript({ content: 'window.__name = (f) => f;' });
    await output.goto(`${server.url}/output?key=0b1220`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function onAir(cueId: string, layer: Layer) {
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
    expect((await post(`${server.url}/api/cue`, { cueId })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, { cueId })).json).toMatchObject({ ok: true });
    await output.waitForSelector(`[data-layer="${layer}"][data-cue-id="${cueId}"][data-phase="on"]`);
  }
  const box = async (selector: string) => (await output.locator(selector).boundingBox())!;
  const colours = (selector: string) =>
    output.locator(selector).evaluate((el) => ({ text: getComputedStyle(el).color, ground: getComputedStyle(el.closest('.bug-tag')!).backgroundColor }));

  it('stands a bottom-right bug above the ticker band, both inside title-safe, its label white on the live red', async () => {
    await onAir('tick', 'ticker');
    await onAir('bug-br', 'bug');
    const ticker = await box('[data-layer="ticker"]');
    const bug = await box('[data-layer="bug"]');
    expect(overlap(ticker, bug), `ticker ${JSON.stringify(ticker)} bug ${JSON.stringify(bug)}`).toBe(false);
    expect(inside(ticker)).toBe(true);
    expect(inside(bug)).toBe(true);
    const { text, ground } = await colours('[data-layer="bug"] .bug-text');
    expect(text).toBe('rgb(255, 255, 255)');
    expect(contrast(text, ground)).toBeGreaterThanOrEqual(4.5);
    await output.screenshot({ path: path.join(os.tmpdir(), 'strapline-bug-ticker.png') });
  });

  it('does the same bottom left, with dark type on the light Lib Dem accent', async () => {
    await onAir('bug-bl', 'bug');
    const ticker = await box('[data-layer="ticker"]');
    const bug = await box('[data-layer="bug"]');
    expect(overlap(ticker, bug)).toBe(false);
    expect(inside(bug)).toBe(true);
    const { text, ground } = await colours('[data-layer="bug"] .bug-text');
    expect(text).not.toBe('rgb(255, 255, 255)');
    expect(contrast(text, ground)).toBeGreaterThanOrEqual(4.5);
  });
});
