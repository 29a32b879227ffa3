/**
 * The console's PA feed flag in Debian's Chromium against the real server: quiet while the
 * feed's state of parties agrees with Strapline's count, amber and naming each figure when it
 * does not. The feed files are PA-style test files (test/fixtures/pa) posted to the real API.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const PA_DIR = fileURLToPath(new URL('../fixtures/pa/', import.meta.url));

describe.skipIf(missing !== null)('the PA feed flag in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const flag = () => page.locator('[data-feed-state]');
  const send = async (name: string, text?: string) => {
    const res = await fetch(`${server.url}/api/import?format=pa-xml&name=${name}`, { method: 'POST', body: text ?? (await readFile(PA_DIR + name, 'utf8')) });
    expect(res.status, await res.clone().text()).toBe(200);
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('[data-declared-count]')?.textContent === 'Declared 0 of 650');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows nothing before the feed sends a state of parties', async () => {
    await send('Aldershot_result_2.xml');
    await page.waitForFunction(() => document.querySelector('[data-declared-count]')?.textContent === 'Declared 1 of 650');
    expect(await flag().count()).toBe(0);
  });

  it('agrees once the feed counts what Strapline counts', async () => {
    await send('Peterborough_rush_1.xml');
    await send('state_of_parties_3.xml');
    await flag().and(page.locator('[data-feed-state="agrees"]')).waitFor();
    expect(await flag().textContent()).toBe('PA feed agrees');
  });

  it('flags a difference, party by party, when the feed counts otherwise', async () => {
    const sop = (await readFile(PA_DIR + 'state_of_parties_3.xml', 'utf8'))
      .replace('revision="3"', 'revision="4"')
      .replace('totalSeats="2" gains="2"', 'totalSeats="3" gains="3"');
    await send('state_of_parties_4.xml', sop);
    await page.locator('[data-feed-state="differs"]').waitFor();
    expect(await flag().textContent()).toBe('PA FEED DIFFERS (2)');
    await flag().click();
    const rows = page.locator('[data-feed-difference]');
    expect(await rows.allTextContents()).toEqual(['LABseats32', 'LABgains32']);
    await page.screenshot({ path: path.join(process.env.PA_FLAG_SHOT_DIR ?? os.tmpdir(), 'pa-feed-flag.png') });
  });
});
