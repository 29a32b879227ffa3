import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage, takeToAir } from '../support/output-page';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);
// Looked at, not compared: written outside the repository.
const SHOTS = path.join(os.tmpdir(), 'strapline-screenshots', 'anglia-2019');

/** The 2019 demo show on its own election (the eve of 2019, judged on 2017), drawn by the real output page in Chromium. */
describe.skipIf(missing !== null)('the Anglia 2019 show on air', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    // Started as a show file with no --election: the show's own election opens.
    server = await startTestServer({ show: JSON.parse(await readFile(path.join(REPO_ROOT, 'seeds/anglia-2019-show.json'), 'utf8')) });
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the 2019 exit poll against the 2017 result, and the Labour targets board from the 2017 majorities', async () => {
    expect(server.election.info().name).toBe('General election 2019');
    await takeToAir(server.url, output, 'ep19-board', 'fullscreen');
    const board = output.locator('[data-layer="fullscreen"]');
    await expect.poll(() => board.textContent()).toContain('Change on 2017');
    expect(await board.textContent()).not.toContain('2019 notional');
    await writeFile(path.join(SHOTS, 'exit-poll-2019.png'), await output.screenshot());
    await post(`${server.url}/api/clear`, {});
    await takeToAir(server.url, output, 'tg-board-lab', 'fullscreen');
    await expect.poll(() => board.textContent()).toContain('Thurrock');
    await writeFile(path.join(SHOTS, 'labour-targets-2017.png'), await output.screenshot());
  });
});
