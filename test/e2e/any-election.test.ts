import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';
import { openOutputPage, takeToAir } from '../support/output-page';
import { ELECTIONS_DIR, REPO_ROOT } from '../../main/server/headless';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SYNTHETIC = path.join(REPO_ROOT, 'test/fixtures/elections/synthetic');
const SHARED = path.resolve(REPO_ROOT, '../shared/data');
// Looked at, not compared: written outside the repository (the references in test/e2e/screenshots are other tests').
const SHOTS = path.join(os.tmpdir(), 'strapline-screenshots', 'elections');

const cue = (id: string, template: string, fields: Record<string, unknown>) => ({ id, title: id, template, layer: 'fullscreen', fields });
const SHOW = {
  format: 'strapline-show',
  version: 3,
  name: 'Any election',
  stacks: [
    {
      id: 'night',
      name: 'Night',
      cues: [
        cue('moonbury', 'seat-result', { constituency: 'E14900001', bars: 6 }),
        cue('runcorn', 'seat-result', { constituency: 'E14001455', bars: 7 }),
        cue('map', 'hex-map', { title: 'General election 2017', region: 'all', source: 'results' }),
        cue('house', 'hemicycle', {}),
        { id: 'strap', title: 'strap', template: 'strap', layer: 'lower-third', fields: { headline: 'Results night' } },
      ],
    },
  ],
};

async function importFile(url: string, file: string, format = 'commons-constituency'): Promise<void> {
  const res = await fetch(`${url}/api/import?format=${format}&name=${path.basename(file)}`, { method: 'POST', body: await readFile(file, 'utf8') });
  expect(res.status, await res.clone().text()).toBe(200);
}

const open = async (url: string, folder: string) => expect((await post(`${url}/api/election`, { folder })).status).toBe(200);
const clear = async (url: string, output: Page) => {
  // Nothing bound on air or in preview: an unbound strap in preview lets the election change.
  await post(`${url}/api/clear`, {});
  expect((await post(`${url}/api/cue`, { cueId: 'strap' })).status).toBe(200);
  await output.waitForFunction(() => document.querySelector('[data-layer="fullscreen"]:not([data-preload])') === null);
};

/** Real server on loopback, the real output page in Chromium, real election folders; nothing faked. */
describe.skipIf(missing !== null)('any election, through the real server and the output', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer({ show: SHOW, election: SYNTHETIC });
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a made-up election: its night imported, the seat result names the winner and the gain from a party no table lists', async () => {
    await importFile(server.url, path.join(SYNTHETIC, 'night.csv'));
    await takeToAir(server.url, output, 'moonbury', 'fullscreen');
    const graphic = output.locator('[data-layer="fullscreen"][data-cue-id="moonbury"]');
    await expect.poll(() => graphic.textContent()).toContain('Ada Sunbeam');
    expect(await graphic.textContent()).toContain('SUN GAIN FROM MOON');
    await writeFile(path.join(SHOTS, 'synthetic-seat-result-1.png'), await output.screenshot());
    await post(`${server.url}/api/next`, { layer: 'fullscreen' });
    await output.waitForSelector('[data-layer="fullscreen"][data-cue-id="moonbury"][data-step="2"]');
    await expect.poll(() => graphic.textContent()).toContain('Brian Moonlight');
    // Changes are against the election's own baseline, said in its election.json's words.
    expect(await graphic.textContent()).toContain('change on last time');
    await new Promise((r) => setTimeout(r, 1200));
    await writeFile(path.join(SHOTS, 'synthetic-seat-result-2.png'), await output.screenshot());
    await clear(server.url, output);
  });

  it('2017: the map draws the 650 seats of 2010-2019 from the layout the server sends', async () => {
    await open(server.url, path.join(ELECTIONS_DIR, 'ge2017'));
    await importFile(server.url, path.join(SHARED, 'ge2017-constituency-results.csv'));
    await takeToAir(server.url, output, 'map', 'fullscreen');
    const map = output.locator('[data-layer="fullscreen"][data-cue-id="map"]');
    expect(await map.locator('path').count()).toBeGreaterThanOrEqual(650);
    await new Promise((r) => setTimeout(r, 1200));
    await writeFile(path.join(SHOTS, 'ge2017-hex-map.png'), await output.screenshot());
    await clear(server.url, output);
  });

  it('a by-election: the hemicycle is refused with why, the seat result names the Reform UK gain from Labour by 6', async () => {
    await open(server.url, path.join(ELECTIONS_DIR, 'runcorn-2025'));
    await importFile(server.url, path.join(ELECTIONS_DIR, 'runcorn-2025/by-election.csv'));
    await new Promise((r) => setTimeout(r, 250));
    expect((await post(`${server.url}/api/cue`, { cueId: 'house' })).status).toBe(200);
    const refused = await post(`${server.url}/api/take`, { cueId: 'house' });
    expect(refused.json.error.message).toMatch(/not for Runcorn and Helsby by-election: it draws a whole Parliament, and this election has 1 seat/);
    await takeToAir(server.url, output, 'runcorn', 'fullscreen');
    const graphic = output.locator('[data-layer="fullscreen"][data-cue-id="runcorn"]');
    await expect.poll(() => graphic.textContent()).toContain('Sarah Joanne Pochin');
    expect(await graphic.textContent()).toContain('REFORM GAIN FROM LAB');
    await writeFile(path.join(SHOTS, 'runcorn-seat-result-1.png'), await output.screenshot());
    await post(`${server.url}/api/next`, { layer: 'fullscreen' });
    await output.waitForSelector('[data-layer="fullscreen"][data-cue-id="runcorn"][data-step="2"]');
    await new Promise((r) => setTimeout(r, 1200));
    await writeFile(path.join(SHOTS, 'runcorn-seat-result-2.png'), await output.screenshot());
    expect(await graphic.textContent()).toMatch(/12,645/);
    expect(await graphic.textContent()).toContain('change on 2024');
  });
});
