import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WEB_ROOT, startHeadless, type Headless } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { faultyDisk } from '../support/faulty-disk';
import { post } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * A full disk under the real server, seen in the real console in Chromium. The
 * fault is injected into the server's writes (test/support/faulty-disk.ts): as
 * root, chmod stops no write, and chattr does not work on the temporary folder.
 */
describe.skipIf(missing !== null)('the console tells the operator at once when the disk is full', () => {
  let dir: string;
  let app: Headless;
  let browser: Browser;
  let page: Page;
  let output: Page;
  const disk = faultyDisk();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-storage-'));
    app = await startHeadless({ host: '127.0.0.1', port: 0, asRunPath: path.join(dir, 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir: dir, io: disk.io });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.server.url}/`);
    await output.goto(`${app.server.url}/output`);
    await page.waitForSelector('[data-cue-id="wa-teetering"]');
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows NOT SAVED TO DISK for a declaration the journal could not write, leaves the air alone, and clears once the disk is back', async () => {
    await post(`${app.server.url}/api/cue`, { cueId: 'wa-teetering' });
    expect((await post(`${app.server.url}/api/take`, {})).status).toBe(200);
    await output.waitForSelector('[data-cue-id="wa-teetering"][data-phase="on"]');
    expect(await page.locator('[data-storage-alert]').count()).toBe(0);

    disk.fail('ENOSPC');
    const started = Date.now();
    const answer = await post(`${app.server.url}/api/results`, { onsCode: 'E14001425', revision: 1, state: 'rush', winner: 'lab' });
    expect(answer.json.unsaved).toMatch(/ENOSPC/);
    const alert = page.locator('[data-storage-alert] [data-storage-fault="results journal"]');
    await alert.waitFor({ timeout: 5000 });
    const shownAfterMs = Date.now() - started;
    expect(await alert.textContent()).toMatch(/RESULTS JOURNAL.*ENOSPC \(the disk is full\)/);
    // The air did not move: the graphic is still on, and nothing went out.
    expect(await output.locator('[data-cue-id="wa-teetering"]').getAttribute('data-phase')).toBe('on');
    expect(Object.keys(app.engine.programSnapshot().program)).toEqual(['lower-third']);

    disk.fail(null);
    await page.locator('[data-storage-alert]').waitFor({ state: 'detached', timeout: 5000 });
    console.log(`storage alert: shown ${shownAfterMs} ms after the failed write was answered`);
  }, 60_000);
});
