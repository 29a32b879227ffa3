import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { AWAITING, DASH } from '../../main/templates/common/verdict';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { contrastFailures, setBackdrop } from '../support/contrast';
import { openOutputPage, takeToAir } from '../support/output-page';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const cue = (id: string, template: string, fields: Record<string, unknown>) => ({ id, title: id, template, layer: 'fullscreen', fields });
/** The demo show's regional cues name their place in the title, as operators do. */
const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Waiting',
  stacks: [
    {
      id: 'w',
      name: 'W',
      cues: [
        cue('tally', 'seat-tally', {}),
        cue('east', 'seat-tally', { title: 'East of England', region: 'E12000006' }),
        cue('house', 'hemicycle', {}),
        cue('wales', 'hex-map', { title: 'Wales', region: 'W92000004', source: 'results' }),
        cue('swing', 'swingometer', {}),
        cue('targets', 'target-seats', {}),
      ],
    },
  ],
};

/**
 * Before any seat has declared, on the real output: every board keeps its structure (columns,
 * the majority line, the key) with dashes for its numbers and says what it waits for; regional
 * headings say each place once; and every word holds over a busy picture.
 */
describe.skipIf(missing !== null)('boards awaiting the first declaration, on the output', () => {
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

  const texts = (selector: string) => output.locator(`[data-phase="on"] ${selector}`).allTextContents();
  const text = async (selector: string) => (await texts(selector))[0];

  async function onAir(cueId: string, steps = 1): Promise<void> {
    await takeToAir(server.url, output, cueId, 'fullscreen');
    for (let step = 2; step <= steps; step++) expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector(`[data-cue-id="${cueId}"][data-phase="on"][data-step="${steps}"]:not([data-preload])`);
    await new Promise((r) => setTimeout(r, 1800)); // to the end of the animation
  }

  /** Over the busy picture every word holds; the frame is kept in the temp folder to look at. */
  async function holdsOverBusy(name: string): Promise<void> {
    await setBackdrop(output, 'busy');
    const { failures } = await contrastFailures(output);
    expect(failures).toEqual([]);
    await output.screenshot({ path: path.join(os.tmpdir(), `strapline-waiting-${name}.png`) });
  }

  it('seat tally: every column, dashes for seats and changes, the majority line, AWAITING THE FIRST DECLARATION', async () => {
    await onAir('tally');
    expect(await texts('.st-seats')).toEqual(Array(8).fill(DASH));
    expect(await texts('.st-change')).toEqual(Array(8).fill(DASH));
    expect(await texts('.st-name')).toHaveLength(8);
    expect(await output.locator('[data-phase="on"] .st-line').isVisible()).toBe(true);
    expect(await text('.st-line-label')).toBe('326 for a majority');
    expect(await text('.st-declared-n')).toBe('0');
    expect(await text('.st-verdict-text')).toBe(AWAITING);
    await holdsOverBusy('tally');
  });

  it('seat tally of the East titled "East of England" says the place once', async () => {
    await onAir('east');
    expect([await text('.st-title'), await text('.st-area')]).toEqual(['East of England', 'State of the parties']);
    expect(await text('.st-declared-of')).toBe('of 61 declared');
  });

  it('hemicycle: 650 seats to declare, a dash for each party in the key, the verdict clear of the majority label', async () => {
    await onAir('house');
    expect(await output.locator('[data-phase="on"] .hc-svg circle[data-party="pending"]').count()).toBe(650);
    const key = await texts('.hc-chip-n');
    expect(key.at(-1)).toBe('650');
    expect(key.slice(0, -1).every((n) => n === DASH)).toBe(true);
    expect(await text('.hc-verdict-text')).toBe(AWAITING);
    const box = (s: string) => output.locator(`[data-phase="on"] ${s}`).boundingBox();
    const [verdict, label] = [(await box('.hc-verdict'))!, (await box('.hc-marker-label'))!];
    const labelText = await output.locator('[data-phase="on"] .hc-marker-label').evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return r.getBoundingClientRect().toJSON() as { right: number };
    });
    expect(verdict.x, `verdict from x ${verdict.x}, the label to ${labelText.right} (box ${label.x})`).toBeGreaterThan(labelText.right + 16);
    await holdsOverBusy('house');
  });

  it('hex map of Wales: never WALES over UNITED KINGDOM; dashes in the key at both steps', async () => {
    await onAir('wales');
    expect([await text('.hex-key-title'), await text('.hex-key-name')]).toEqual(['General election 2024', 'United Kingdom']);
    expect((await texts('.hex-key-seats')).every((n) => n === DASH)).toBe(true);
    expect(await text('.hex-key-progress')).toBe('0of 650 declared');
    await holdsOverBusy('wales');
    expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForFunction(() => document.querySelector('[data-phase="on"] .hex-key-name')?.textContent === 'Wales');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await text('.hex-key-title')).toBe('General election 2024');
    expect((await texts('.hex-key-seats')).filter((_, i) => i < 7).every((n) => n === DASH)).toBe(true);
  });

  it('swingometer: the needle upright, the readout a dash on its plate, the seats either side dashes', async () => {
    await onAir('swing');
    expect([await text('.sw-figure'), await text('.sw-direction')]).toEqual([DASH, AWAITING]);
    expect([await text('.sw-side-from .sw-side-seats'), await text('.sw-side-to .sw-side-seats')]).toEqual([DASH, DASH]);
    await holdsOverBusy('swing');
  });

  it('target seats: every row TO DECLARE, the score a dash', async () => {
    await onAir('targets');
    expect(await text('.ts-gains')).toBe(DASH);
    expect(new Set(await texts('.ts-page:nth-child(1) .ts-result'))).toEqual(new Set(['TO DECLARE']));
    await holdsOverBusy('targets');
  });

  it('the first declaration turns the dashes into figures, as an update', async () => {
    await onAir('tally');
    const night = JSON.parse(await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8')).seats as { onsCode: string }[];
    expect(
      (
        await post(
          `${server.url}/api/results`,
          night.find((s) => s.onsCode === 'E14001425')!,
        )
      ).status,
    ).toBe(200); // Peterborough
    await output.waitForFunction(() => document.querySelector('[data-phase="on"] .st-col[data-party="lab"] .st-seats')?.textContent === '1');
    await output.waitForFunction(() => document.querySelector('[data-phase="on"] .st-col[data-party="ld"] .st-seats')?.textContent === '0');
    expect(await text('.st-verdict-text')).toBe('LAB need 325 more');
  });
});
