import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importResults } from '../../main/engine/import';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage, takeToAir } from '../support/output-page';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const cue = (id: string, template: string, layer: Layer, fields: Record<string, unknown>) => ({ id, title: id, template, layer, fields });
const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Bug and ticker',
  stacks: [
    {
      id: 'bt',
      name: 'BT',
      cues: [
        cue('tick', 'ticker', 'ticker', { source: 'items', items: 'Polls have closed\nExit poll at 22:00' }),
        cue('bug-br', 'bug', 'bug', { text: 'Exit poll', accent: 'live', corner: 'bottom-right' }),
        cue('bug-bl', 'bug', 'bug', { text: 'Exit poll', accent: 'ld', corner: 'bottom-left' }),
        cue('strap', 'strap', 'lower-third', {
          headline: 'Tories teetering in Wales',
          subline: 'Labour ahead in 27 of the 32 Welsh seats declared so far',
          party: 'lab',
          variant: 'standard',
        }),
        cue('bug-clock', 'bug', 'bug', { text: 'Exit poll', mode: 'clock', time: '22:00', accent: 'live', corner: 'bottom-right' }),
        cue('tick-results', 'ticker', 'ticker', { source: 'results', count: 2 }),
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
/** Dwyfor Meirionnydd (a Plaid Cymru win) and Aldershot (Labour), from the 2024 results. */
const PLAID_SEAT = 'W07000087';
const LABOUR_SEAT = 'E14001063';
const SAFE = { left: 96, top: 54, right: 1920 - 96, bottom: 1080 - 54 };
const inside = (b: Box) => b.x >= SAFE.left && b.y >= SAFE.top && b.x + b.width <= SAFE.right && b.y + b.height <= SAFE.bottom;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/\d+/g)!
      .slice(0, 3)
      .map((v) => {
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
    output = await openOutputPage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const onAir = (cueId: string, layer: Layer) => takeToAir(server.url, output, cueId, layer);
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

  it('steps a bottom bug up above a strap while it is on air, and back down once it has gone', async () => {
    const resting = await box('[data-layer="bug"]');
    await onAir('strap', 'lower-third');
    // The step is a 0.35 s transition: wait for the bug to stop moving.
    const settled = async () => {
      let last = await box('[data-layer="bug"]');
      for (;;) {
        await new Promise((r) => setTimeout(r, 150));
        const now = await box('[data-layer="bug"]');
        if (now.y === last.y) return now;
        last = now;
      }
    };
    const raised = await settled();
    const strap = await box('[data-layer="lower-third"]');
    expect(raised.y).toBeLessThan(resting.y);
    expect(overlap(strap, raised), `strap ${JSON.stringify(strap)} bug ${JSON.stringify(raised)}`).toBe(false);
    expect(strap.y - (raised.y + raised.height)).toBeLessThanOrEqual(24); // just above it, not adrift mid-frame
    expect(inside(raised)).toBe(true);
    await output.screenshot({ path: path.join(os.tmpdir(), 'strapline-bug-over-strap.png') });
    expect((await post(`${server.url}/api/out`, { layer: 'lower-third' })).status).toBe(200);
    await output.locator('[data-layer="lower-third"]').waitFor({ state: 'detached' });
    expect((await settled()).y).toBe(resting.y);
  });

  it('sets the clock in white on the navy block, and the pair sits clear of the ticker', async () => {
    await onAir('bug-clock', 'bug');
    const clock = await output.locator('[data-layer="bug"] .bug-time').evaluate((el) => ({
      text: getComputedStyle(el).color,
      // The block is a gradient from --ink-2 down to --ink: the lighter top is the worst case.
      ground: getComputedStyle(el.closest('.bug-clock')!).backgroundImage.match(/rgb\([^)]*\)/)![0],
    }));
    expect(clock.text).toBe('rgb(255, 255, 255)');
    expect(contrast(clock.text, clock.ground)).toBeGreaterThanOrEqual(4.5);
    const { text, ground } = await colours('[data-layer="bug"] .bug-text');
    expect(contrast(text, ground)).toBeGreaterThanOrEqual(4.5);
    expect(overlap(await box('[data-layer="ticker"]'), await box('[data-layer="bug"]'))).toBe(false);
    expect(inside(await box('[data-layer="bug"]'))).toBe(true);
  });

  it("keylines Plaid Cymru's dark green chip on the navy ticker, and leaves Labour's red bare", async () => {
    const file = path.join(REFERENCE_DIR, 'ge2024-results.json');
    const night = importResults(await readFile(file, 'utf8'), file, 'strapline-json').rows;
    for (const code of [PLAID_SEAT, LABOUR_SEAT]) {
      expect(
        (
          await post(
            `${server.url}/api/results`,
            night.find((s) => s.onsCode === code)!,
          )
        ).status,
      ).toBe(200);
    }
    await onAir('tick-results', 'ticker');
    // Items are keyed by seat code, so each chip is found by its seat.
    const chip = (code: string) =>
      output.locator(`[data-layer="ticker"] .ticker-item[data-key^="${code}|"] .ticker-chip`).evaluate((el) => getComputedStyle(el).boxShadow);
    // "color(xyz-d65 ... / a) 0px 0px 0px 2px inset": the alpha says whether the keyline shows.
    const alpha = (shadow: string) => Number(/\/\s*([\d.]+)\)/.exec(shadow)?.[1] ?? 'NaN');
    await output.locator(`[data-layer="ticker"] .ticker-item[data-key^="${PLAID_SEAT}|"]`).waitFor({ state: 'attached' });
    expect(alpha(await chip(PLAID_SEAT))).toBeGreaterThanOrEqual(0.5);
    expect(alpha(await chip(LABOUR_SEAT))).toBe(0);
    await output.screenshot({ path: path.join(os.tmpdir(), 'strapline-bug-ticker-clock.png') });
  });
});
