import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const strap = (id: string, headline: string, subline: string) => ({
  id,
  title: headline,
  template: 'strap',
  layer: 'lower-third' as const,
  fields: { headline, subline, party: 'lab', variant: 'standard' },
});
const SHOW: Show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Keys test',
  stacks: [
    {
      id: 'east',
      name: 'East',
      cues: [
        strap('pb', 'Peterborough', 'Labour gain from Conservative'),
        strap('ely', 'Ely and East Cambridgeshire', 'Lib Dem gain'),
        strap('nw', 'North West Norfolk', 'Conservative hold'),
      ],
    },
  ],
};

/**
 * The console's keys where the operator's focus really is: inside the cue
 * editor, in its text boxes and on its buttons. Every check reads the engine
 * (the show, its undo history, the program) or the page's real focus.
 */
describe.skipIf(missing !== null)('console keys inside the cue editor', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const shot = () => server.engine.showSnapshot();
  const cue = (id: string) =>
    shot()
      .show.stacks.flatMap((s) => s.cues)
      .find((c) => c.id === id);
  const field = (label: string) => page.locator('.cue-editor').getByLabel(label, { exact: true });
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const select = async (id: string) => {
    await page.locator(`.stack-viewport [data-cue-id="${id}"]`).click();
    await expect.poll(() => page.locator('.cue-editor').getAttribute('data-editing')).toBe(id);
  };
  /** A show edit made and saved through the form: what the undo keys may (or must not) take back. */
  const editSubline = async (id: string, text: string) => {
    await field('Subline').fill(text);
    await field('Subline').press('Enter');
    await expect.poll(() => cue(id)?.fields.subline).toBe(text);
  };

  beforeAll(async () => {
    server = await startTestServer({ show: SHOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript({ content: 'window.__name=(f)=>f;' });
    await page.goto(`${server.url}/`);
    await page.locator('.stack-viewport [data-cue-id="pb"]').waitFor();
    await page.getByRole('tab', { name: 'Cue' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Ctrl+F from a text box, a picker or a button of the editor lands in the search box', async () => {
    await select('pb');
    for (const from of [field('Headline'), field('Party accent'), page.locator('.cue-editor').getByRole('button', { name: 'Duplicate' })]) {
      await from.focus();
      expect(await focusedId()).not.toBe('cue-search');
      await page.keyboard.press('Control+f');
      await expect.poll(focusedId).toBe('cue-search');
    }
    // Nothing was typed on the way: the field still holds the saved headline.
    expect(await field('Headline').inputValue()).toBe('Peterborough');
  });

  it('Ctrl+Z in a text box undoes the typing there and leaves the show alone; Ctrl+Shift+Z types it again', async () => {
    await select('pb');
    await editSubline('pb', 'Labour gain: majority 118');
    const before = shot();
    await field('Headline').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' declares');
    expect(await field('Headline').inputValue()).toBe('Peterborough declares');
    await page.keyboard.press('Control+z');
    await expect.poll(() => field('Headline').inputValue()).toBe('Peterborough');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => field('Headline').inputValue()).toBe('Peterborough declares');
    await page.keyboard.press('Escape'); // the field's own revert: back to the saved text, nothing sent
    await new Promise((r) => setTimeout(r, 300));
    const after = shot();
    expect(after.showRevision).toBe(before.showRevision);
    expect(after.history.undoDepth).toBe(before.history.undoDepth);
    expect(cue('pb')?.fields).toMatchObject({ headline: 'Peterborough', subline: 'Labour gain: majority 118' });
  });

  it('Ctrl+Z on an editor button undoes the last show edit, and Ctrl+Shift+Z on a picker redoes it', async () => {
    await select('ely');
    await editSubline('ely', 'Lib Dem gain: majority 495');
    await page.locator('.cue-editor').getByRole('button', { name: 'Duplicate' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cue('ely')?.fields.subline).toBe('Lib Dem gain');
    await expect.poll(() => field('Subline').inputValue()).toBe('Lib Dem gain');
    await field('Variant').focus();
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => cue('ely')?.fields.subline).toBe('Lib Dem gain: majority 495');
    // Undo was all the key did: no duplicate from the focused button, the same three cues.
    expect(shot().show.stacks[0]!.cues.map((c) => c.id)).toEqual(['pb', 'ely', 'nw']);
  });

  it('Space typed in a field is a space, and no air key fires from the editor: nothing goes to air', async () => {
    await select('nw');
    await field('Headline').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' hold');
    expect(await field('Headline').inputValue()).toBe('North West Norfolk hold');
    // F12 is left out: CLEAR ALL fires from a field on purpose (console-panic.test.ts).
    for (const key of ['Enter', 'ArrowRight', 'u', 'Escape']) await page.keyboard.press(key);
    await field('Party accent').focus();
    for (const key of ['Space', 'Enter']) await page.keyboard.press(key);
    await page.keyboard.press('Escape'); // closes the picker if Space opened it
    await new Promise((r) => setTimeout(r, 300));
    expect(server.engine.programSnapshot().program).toEqual({});
    expect(cue('nw')?.fields.headline).toBe('North West Norfolk hold'); // Enter saved it: the typing reached the field
    // The control: the same Space from the list takes, so the checks above could fail.
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => server.engine.programSnapshot().program['lower-third']?.cueId).toBe('nw');
  });

  it('the list keys the sheet names work from the list: End, Home, F2 into the title', async () => {
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('End');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('nw');
    await page.keyboard.press('Home');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('pb');
    // The editor follows the selection a beat behind: F2 before it has would focus the title it is about to replace.
    await expect.poll(() => page.locator('.cue-editor').getAttribute('data-editing')).toBe('pb');
    await page.keyboard.press('F2');
    await expect.poll(focusedId).toBe('cue-title');
  });

  it('F2 straight after ArrowDown edits the title of the cue now selected, not the one before', async () => {
    await select('pb');
    const titles = () => shot().show.stacks[0]!.cues.map((c) => c.title);
    const before = titles();
    await page.locator('.stack-viewport').focus();
    // A slow console (a busy laptop): the editor's deferred render lags the list by frames.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    try {
      // No wait between the two keys: the editor is still on pb when F2 arrives.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('F2');
      await expect.poll(focusedId).toBe('cue-title');
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Ely: Lib Dem gain');
    await page.keyboard.press('Enter');
    await expect.poll(() => cue('ely')?.title).toBe('Ely: Lib Dem gain');
    expect(titles()).toEqual([before[0], 'Ely: Lib Dem gain', before[2]]);
    // The console has the engine's new title too (under load its snapshot trails the engine's by a moment).
    await expect.poll(() => field('Cue title (the list and the as-run log)').inputValue()).toBe('Ely: Lib Dem gain');
    // Put back, so the tests after see the show they started with.
    await field('Cue title (the list and the as-run log)').fill(before[1]!);
    await field('Cue title (the list and the as-run log)').press('Enter');
    await expect.poll(() => cue('ely')?.title).toBe(before[1]);
  });

  it('the sheet lists the list keys as fixed, and refuses them for any other action', async () => {
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('?');
    const sheet = page.locator('dialog.cheat-sheet');
    await sheet.waitFor({ state: 'visible' });
    const group = sheet.getByRole('region', { name: 'Stack editing (in the cue list, fixed)' });
    expect(await group.locator('tr th').allTextContents()).toEqual(['Move the cue up / down', 'Duplicate the cue', 'Delete the cue', 'Edit the cue']);
    expect(await group.locator('kbd').allTextContents()).toEqual(['Alt + ↑', 'Alt + ↓', 'Ctrl + D', 'Delete', 'F2']);
    expect(await sheet.locator('[data-sheet-fixed-key="ends"] kbd').allTextContents()).toEqual(['Home', 'End']);
    expect(await sheet.locator('[data-sheet-action="undo"] .key-note').textContent()).toBe(': in a text box: the typing there');
    await page.screenshot({ path: '/tmp/console-keys-sheet-1920.png' });

    await sheet.getByRole('button', { name: 'Change keys' }).click();
    await sheet.getByRole('button', { name: 'Add a key to Out: take off the graphic marked in the on-air bar' }).click();
    await page.keyboard.press('Delete');
    await expect
      .poll(() => sheet.locator('[data-keymap-message]').textContent())
      .toBe('Delete is the cue list\'s fixed key for "Delete the cue" and cannot do anything else');
    expect(await sheet.locator('[data-sheet-action="out"] kbd').allTextContents()).toEqual(['Esc']);
    expect(await group.getByText('fixed', { exact: true }).count()).toBe(4);
    await page.screenshot({ path: '/tmp/console-keys-sheet-editing-1920.png' });
    await sheet.getByRole('button', { name: 'Close the keyboard sheet' }).click();
  });

  it('every control on the sheet has a name and shows where the focus is', async () => {
    await page.locator('.stack-viewport').focus();
    await page.keyboard.press('?');
    const sheet = page.locator('dialog.cheat-sheet');
    await sheet.getByRole('button', { name: 'Change keys' }).click();
    // Editing: every remove and add button is there too.
    const controls = await sheet.locator('button').evaluateAll((els) =>
      els.map((el, i) => {
        el.setAttribute('data-probe', String(i));
        return i;
      }),
    );
    expect(controls.length).toBeGreaterThan(20);
    // The accessibility tree's view: a button with no name shows as a bare "- button" (quoted whole when its name has a ').
    const tree = await sheet.ariaSnapshot();
    const buttons = tree.split('\n').filter((line) => /^\s*- '?button\b/.test(line));
    expect(buttons.length).toBe(controls.length);
    for (const line of buttons) expect(line, line).toMatch(/- '?button "[^"]+"/);

    // Tab round the modal sheet: each control, reached from the keyboard, draws a ring of at least 2px.
    await sheet.locator('[data-probe="0"]').focus();
    const seen = new Set<string>();
    for (let i = 0; i < controls.length + 3 && seen.size < controls.length; i++) {
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          probe: el?.dataset.probe ?? null,
          visible: el?.matches(':focus-visible') ?? false,
          width: parseFloat(style?.outlineWidth ?? '0'),
          outline: style?.outlineStyle ?? 'none',
        };
      });
      if (ring.probe !== null && ring.probe !== '0') {
        expect(ring, `control ${ring.probe}`).toMatchObject({ visible: true, outline: 'solid' });
        expect(ring.width, `control ${ring.probe}`).toBeGreaterThanOrEqual(2);
        seen.add(ring.probe);
      }
      await page.keyboard.press('Tab');
    }
    expect(seen.size).toBe(controls.length - 1);
    await sheet.getByRole('button', { name: 'Close the keyboard sheet' }).click();
  });
});
