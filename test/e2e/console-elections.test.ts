import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);
// Looked at, not compared: written outside the repository (the references in test/e2e/screenshots are other tests').
const SHOTS = path.join(os.tmpdir(), 'strapline-screenshots', 'elections');

/** The console in Chromium against the real server: the Elections panel and the palette's word on a one-seat election. */
describe.skipIf(missing !== null)('the console opens another election', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.elections-badge');
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses while a bound graphic is in preview, saying what to clear, then opens the by-election', async () => {
    expect(await page.textContent('.elections-badge')).toBe('GENERAL ELECTION 2024 · 650 SEATS');
    await expect.poll(() => page.getByLabel('Replay General election 2024 over').count()).toBe(1);
    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-clacton-result' })).status).toBe(200);
    await page.click('.elections-badge');
    const runcorn = page.locator('.elections-list li', { hasText: 'Runcorn and Helsby by-election' });
    await runcorn.locator('button').click();
    await expect
      .poll(() => page.textContent('.elections-error'))
      .toBe('Cannot open Runcorn and Helsby by-election while bound graphics are up: clear "Result: Clacton" in preview first');
    await writeFile(path.join(SHOTS, 'console-elections-refused.png'), await page.screenshot());
    expect(server.election.info().name).toBe('General election 2024');

    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-landslide' })).status).toBe(200);
    await runcorn.locator('button').click();
    await expect.poll(() => page.textContent('.elections-ok')).toBe('Opened Runcorn and Helsby by-election: 1 seat, waiting for its result');
    expect(await page.textContent('.elections-badge')).toBe('RUNCORN AND HELSBY BY-ELECTION · 1 SEAT');
    expect(server.election.info().seatCount).toBe(1);
    // The rehearsal replays the open election's night, and says whose (it read 2024 before the switch).
    await expect.poll(() => page.getByLabel('Replay Runcorn and Helsby by-election over').count()).toBe(1);
    await writeFile(path.join(SHOTS, 'console-elections-opened.png'), await page.screenshot());
    await page.click('.elections-panel button:has-text("CLOSE")');
    await writeFile(path.join(SHOTS, 'console-rehearsal-by-election.png'), await page.screenshot({ clip: { x: 0, y: 40, width: 1600, height: 50 } }));
  });

  it('the palette says which templates cannot draw a one-seat election', async () => {
    await page.click('.add-cue');
    const hemicycle = page.locator('.palette-item[data-template="hemicycle"]');
    await expect.poll(() => hemicycle.getAttribute('data-unfit')).toBe('true');
    expect(await hemicycle.locator('.palette-unfit').textContent()).toBe(
      'Not for Runcorn and Helsby by-election: it draws a whole Parliament, and this election has 1 seat',
    );
    expect(await page.locator('.palette-item[data-template="seat-result"]').getAttribute('data-unfit')).toBeNull();
    await writeFile(path.join(SHOTS, 'console-palette-by-election.png'), await page.screenshot());
  });
});
