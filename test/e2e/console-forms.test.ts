import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { exitPollFields } from '../../main/templates/exit-poll/schema';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** An exit poll with no fields stored, as the demo show has it: the graphic draws all eight defaults. */
const SHOW: Show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Forms test',
  stacks: [{ id: 'night', name: 'Night', cues: [{ id: 'poll', title: 'Exit poll', template: 'exit-poll', layer: 'fullscreen', fields: {} }] }],
};
const DEFAULT_POLL = exitPollFields.parse({}).parties;
type Row = { party: string; seats: number };

/** The generated forms show what the graphic draws, and titles follow the seat: the real console against the real server. */
describe.skipIf(missing !== null)('the cue forms', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const cue = (id: string) =>
    server.engine
      .showSnapshot()
      .show.stacks.flatMap((s) => s.cues)
      .find((c) => c.id === id);
  const editor = () => page.locator('.cue-editor');
  const field = (label: string) => editor().getByLabel(label, { exact: true });
  const titleBox = () => field('Cue title (the list and the as-run log)');
  const listTitle = (id: string) => page.locator(`.stack-viewport [data-cue-id="${id}"] .cue-title`);

  beforeAll(async () => {
    server = await startTestServer({ show: SHOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.locator('[data-cue-id="poll"]').waitFor();
    await page.getByRole('tab', { name: 'Cue' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an exit poll with empty fields shows the eight projections it draws, marked default; + Add row adds one', async () => {
    await page.locator('[data-cue-id="poll"]').click();
    await expect.poll(() => editor().getAttribute('data-editing')).toBe('poll');
    const projections = editor().locator('[data-field="parties"]');
    expect(await projections.getAttribute('data-default')).toBe('');
    expect(await projections.locator('.default-tag').textContent()).toBe('default');
    expect(await projections.locator('tbody tr').count()).toBe(8);
    expect(await field('Projected seats, row 1').inputValue()).toBe('410');
    expect(await field('Party, row 8').inputValue()).toBe('other');
    expect(await field('Title').inputValue()).toBe('Exit poll');
    expect(await editor().locator('[data-field="title"][data-default]').count()).toBe(1);
    // Eight is the most the board takes: the button says so rather than replacing them.
    expect(await projections.getByRole('button', { name: '+ Add row (at most 8)' }).isDisabled()).toBe(true);

    await projections.getByRole('button', { name: 'Remove row 8' }).click();
    await expect.poll(() => (cue('poll')?.fields.parties as Row[] | undefined)?.length).toBe(7);
    expect(cue('poll')?.fields.parties).toEqual(DEFAULT_POLL.slice(0, 7));
    expect(cue('poll')?.fields).not.toHaveProperty('title');
    await expect.poll(() => projections.getAttribute('data-default')).toBeNull();
    expect(await editor().locator('[data-field="title"][data-default]').count()).toBe(1);

    await projections.getByRole('button', { name: '+ Add row' }).click();
    await expect.poll(() => (cue('poll')?.fields.parties as Row[] | undefined)?.length).toBe(8);
    const rows = cue('poll')!.fields.parties as Row[];
    expect(rows.slice(0, 7)).toEqual(DEFAULT_POLL.slice(0, 7));
    expect(rows[7]).toMatchObject({ seats: 0 });
    expect(new Set(rows.map((r) => r.party)).size).toBe(8);
  });

  it('a new seat result is titled by the seat’s name and follows the seat, until the operator names it', async () => {
    await page.locator('[data-stack-id="night"] .stack-name').click();
    await page.getByRole('button', { name: '+ Cue' }).click();
    await page.getByRole('menuitem', { name: /^Seat result/ }).click();
    await expect.poll(() => cue('seat-result')?.title).toBe('Result: Peterborough');
    expect(cue('seat-result')?.autoTitle).toBe(true);
    await expect.poll(() => editor().getAttribute('data-editing')).toBe('seat-result');
    expect(await titleBox().inputValue()).toBe('Result: Peterborough');
    expect(await editor().locator('[data-auto-title] .default-tag').textContent()).toBe('automatic');
    expect(await listTitle('seat-result').textContent()).toBe('Result: Peterborough');

    const seat = editor().getByRole('combobox', { name: 'Constituency' });
    const pick = async (typed: string, name: RegExp) => {
      await seat.fill(typed);
      await page.getByRole('option', { name }).first().waitFor();
      await seat.press('Enter');
    };
    await pick('Clacton', /^Clacton/);
    await expect.poll(() => cue('seat-result')?.title).toBe('Result: Clacton');
    await expect.poll(() => listTitle('seat-result').textContent()).toBe('Result: Clacton');
    await expect.poll(() => titleBox().inputValue()).toBe('Result: Clacton');

    // Named by the operator: the title sticks whatever the seat becomes.
    await titleBox().fill('Farage in Clacton');
    await titleBox().press('Enter');
    await expect.poll(() => cue('seat-result')?.title).toBe('Farage in Clacton');
    expect(cue('seat-result')).not.toHaveProperty('autoTitle');
    await pick('Ynys', /^Ynys Môn/);
    await expect.poll(() => cue('seat-result')?.fields.constituency).toBe('W07000112');
    expect(cue('seat-result')?.title).toBe('Farage in Clacton');
    expect(await editor().locator('[data-auto-title]').count()).toBe(0);

    // Emptied: back to the automatic title, for the seat it now shows.
    await titleBox().fill('');
    await titleBox().press('Enter');
    await expect.poll(() => cue('seat-result')?.title).toBe('Result: Ynys Môn');
    expect(cue('seat-result')?.autoTitle).toBe(true);
    await expect.poll(() => titleBox().inputValue()).toBe('Result: Ynys Môn');
    await page.screenshot({ path: '/tmp/console-forms-1600.png' });
  });
});
