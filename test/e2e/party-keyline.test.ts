import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { TEMPLATES } from '../../main/templates/definitions';
import { partyColour } from '../../main/templates/palette';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage, takeToAir } from '../support/output-page';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** Dwyfor Meirionnydd: a Plaid Cymru hold in 2024, with Labour second. */
const PLAID_SEAT = 'W07000087';
const WALES = 'W92000004';
/** Bangor Aberconwy: Labour, 2024. */
const LABOUR_WELSH_SEAT = 'W07000083';
const demo = (template: string) => TEMPLATES.get(template)!.demo;
const cue = (id: string, template: string, layer: Layer, fields: Record<string, unknown>) => ({ id, title: id, template, layer, fields });
const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Keylines',
  stacks: [
    {
      id: 'k',
      name: 'K',
      cues: [
        cue('poll', 'exit-poll', 'fullscreen', demo('exit-poll')),
        cue('tally', 'seat-tally', 'fullscreen', demo('seat-tally')),
        cue('seat', 'seat-result', 'fullscreen', { constituency: PLAID_SEAT, bars: 6 }),
        cue('map', 'hex-map', 'fullscreen', { ...demo('hex-map'), region: WALES }),
        cue('house', 'hemicycle', 'fullscreen', demo('hemicycle')),
      ],
    },
  ],
};

/** "color(xyz-d65 … / a) 0px 0px 0px 2px inset": the alpha says whether the keyline shows. */
const alpha = (shadow: string) => Number(/\/\s*([\d.]+)\)/.exec(shadow)?.[1] ?? 'NaN');

/**
 * Plaid Cymru's dark green is under 3:1 on the navy panels (as are Sinn Fein and TUV): every
 * party mark on air gets the light keyline for it, and Labour's red, which holds, gets none.
 */
describe.skipIf(missing !== null)("party marks on navy: Plaid Cymru's are keylined in every template", () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer({ show });
    const night = await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8');
    expect((await fetch(`${server.url}/api/import?format=strapline-json&name=ge2024-results.json`, { method: 'POST', body: night })).status).toBe(200);
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function onAir(cueId: string, steps = 1): Promise<void> {
    await takeToAir(server.url, output, cueId, 'fullscreen');
    for (let step = 2; step <= steps; step++) expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector(`[data-cue-id="${cueId}"][data-phase="on"][data-step="${steps}"]:not([data-preload])`);
    await new Promise((r) => setTimeout(r, 1500)); // to the end of the step's animation
  }

  /** The box-shadow of `mark` inside the element of `row` whose --party is the party's colour. */
  const shadowOf = (row: string, mark: string, party: string) =>
    output.evaluate(
      ({ row, mark, colour }) => {
        const rows = [...document.querySelectorAll<HTMLElement>(`[data-phase="on"] ${row}`)];
        const found = rows.find((r) => r.style.getPropertyValue('--party').toLowerCase() === colour.toLowerCase());
        const el = found?.querySelector(mark) ?? (found?.matches(mark) ? found : null);
        return el ? getComputedStyle(el).boxShadow : `no ${mark} for ${colour} among ${rows.length} ${row}`;
      },
      { row, mark, colour: partyColour(party) },
    );

  async function expectKeylined(row: string, marks: string[]): Promise<void> {
    for (const mark of marks) {
      expect(alpha(await shadowOf(row, mark, 'pc')), `${mark} for Plaid Cymru`).toBeGreaterThanOrEqual(0.5);
      expect(alpha(await shadowOf(row, mark, 'lab')), `${mark} for Labour`).toBe(0);
    }
  }

  it('exit poll: the chip and the bar', async () => {
    await onAir('poll', TEMPLATES.get('exit-poll')!.steps);
    await expectKeylined('.ep-row', ['.ep-chip', '.ep-bar']);
  });

  it('seat tally: the column', async () => {
    await onAir('tally');
    await expectKeylined('.st-col', ['.st-bar']);
  });

  it('seat result, full result: the swatch and the bar', async () => {
    await onAir('seat', 2);
    await expectKeylined('.sr-row', ['.sr-swatch', '.sr-bar']);
  });

  it("hex map of Wales: the key chip, and Plaid Cymru's hexes in the zoomed region", async () => {
    await onAir('map', 2);
    await expectKeylined('.hex-key-row', ['.hex-key-chip']);
    const stroke = (code: string) => output.locator(`[data-phase="on"] .hex-focus path[data-code="${code}"]`).evaluate((el) => getComputedStyle(el).stroke);
    expect(await stroke(PLAID_SEAT)).toBe('rgba(255, 255, 255, 0.8)');
    expect(await stroke(LABOUR_WELSH_SEAT)).toBe('none');
    await output.screenshot({ path: path.join(os.tmpdir(), 'strapline-keyline-wales.png') });
  });

  it("hemicycle: Plaid Cymru's four dots and key swatch are stroked, Labour's are not", async () => {
    await onAir('house');
    const look = await output.evaluate(() => {
      const dots = (p: string) => [...document.querySelectorAll<SVGCircleElement>(`[data-phase="on"] .hc-svg circle[data-party="${p}"]`)];
      const stroke = (el: Element) => getComputedStyle(el).stroke;
      return {
        pc: dots('pc').map(stroke),
        lab: [...new Set(dots('lab').map(stroke))],
        pcSwatch: getComputedStyle(document.querySelector('[data-phase="on"] .hc-chip[data-party="pc"] .hc-chip-swatch')!).boxShadow,
        labSwatch: getComputedStyle(document.querySelector('[data-phase="on"] .hc-chip[data-party="lab"] .hc-chip-swatch')!).boxShadow,
      };
    });
    expect(look.pc).toEqual(['rgba(255, 255, 255, 0.8)', 'rgba(255, 255, 255, 0.8)', 'rgba(255, 255, 255, 0.8)', 'rgba(255, 255, 255, 0.8)']);
    expect(look.lab).toEqual(['none']);
    expect(look.pcSwatch).toContain('rgba(255, 255, 255, 0.8)');
    expect(look.labSwatch).toBe('none');
    await output.screenshot({ path: path.join(os.tmpdir(), 'strapline-keyline-hemicycle.png') });
  });
});
