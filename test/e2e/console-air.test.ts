import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import type { AsRunEntry } from '../../main/engine/protocol';
import { asRunCsv } from '../../renderer/as-run-csv';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const strap = (id: string, headline: string, subline: string, party: string) => ({
  id,
  title: headline,
  template: 'strap',
  layer: 'lower-third',
  fields: { headline, subline, party, variant: 'standard' },
});

/** Two straps and a two-step seat result: enough for every air action on two layers. */
const AIR_SHOW = {
  format: 'strapline-show',
  version: 1,
  name: 'Console air test',
  stacks: [
    {
      id: 'air',
      name: 'Air',
      cues: [
        strap('strap-a', 'Labour landslide', 'Exit poll: Labour 410 seats, Conservatives 131', 'lab'),
        strap('strap-b', 'Plaid Cymru: four seats', 'Best result in Wales since 1974', 'pc'),
        { id: 'result', title: 'Peterborough result', template: 'seat-result', layer: 'fullscreen', fields: { constituency: 'E14001425', bars: 6 } },
      ],
    },
  ],
};

/** The operator's console at the smallest size it supports, against the real server, with a real output page. */
describe.skipIf(missing !== null)('the console drives the air from the keyboard and reports on it', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let output: Page;
  const program = () => server.engine.programSnapshot().program;
  const row = (layer: string) => page.locator(`[data-layer-row="${layer}"]`);
  const select = async (cueId: string) => {
    await page.click(`[data-cue-id="${cueId}"]`);
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe(cueId);
  };
  /** The engine refuses a second take on a layer within 200 ms. */
  const pastTakeGuard = () => new Promise((r) => setTimeout(r, 250));
  const asRunFile = async (): Promise<AsRunEntry[]> =>
    (await readFile(server.asRunPath, 'utf8'))
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AsRunEntry);

  beforeAll(async () => {
    server = await startTestServer({ show: AIR_SHOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript({ content: 'window.__name=(f)=>f;' });
    output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(`${server.url}/`);
    await output.goto(`${server.url}/output`);
    await page.waitForSelector('[data-cue-id="result"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the connected output page with the frame rate it reports', async () => {
    const chip = page.locator('[data-output-state="ok"], [data-output-state="slow"]');
    await chip.waitFor({ timeout: 10_000 });
    expect(await chip.textContent()).toMatch(/^OUT \d+ \d+ fps$/);
    const [reported] = server.server.stream.outputs.snapshot().outputs;
    expect(reported!.fps).toBeGreaterThan(0);
    expect(await chip.textContent()).toContain(`${reported!.fps!.toFixed(0)} fps`);
  });

  it('takes with Space and steps with Right arrow, showing step k of n on the layer', async () => {
    await select('result');
    await page.keyboard.press('Space');
    await expect.poll(() => program().fullscreen?.cueId).toBe('result');
    await expect.poll(() => row('fullscreen').locator('.layer-step').textContent()).toBe('STEP 1 of 2');
    // The status line times the take's round trip to the engine.
    expect(await page.locator('[data-take-latency]').textContent()).toMatch(/^LAST TAKE \d+\.\d ms$/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => program().fullscreen?.step).toBe(2);
    await expect.poll(() => row('fullscreen').locator('.layer-step').textContent()).toBe('STEP 2 of 2');
    await output.waitForSelector('[data-layer="fullscreen"][data-step="2"]');
    // The program monitor draws it too, with the output's own renderer.
    await page.waitForSelector('.monitor-program [data-layer="fullscreen"][data-step="2"]');
  });

  it('updates with U, takes the selected layer out with Escape, and clears everything with F12', async () => {
    await select('strap-a');
    await page.keyboard.press('Space');
    // The seat result is still up full screen: the strap goes on air held by it (main/engine/composition.ts), not drawn.
    await page.locator('[data-layer-row="lower-third"][data-held-by="fullscreen"]').waitFor();
    expect((await post(`${server.url}/api/command`, { type: 'edit-cue', cueId: 'strap-a', fields: { headline: 'Labour win a landslide' } })).status).toBe(200);
    // An edit alone never reaches the air.
    expect(program()['lower-third']?.view.headline).toBe('Labour landslide');
    await page.keyboard.press('u');
    await expect.poll(() => program()['lower-third']?.updateSeq).toBe(1);
    // Held, it takes the update and stays off the picture until the board goes.
    expect(program()['lower-third']?.view.headline).toBe('Labour win a landslide');
    expect(await output.locator('[data-layer="lower-third"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => program()['lower-third']).toBeUndefined();
    expect(program().fullscreen?.cueId).toBe('result');
    await page.keyboard.press('F12');
    await expect.poll(() => program()).toEqual({});
    await expect.poll(() => page.locator('.layer-row.live').count()).toBe(0);
  });

  it('never takes while the operator types in a field', async () => {
    await pastTakeGuard();
    await select('strap-b');
    const revisionBefore = server.engine.programSnapshot().revision;
    const filter = page.getByLabel('Filter as-run by text');
    await filter.click();
    await page.keyboard.type('a b');
    // Not F12: CLEAR ALL fires from a field on purpose (console-panic.test.ts).
    for (const key of ['Enter', 'u', 'ArrowRight', 'Escape']) await page.keyboard.press(key);
    // A barrier: the console's socket is ordered, so once this cue lands any leaked take has landed too.
    await select('strap-a');
    expect(program()).toEqual({});
    expect(server.engine.programSnapshot().revision).toBe(revisionBefore + 1);
    await filter.fill('');
    await filter.blur();
    await select('strap-b');
    // The same Space outside the field does take.
    await page.keyboard.press('Space');
    await expect.poll(() => program()['lower-third']?.cueId).toBe('strap-b');
    await page.keyboard.press('F12');
    await expect.poll(() => program()).toEqual({});
  });

  it('rebinds a key from the cheat sheet, refuses a clash, and the new key takes', async () => {
    await pastTakeGuard();
    await select('strap-a');
    await page.keyboard.press('Space');
    await expect.poll(() => program()['lower-third']?.cueId).toBe('strap-a');
    await page.keyboard.press('?');
    const sheet = page.locator('dialog.cheat-sheet');
    await sheet.waitFor({ state: 'visible' });
    // The cue list's own keys are on the sheet too, beside the rebindable ones.
    expect(await sheet.locator('[data-sheet-list-key] th').allTextContents()).toEqual([
      'Move the cue up / down',
      'Duplicate the cue',
      'Delete the cue',
      'Edit the cue',
    ]);
    expect(await sheet.locator('[data-sheet-list-key] kbd').allTextContents()).toEqual(['Alt + ↑', 'Alt + ↓', 'Ctrl + D', 'Delete', 'F2']);
    await sheet.getByRole('button', { name: 'Change keys' }).click();
    await sheet.getByRole('button', { name: 'Add a key to Take the selected cue to air' }).click();
    await page.keyboard.press('t');
    await expect.poll(() => sheet.locator('[data-keymap-message]').textContent()).toBe('T now does "Take the selected cue to air"');
    await sheet.getByRole('button', { name: 'Add a key to Next step of the selected layer' }).click();
    await page.keyboard.press('u');
    await expect
      .poll(() => sheet.locator('[data-keymap-message]').textContent())
      .toBe('U is already bound to "Update on air with the edited fields": remove it there first');
    expect(await sheet.locator('[data-sheet-action="take"] kbd').allTextContents()).toEqual(['Space', 'Enter', 'T']);
    expect(await sheet.locator('[data-sheet-action="next"] kbd').allTextContents()).toEqual(['→']);
    // The U caught for the refused binding updated nothing; Escape closes the sheet and takes nothing out.
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(program()['lower-third']?.cueId).toBe('strap-a');
    await pastTakeGuard();
    await select('strap-b');
    await page.keyboard.press('t');
    await expect.poll(() => program()['lower-third']?.cueId).toBe('strap-b');
    // Saved: after a reload the sheet still lists it, and it still takes.
    await page.reload();
    await page.waitForSelector('[data-cue-id="strap-a"]');
    await page.getByRole('button', { name: /^KEYS/ }).click();
    expect(await sheet.locator('[data-sheet-action="take"] kbd').allTextContents()).toEqual(['Space', 'Enter', 'T']);
    await sheet.getByRole('button', { name: 'Close the keyboard sheet' }).click();
    await page.keyboard.press('F12');
    await expect.poll(() => program()).toEqual({});
  });

  it('falls back to the default keys, with a notice, when the saved keymap is bad', async () => {
    await page.evaluate(() => localStorage.setItem('strapline.keymap', JSON.stringify({ version: 1, keys: { take: ['F12'] } })));
    await page.reload();
    await page.waitForSelector('[data-cue-id="strap-a"]');
    await page.locator('.notice', { hasText: 'The saved keymap was refused' }).waitFor();
    expect(await page.locator('.notice').allTextContents()).toContain(
      'The saved keymap was refused (F12 is bound to both "Take the selected cue to air" and "CLEAR ALL layers at once"): using the default keys',
    );
    await page.keyboard.press('?');
    const sheet = page.locator('dialog.cheat-sheet');
    expect(await sheet.locator('[data-sheet-action="take"] kbd').allTextContents()).toEqual(['Space', 'Enter']);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
  });

  it('lists every take in the as-run panel, filters it, and exports exactly that as CSV', async () => {
    const entries = await asRunFile();
    expect(entries.filter((e) => e.action === 'take').map((e) => e.action !== 'mode' && e.cueId)).toEqual([
      'result',
      'strap-a',
      'strap-b',
      'strap-a',
      'strap-b',
    ]);
    await expect.poll(() => page.locator('[data-as-run-count]').textContent()).toBe(`${entries.length} of ${entries.length}`);
    const firstRow = page.locator('.as-run-table tbody tr').first();
    expect(await firstRow.getAttribute('data-as-run-action')).toBe('clear-all');
    const exported = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^as-run-\d{4}-\d\d-\d\dT\d{4}\.csv$/);
      const text = await readFile((await download.path())!, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      return text.slice(1);
    };
    expect(await exported()).toBe(asRunCsv(entries));
    await page.getByLabel('Filter as-run by layer').selectOption('fullscreen');
    const fullscreen = entries.filter((e) => e.action !== 'mode' && e.layer === 'fullscreen');
    expect(fullscreen.map((e) => e.action)).toEqual(['take', 'next', 'clear-all']);
    await expect.poll(() => page.locator('[data-as-run-count]').textContent()).toBe(`3 of ${entries.length}`);
    expect(await exported()).toBe(asRunCsv(fullscreen));
    await page.getByLabel('Filter as-run by layer').selectOption('');
  });

  it('previews the selected cue at any step without touching the air, and shows title-safe on demand', async () => {
    await select('result');
    await page.waitForSelector('.monitor-preview [data-layer="fullscreen"][data-preview-cue-id="result"][data-step="1"]');
    const scrubber = page.getByRole('slider', { name: 'Step' });
    await scrubber.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.monitor-preview [data-layer="fullscreen"][data-step="2"]');
    expect(await page.locator('[data-preview-step]').textContent()).toBe('2 / 2');
    expect(program()).toEqual({});
    await page.getByRole('button', { name: 'Title-safe guides on the program monitor' }).click();
    expect(await page.locator('.monitor-program .stage').getAttribute('class')).toContain('show-safe');
    expect(await page.locator('.monitor-preview .stage').getAttribute('class')).not.toContain('show-safe');
  });

  it('shows the output disconnected once its page closes', async () => {
    await output.close();
    await page.waitForSelector('[data-output-state="disconnected"]');
    expect(await page.locator('[data-output-state="disconnected"]').textContent()).toMatch(/^OUT \d+ LOST \d\d:\d\d:\d\d$/);
    await page.waitForSelector('[data-output-state="none"]');
  });
});
