import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SeatResult } from '../../main/engine/election';
import { importResults } from '../../main/engine/import';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { ukClock } from '../../overlays/graphics/bug/clock';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage } from '../support/output-page';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const PETERBOROUGH = 'E14001425';
const CLACTON = 'E14001174';
const LAB_RED = 'rgb(228, 0, 59)';
const cue = (id: string, template: string, layer: Layer, fields: Record<string, unknown>) => ({ id, title: id, template, layer, fields });
const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Map, ticker, bug',
  stacks: [
    {
      id: 'mtb',
      name: 'MTB',
      cues: [
        cue('map', 'hex-map', 'fullscreen', { region: 'E12000006' }),
        cue('tick', 'ticker', 'ticker', { count: 6 }),
        cue('bug', 'bug', 'bug', { text: 'Live' }),
      ],
    },
  ],
};

/** The map, ticker and bug on the real output page, driven through the real server's HTTP API. */
describe.skipIf(missing !== null)('map, ticker and bug on air: take, step, update, live results, out', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let night: readonly SeatResult[];
  const graphic = (layer: Layer) => output.locator(`[data-layer="${layer}"][data-template]`);
  const seat = (code: string, declaredAt?: string) => ({ ...night.find((s) => s.onsCode === code)!, ...(declaredAt ? { declaredAt } : {}) });

  beforeAll(async () => {
    const file = path.join(REFERENCE_DIR, 'ge2024-results.json');
    night = importResults(await readFile(file, 'utf8'), file, 'strapline-json').rows;
    server = await startTestServer({ show });
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Takes a cue and checks the root the output built for it; marks it, so a rebuilt graphic would show. */
  async function take(cueId: string, template: string, layer: Layer) {
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
    expect((await post(`${server.url}/api/cue`, { cueId })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, {})).json).toMatchObject({ ok: true });
    await output.waitForSelector(`[data-layer="${layer}"][data-cue-id="${cueId}"][data-phase="on"]`);
    expect(await graphic(layer).getAttribute('data-template')).toBe(template);
    expect(await graphic(layer).getAttribute('data-step')).toBe('1');
    await graphic(layer).evaluate((el) => void (el.dataset.mark = 'first'));
  }

  async function stillOnAir(layer: Layer) {
    expect(await graphic(layer).count()).toBe(1);
    expect(await graphic(layer).getAttribute('data-phase')).toBe('on');
    expect(await graphic(layer).getAttribute('data-mark')).toBe('first');
  }

  async function out(layer: Layer) {
    expect((await post(`${server.url}/api/out`, { layer })).status).toBe(200);
    await output.waitForSelector(`[data-layer="${layer}"][data-template]`, { state: 'detached' });
  }

  const fillOf = (code: string, within: string) =>
    graphic('fullscreen')
      .locator(`${within} path[data-code="${code}"]`)
      .evaluate((el) => getComputedStyle(el).fill);

  it('hex map: 650 hexes, zooms to the East at step 2, colours a seat as it declares, updates in place', async () => {
    await take('map', 'hex-map', 'fullscreen');
    const map = graphic('fullscreen');
    expect(await map.locator('.hex-overview path').count()).toBe(650);
    expect(await map.locator('.hex-focus path').count()).toBe(61);
    expect(await map.locator('.hex-key-name').textContent()).toBe('United Kingdom');
    expect(await map.locator('.hex-key-count').textContent()).toBe('0');

    expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector('[data-layer="fullscreen"][data-step="2"]');
    await expect.poll(() => map.locator('.hex-key-name').textContent()).toBe('East of England');
    await expect.poll(() => map.locator('.hex-focus').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

    // Peterborough declares while the map is on air: its hex turns Labour red, the key counts it.
    expect((await post(`${server.url}/api/results`, seat(PETERBOROUGH))).status).toBe(200);
    await expect.poll(() => fillOf(PETERBOROUGH, '.hex-focus')).toBe(LAB_RED);
    expect(await fillOf(PETERBOROUGH, '.hex-overview')).toBe(LAB_RED);
    await expect.poll(() => map.locator('.hex-key-count').textContent()).toBe('1');
    await expect.poll(() => map.locator('.hex-key-row[data-party="lab"] .hex-key-seats').textContent()).toBe('1');
    expect(await map.locator('.hex-key-row').first().getAttribute('data-party')).toBe('lab');
    await stillOnAir('fullscreen');

    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { title: 'Anglia decides' } })).status).toBe(200);
    await expect.poll(() => map.locator('.hex-key-title').textContent()).toBe('Anglia decides');
    expect(await map.getAttribute('data-step')).toBe('2');
    await stillOnAir('fullscreen');
    await out('fullscreen');
  });

  it('ticker: the latest declarations scroll, a new one joins the end with no jump, the label updates', async () => {
    await take('tick', 'ticker', 'ticker');
    const ticker = graphic('ticker');
    expect(await ticker.locator('.ticker-label-text').textContent()).toBe('LATEST');
    expect(await ticker.locator('.ticker-head').allTextContents()).toEqual(['PETERBOROUGH']);
    expect(await ticker.locator('.ticker-body').first().textContent()).toBe('LAB GAIN FROM CON · MAJ 118');
    // It moves: the Peterborough item drifts left.
    const xOf = () =>
      ticker
        .locator('.ticker-item')
        .first()
        .evaluate((el) => el.getBoundingClientRect().left);
    const x0 = await xOf();
    await expect.poll(xOf).toBeLessThan(x0 - 20);

    await ticker
      .locator('.ticker-item')
      .first()
      .evaluate((el) => void (el.dataset.mark = 'kept'));
    const before = await xOf();
    expect((await post(`${server.url}/api/results`, seat(CLACTON, '2024-07-05T00:50:00.000Z'))).status).toBe(200);
    await ticker.locator('.ticker-head', { hasText: 'CLACTON' }).waitFor({ state: 'attached' });
    // The same Peterborough element, further left than before, never thrown back to the start.
    const kept = ticker.locator('.ticker-item[data-mark="kept"]');
    expect(await kept.count()).toBe(1);
    expect(await kept.evaluate((el) => el.getBoundingClientRect().left)).toBeLessThan(before);
    expect(await ticker.locator('.ticker-item', { hasText: 'CLACTON' }).textContent()).toContain('REFORM GAIN FROM CON');
    await stillOnAir('ticker');

    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'ticker', fields: { label: 'Results' } })).status).toBe(200);
    await expect.poll(() => ticker.locator('.ticker-label-text').textContent()).toBe('RESULTS');
    await stillOnAir('ticker');
    // One line, inside title-safe left and right.
    const box = (await ticker.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(96);
    expect(box.x + box.width).toBeLessThanOrEqual(1824);
    expect(box.y + box.height).toBeLessThanOrEqual(1026);
    await out('ticker');
  });

  it('bug: a LIVE badge in title-safe, then a fixed clock, then the running UK clock, updated in place', async () => {
    await take('bug', 'bug', 'bug');
    const bug = graphic('bug');
    expect(await bug.locator('.bug-text').textContent()).toBe('LIVE');
    const box = (await bug.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(54);
    expect(box.x + box.width).toBeLessThanOrEqual(1824);
    expect(box.x + box.width).toBeGreaterThan(1700);

    expect(
      (await post(`${server.url}/api/command`, { type: 'update', layer: 'bug', fields: { text: 'Exit poll', mode: 'clock', time: '22:00' } })).status,
    ).toBe(200);
    await expect.poll(() => bug.locator('.bug-text').textContent()).toBe('EXIT POLL');
    expect(await bug.locator('.bug-time').textContent()).toBe('22:00');
    await expect.poll(() => bug.locator('.bug-clock').isVisible()).toBe(true);
    await stillOnAir('bug');

    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'bug', fields: { time: '', corner: 'top-left' } })).status).toBe(200);
    await expect.poll(() => bug.getAttribute('data-corner')).toBe('top-left');
    const shown = await bug.locator('.bug-time').textContent();
    expect([ukClock(new Date(Date.now() - 60_000)), ukClock(new Date())]).toContain(shown);
    await expect.poll(async () => (await bug.boundingBox())!.x).toBe(96);
    await stillOnAir('bug');
    await out('bug');
  });
});
