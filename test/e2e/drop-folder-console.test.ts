import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { DEMO_SHOW, WEB_ROOT, startHeadless, type Headless } from '../../main/server/headless';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const CSV = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared/data/ge2024-constituency-results.csv');
const ALDERSHOT = 'E14001063';

/**
 * What the drop folder could not take reaches the operator: the real headless server watching
 * a real folder (with its default settle and 2 s grace for bad files), the real console in
 * Debian's Chromium.
 */
describe.skipIf(missing !== null)('drop folder problems in the console', () => {
  let root: string;
  let drop: string;
  let app: Headless;
  let browser: Browser;
  let page: Page;
  let header: string;
  let aldershot: string;
  const count = () => page.locator('[data-drop-problem-count]').textContent();
  const problem = (file: string) => page.locator(`[data-drop-problem="${file}"]`);

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'strapline-drop-e2e-'));
    drop = path.join(root, 'drop');
    await mkdir(drop);
    const lines = (await readFile(CSV, 'utf8')).split(/\r?\n/);
    header = lines[0]!;
    aldershot = lines.find((l) => l.startsWith(`${ALDERSHOT},`))!;
    app = await startHeadless({
      showPath: DEMO_SHOW,
      host: '127.0.0.1',
      port: 0,
      asRunPath: path.join(root, 'as-run.jsonl'),
      webRoot: WEB_ROOT,
      dropFolder: drop,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${app.server.url}/`);
    await page.waitForSelector('[data-cue-id="wa-teetering"]');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('counts a refused file in the results strip and lists it with its line, column and reason', async () => {
    expect(await count()).toBe('0');
    await writeFile(path.join(drop, 'aldershot.csv'), `${header}\n${aldershot.replace(',19764,', ',19x64,')}\n`);
    await expect.poll(count, { timeout: 10_000 }).toBe('1');
    await page.getByRole('button', { name: /drop folder file not taken: show them/ }).click();
    const listed = problem('aldershot.csv');
    await listed.waitFor();
    expect(await listed.locator('.drop-where').first().textContent()).toBe('line 2, column "Lab": ');
    expect(await listed.textContent()).toMatch(/aldershot\.csv.*line 2, column "Lab": .*19x64/);
    expect(await page.getByRole('region', { name: 'Drop folder problems' }).textContent()).toContain(drop);
    expect(app.engine.resultsSnapshot().totals.declared).toBe(0);
    await page.screenshot({ path: '/tmp/drop-folder-problems-1600.png' });
  });

  it('takes the file once it is fixed: out of the list and the count, declared, moved into done/', async () => {
    await writeFile(path.join(drop, 'aldershot.csv'), `${header}\n${aldershot}\n`);
    await expect.poll(count, { timeout: 10_000 }).toBe('0');
    await page.getByText('Every file in the folder has been taken.').waitFor();
    await expect.poll(() => page.locator('[data-declared-count]').textContent()).toBe('Declared 1 of 650');
    await expect.poll(() => readdir(drop), { timeout: 5000 }).toEqual(['done']);
    expect(await readdir(path.join(drop, 'done'))).toEqual(['aldershot.csv']);
  });

  it('shows a console that (re)connects the problems standing, and drops a file deleted from the folder', async () => {
    await writeFile(path.join(drop, 'notes.txt'), 'Aldershot: Labour gain\n');
    await writeFile(path.join(drop, 'E99999999.json'), JSON.stringify({ onsCode: 'E99999999', revision: 1, state: 'rush', winner: 'lab' }));
    await expect.poll(count, { timeout: 10_000 }).toBe('2');
    await page.reload();
    await page.waitForSelector('[data-cue-id="wa-teetering"]');
    await expect.poll(count).toBe('2');
    await page.getByRole('button', { name: /2 drop folder files not taken: show them/ }).click();
    expect(await problem('notes.txt').textContent()).toMatch(/not a results file/);
    expect(await problem('E99999999.json').textContent()).toMatch(/E99999999 is not a seat in the baseline/);
    await unlink(path.join(drop, 'notes.txt'));
    await expect.poll(count, { timeout: 10_000 }).toBe('1');
    expect(await problem('notes.txt').count()).toBe(0);
  });
});
