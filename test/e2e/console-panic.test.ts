import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const strap = (id: string, headline: string) => ({
  id,
  title: headline,
  template: 'strap',
  layer: 'lower-third' as const,
  fields: { headline, subline: 'Declared at 02:14', party: 'lab', variant: 'standard' },
});
const SHOW: Show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Panic and out keys',
  stacks: [
    {
      id: 'night',
      name: 'Night',
      cues: [
        strap('on-air', 'Labour hold Peterborough'),
        strap('unrelated', 'Ely: Lib Dem gain'),
        {
          id: 'corner',
          title: 'Bug: live',
          template: 'bug',
          layer: 'bug',
          fields: { text: 'Live', mode: 'text', time: '', corner: 'top-right', accent: 'live' },
        },
      ],
    },
  ],
};

/**
 * CLEAR ALL and the out key where the operator's focus really is, in the real
 * console against the real server. Every check reads the engine's program.
 */
describe.skipIf(missing !== null)('the panic key and the out key', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const program = () => server.engine.programSnapshot().program;
  const row = (layer: string) => page.locator(`[data-layer-row="${layer}"]`);
  const take = async (cueId: string) => {
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
    expect((await post(`${server.url}/api/cue`, { cueId })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, { cueId })).json).toMatchObject({ ok: true });
    await row(cueId === 'corner' ? 'bug' : 'lower-third')
      .locator('.layer-what', { hasText: cueId === 'corner' ? 'Bug: live' : '' })
      .waitFor();
  };
  const select = async (cueId: string) => {
    await page.locator(`.stack-viewport [data-cue-id="${cueId}"]`).click();
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe(cueId);
  };

  beforeAll(async () => {
    server = await startTestServer({ show: SHOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript({ content: 'window.__name=(f)=>f;' });
    await page.goto(`${server.url}/`);
    await page.locator('.stack-viewport [data-cue-id="corner"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('F12 clears everything from a text box, a picker, a menu, the keys sheet and a key capture', async () => {
    const places: [string, () => Promise<Locator | null>][] = [
      ['the cue search box', async () => page.locator('#cue-search')],
      [
        'the as-run filter, typed into',
        async () => {
          const filter = page.getByLabel('Filter as-run by text');
          await filter.fill('lab');
          return filter;
        },
      ],
      [
        "the Declare tab's constituency picker, open",
        async () => {
          await page.getByRole('tab', { name: 'Declare' }).click();
          const picker = page.getByPlaceholder('Type a name…');
          await picker.fill('Peter');
          await page.getByRole('listbox', { name: 'Matching constituencies' }).waitFor();
          return picker;
        },
      ],
      [
        'the + Cue menu',
        async () => {
          await page.getByRole('button', { name: '+ Cue' }).click();
          return page.getByRole('menuitem').first();
        },
      ],
      [
        'the keys sheet (a modal dialog)',
        async () => {
          await page.getByRole('button', { name: /^KEYS/ }).click();
          return page.locator('dialog.cheat-sheet').getByRole('button', { name: 'Change keys' });
        },
      ],
      [
        'a key capture listening for a new key',
        async () => {
          await page.locator('dialog.cheat-sheet').getByRole('button', { name: 'Change keys' }).click();
          await page.getByRole('button', { name: 'Add a key to Take the selected cue to air' }).click();
          await page.getByRole('button', { name: 'Press the new key for Take the selected cue to air' }).waitFor();
          return null; // the capture button has the focus, listening
        },
      ],
    ];
    for (const [where, focus] of places) {
      await take('on-air');
      await take('corner');
      const target = await focus();
      if (target) await target.focus();
      await page.keyboard.press('F12');
      await expect.poll(program, { message: where }).toEqual({});
    }
    // The capture was not given F12 as a key to bind: nothing was bound, and the sheet still listens.
    expect(await page.locator('[data-sheet-action="take"] kbd').allTextContents()).toEqual(['Space', 'Enter']);
    expect(await page.getByRole('button', { name: 'Press the new key for Take the selected cue to air' }).count()).toBe(1);
    await page.locator('dialog.cheat-sheet').getByRole('button', { name: 'Close the keyboard sheet' }).click();
    await page.locator('dialog.cheat-sheet').waitFor({ state: 'hidden' });
  }, 90_000);

  it('Escape with an unrelated cue selected takes nothing off, and says why', async () => {
    await take('on-air');
    await select('unrelated');
    expect(await row('lower-third').getAttribute('data-out-target')).toBeNull();
    expect(await page.getByRole('button', { name: /^OUT/ }).isDisabled()).toBe(true);
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('Escape');
    await page.locator('.notice', { hasText: 'Out: nothing taken off' }).waitFor();
    expect(await page.locator('.notice').last().textContent()).toBe(
      'Out: nothing taken off, the selected cue "Ely: Lib Dem gain" is not on air (LOWER THIRD shows "Labour hold Peterborough"): ' +
        'point it at a layer in the on-air bar (its name) or press that layer’s OUT',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(program()['lower-third']?.cueId).toBe('on-air');
  });

  it('marks the graphic the out key will take off before it is pressed: the selected cue on air, or the layer pointed at', async () => {
    await take('corner');
    // Pointed at in the on-air bar: marked there, and Escape takes exactly that off.
    await page.getByRole('button', { name: 'Point the out key at bug' }).click();
    expect(await row('bug').getAttribute('data-out-target')).toBe('true');
    expect(await row('lower-third').getAttribute('data-out-target')).toBeNull();
    expect(await page.locator('[data-out-target-text]').textContent()).toBe('Esc takes off: BUG · Bug: live');
    await page.screenshot({ path: '/tmp/console-out-target-1366.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => program().bug).toBeUndefined();
    expect(program()['lower-third']?.cueId).toBe('on-air');
    // The selected cue, once on air, is the target.
    await select('on-air');
    expect(await row('lower-third').getAttribute('data-out-target')).toBe('true');
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => program()['lower-third']).toBeUndefined();
    await expect.poll(() => page.locator('[data-out-target]').count()).toBe(0);
  });

  it('keeps the panic key an operator saved before the action took the command name (clearAll, keymap version 1)', async () => {
    await page.evaluate(() => localStorage.setItem('strapline.keymap', JSON.stringify({ version: 1, keys: { clearAll: ['F11'] } })));
    await page.reload();
    await page.locator('.stack-viewport [data-cue-id="corner"]').waitFor();
    try {
      const clearButton = page.getByRole('button', { name: /^CLEAR ALL/ });
      // F11 replaced F12 in that save: the button names only F11.
      expect(await clearButton.getAttribute('aria-keyshortcuts')).toBe('F11');
      await take('on-air');
      await page.keyboard.press('F11');
      await expect.poll(program).toEqual({});
      expect(await page.locator('.notice', { hasText: 'keymap' }).count()).toBe(0);
      await page.keyboard.press('?');
      expect(await page.locator('[data-sheet-action="clear-all"] kbd').allTextContents()).toEqual(['F11']);
      await page.screenshot({ path: '/tmp/console-keymap-migrated-1366.png' });
      await page.keyboard.press('Escape');
      await page.locator('dialog.cheat-sheet').waitFor({ state: 'hidden' });
    } finally {
      await page.evaluate(() => localStorage.removeItem('strapline.keymap'));
    }
  });
});
