import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const strap = (id: string, headline: string) => ({
  id,
  title: headline,
  template: 'strap',
  layer: 'lower-third' as const,
  fields: { headline, subline: '', party: 'none', variant: 'standard' },
});
const SHOW: Show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Panels test',
  stacks: [{ id: 'north', name: 'North', cues: [strap('hx', 'Hexham: Labour gain'), strap('bl', 'Blyth and Ashington')] }],
};

/**
 * Keys in the console's bars, and the list's key reminder, after the operator
 * has rebound keys in the sheet. Every check reads the engine or the page.
 */
describe.skipIf(missing !== null)('console bars and the list hint follow the keymap', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const program = () => server.engine.programSnapshot().program;
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const sheet = () => page.locator('dialog.cheat-sheet');
  const takeFromList = async (id: string) => {
    await page.locator(`.stack-viewport [data-cue-id="${id}"]`).click();
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe(id);
    await page.keyboard.press('Space');
    await expect.poll(() => program()['lower-third']?.cueId).toBe(id);
  };
  /** Through the sheet, as an operator rebinds: "Change keys", then each change, then Close. */
  const rebind = async (changes: { remove?: string; add?: string; action: string }[]) => {
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('?');
    await sheet().getByRole('button', { name: 'Change keys' }).click();
    for (const c of changes) {
      if (c.remove)
        await sheet()
          .getByRole('button', { name: `Remove ${c.remove} from ${c.action}` })
          .click();
      if (c.add) {
        await sheet()
          .getByRole('button', { name: `Add a key to ${c.action}` })
          .click();
        await page.keyboard.press(c.add);
        await expect.poll(() => sheet().locator('[data-keymap-message]').textContent()).toMatch(/ now does /);
      }
    }
    await sheet().getByRole('button', { name: 'Close the keyboard sheet' }).click();
  };

  beforeAll(async () => {
    server = await startTestServer({ show: SHOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/`);
    await page.locator('.stack-viewport [data-cue-id="hx"]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-declared-count]')?.textContent === 'Declared 0 of 650');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the results status bar keeps Space and typing; F12, a rebound CLEAR ALL key and Ctrl+F get through', async () => {
    await page.locator('.stack-viewport [data-cue-id="hx"]').click();
    const bar = page.getByRole('region', { name: 'Results status' });
    const badge = bar.getByRole('button', { name: /corrections waiting/ });
    await badge.focus();
    for (const key of ['Space', 'Enter', 'u', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
    await bar.getByLabel('Replay General election 2024 over').focus();
    await page.keyboard.type('5 u');
    await new Promise((r) => setTimeout(r, 300));
    expect(program()).toEqual({});
    expect(server.engine.programSnapshot().preview?.cueId).toBe('hx'); // ArrowDown moved nothing either

    await takeFromList('hx');
    await badge.focus();
    await page.keyboard.press('F12');
    await expect.poll(program).toEqual({});

    // CLEAR ALL on a second key: the bar lets through whatever is bound, not only F12.
    await rebind([{ action: 'CLEAR ALL layers at once', add: 'F9' }]);
    await takeFromList('bl');
    await badge.focus();
    await page.keyboard.press('F9');
    await expect.poll(program).toEqual({});
    await badge.focus();
    await page.keyboard.press('Control+f');
    await expect.poll(focusedId).toBe('cue-search');
  });

  it('the hint under the list names the keys as bound now: Take rebound to T shows T', async () => {
    const hint = (id: string) => page.locator(`[data-stack-hint] [data-hint="${id}"] kbd`).textContent();
    expect(await hint('take')).toBe('Space');
    expect(await hint('select')).toBe('↑↓');
    expect(await page.locator('[data-stack-hint] kbd').allTextContents()).toEqual(['↑↓', 'Space', 'F2', 'Alt+↑↓', 'Ctrl+D', 'Del', '?']);
    const take = 'Take the selected cue to air';
    await rebind([
      { action: take, remove: 'Space' },
      { action: take, remove: 'Enter' },
      { action: take, add: 't' },
    ]);
    await expect.poll(() => hint('take')).toBe('T');
    await page.locator('[data-stack-hint]').screenshot({ path: '/tmp/console-panels-hint.png' });
    // T really is the take key now: the hint did not just change its words.
    await page.locator('.stack-viewport [data-cue-id="hx"]').click();
    await page.keyboard.press('t');
    await expect.poll(() => program()['lower-third']?.cueId).toBe('hx');

    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('?');
    await sheet().getByRole('button', { name: 'Change keys' }).click();
    await sheet().getByRole('button', { name: 'Reset to defaults' }).click();
    await sheet().getByRole('button', { name: 'Close the keyboard sheet' }).click();
    await expect.poll(() => hint('take')).toBe('Space');
  });
});
