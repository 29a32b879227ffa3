import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const CSV = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared/data/ge2024-constituency-results.csv');
const PETERBOROUGH = 'E14001425';

/** Peterborough's 2024 row of the Commons Library file, by column name (no quoted commas in this row). */
async function peterborough2024(): Promise<Record<string, number>> {
  const [header, ...rows] = (await readFile(CSV, 'utf8')).trim().split(/\r?\n/);
  const columns = header!.split(',');
  const cells = rows.find((r) => r.startsWith(`${PETERBOROUGH},`))!.split(',');
  expect(cells[columns.indexOf('Constituency name')]).toBe('Peterborough');
  return Object.fromEntries(columns.map((c, i) => [c, Number(cells[i])]));
}

/** The results panel against the real server in Debian's Chromium: declare, correct, rehearse. */
describe.skipIf(missing !== null)('the console declares results, handles corrections and rehearses', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let row: Record<string, number>;
  const figure = (name: string) => page.locator(`[data-figure="${name}"]`);
  const declaredStatus = () => page.locator('[data-declared-count]').textContent();
  const heldSeat = () => server.engine.resultsState().seats.get(PETERBOROUGH);

  beforeAll(async () => {
    row = await peterborough2024();
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-cue-id="wa-teetering"]');
    await page.waitForFunction(() => document.querySelector('[data-declared-count]')?.textContent === 'Declared 0 of 650');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const chooseSeat = async (typed: string) => {
    const box = page.getByRole('combobox', { name: 'Constituency' });
    await box.fill('');
    await box.pressSequentially(typed);
    await page.getByRole('option', { name: /^Peterborough/ }).waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Peterborough');
  };
  const votes = (party: string) => page.getByLabel(`${party} votes`, { exact: true });

  it('computes majority and turnout as the operator types Peterborough 2024, then declares it', async () => {
    await chooseSeat('Peterb');
    await page.getByText('Held: pending, revision 0 · sends revision 1').waitFor();
    await page.getByLabel('Electorate', { exact: true }).fill(String(row.Electorate));
    await page.getByLabel('Invalid votes', { exact: true }).fill(String(row['Invalid votes']));
    await votes('Labour').fill(String(row.Lab));
    await votes('Conservative').fill(String(row.Con));
    // Two parties in: the majority is already the published one, over these votes only.
    expect(await figure('majority').textContent()).toBe(`${row.Majority} (${((row.Majority! / (row.Lab! + row.Con!)) * 100).toFixed(1)}%)`);
    expect(await figure('winner').textContent()).toBe('Labour');
    await votes('Liberal Democrats').fill(String(row.LD));
    await votes('Reform UK').fill(String(row.RUK));
    await votes('Green').fill(String(row.Green));
    await page.getByRole('button', { name: '+ Add party' }).click();
    await page.getByLabel('Party, row 6').selectOption('other');
    await votes('Other').fill(String(row['All other candidates']));
    expect(await figure('valid').textContent()).toBe(row['Valid votes']!.toLocaleString('en-GB'));
    expect(await figure('majority').textContent()).toBe(`${row.Majority} (${((row.Majority! / row['Valid votes']!) * 100).toFixed(1)}%)`);
    expect(await figure('turnout').textContent()).toBe(`${((row['Valid votes']! / row.Electorate!) * 100).toFixed(1)}%`);
    expect(await figure('majority').textContent()).toBe('118 (0.3%)');
    expect(await figure('turnout').textContent()).toBe('57.1%');
    // Typing sent nothing.
    expect(server.engine.resultsSnapshot().totals.declared).toBe(0);
    await page.screenshot({ path: '/tmp/results-console-1600-declare.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/results-console-1366-declare.png' });
    await page.setViewportSize({ width: 1600, height: 900 });

    await page.getByRole('button', { name: 'DECLARE' }).click();
    await page.locator('[data-outcome="ok"]').waitFor();
    expect(server.engine.resultsSnapshot().totals.declared).toBe(1);
    await expect.poll(declaredStatus).toBe('Declared 1 of 650');
    expect(heldSeat()).toMatchObject({
      state: 'declared',
      revision: 1,
      validVotes: row['Valid votes'],
      partyVotes: { lab: row.Lab, con: row.Con, other: row['All other candidates'] },
    });
    expect(await page.locator('.last-declaration time').textContent()).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('a correction that arrives from elsewhere shows on the Declare form at once, and the outcome it outdates goes', async () => {
    const held = page.locator('.declaration .held');
    const outcome = page.locator('.declare-outcome');
    await expect.poll(() => held.textContent()).toBe('Held: declared, revision 1 · sends revision 2');
    expect(await outcome.textContent()).toBe('Peterborough declared: now in the results.');
    // From a script, as a results feed sends it: the Conservatives 100 votes more.
    const seat = heldSeat()!;
    if (seat.state !== 'declared') throw new Error('Peterborough should be declared by now');
    const partyVotes = { ...seat.partyVotes, con: seat.partyVotes.con! + 100 };
    expect((await post(`${server.url}/api/results`, { ...seat, revision: 2, validVotes: seat.validVotes + 100, partyVotes })).status).toBe(200);
    await expect
      .poll(() => held.textContent())
      .toBe('Held: declared, revision 1 · correction waiting: revision 2 (accept or reject it under Corrections) · sends revision 3');
    expect(await outcome.getAttribute('data-outcome')).toBe('');
    expect(await outcome.textContent()).toBe('');
    // Rejected elsewhere: the form says so as soon.
    expect(server.engine.dispatch({ type: 'reject-correction', onsCode: PETERBOROUGH }).ok).toBe(true);
    await expect.poll(() => held.textContent()).toBe('Held: declared, revision 1 · sends revision 2');
  });

  it('a different result for the same seat waits as a correction until Accept', async () => {
    await page.getByText('Held: declared, revision 1 · sends revision 2').waitFor();
    await votes('Conservative').fill('13600');
    expect(await figure('winner').textContent()).toBe('Conservative');
    await page.getByRole('button', { name: 'DECLARE' }).click();
    await page.locator('[data-outcome="warn"]').waitFor();
    expect(await page.locator('.declare-outcome').textContent()).toMatch(/correction/);
    await expect.poll(() => page.locator('[data-corrections-count]').textContent()).toBe('1');
    // Nothing changed yet.
    expect(heldSeat()).toMatchObject({ revision: 1, partyVotes: { con: row.Con } });

    await page.getByRole('tab', { name: /Corrections/ }).click();
    const alert = page.locator(`[data-correction="${PETERBOROUGH}"]`);
    await alert.waitFor();
    expect(await alert.locator('h3').textContent()).toContain('Peterborough');
    const winnerRow = alert.locator('tr.major');
    expect(await winnerRow.textContent()).toBe('WinnerLabour→Conservative');
    expect(await alert.locator('tr', { hasText: 'Majority' }).textContent()).toBe('Majority118 (0.3%)→182 (0.4%)');
    await page.screenshot({ path: '/tmp/results-console-1600-correction.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/results-console-1366-correction.png' });
    await page.setViewportSize({ width: 1600, height: 900 });
    expect(heldSeat()).toMatchObject({ revision: 1, partyVotes: { con: row.Con } });

    await page.getByRole('button', { name: 'Accept correction for Peterborough' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(heldSeat()).toMatchObject({ revision: 2, partyVotes: { con: 13600, lab: row.Lab } });
    expect(server.engine.resultsSnapshot().corrections).toEqual([]);
    await page.getByText('No corrections waiting.').waitFor();
    await page.getByRole('tab', { name: 'Declare' }).click();
    // "Waiting as a correction" is no longer true once it is accepted: the form says what is held instead.
    await expect.poll(() => page.locator('.declare-outcome').textContent()).toBe('');
    await expect.poll(() => page.locator('.declaration .held').textContent()).toBe('Held: declared, revision 2 · sends revision 3');
  });

  it('starts a rehearsal from the console: banner up, seats coming in; stop takes it down', async () => {
    // Over a live night's results the server refuses, and the console says why.
    await page.getByRole('button', { name: 'Start rehearsal' }).click();
    await page
      .getByRole('group', { name: 'Rehearsal' })
      .getByRole('alert')
      .filter({ hasText: /live results/ })
      .waitFor();
    expect(server.engine.resultsSnapshot().mode).toBe('live');

    server.engine.dispatch({ type: 'reset-results' });
    await expect.poll(declaredStatus).toBe('Declared 0 of 650');
    await page.getByLabel('Replay General election 2024 over').fill('0.2');
    await page.getByRole('button', { name: 'Start rehearsal' }).click();
    const banner = page.locator('[data-rehearsal-banner]');
    await banner.waitFor();
    expect(await banner.textContent()).toBe('REHEARSAL — not live results');
    await expect.poll(() => server.engine.resultsSnapshot().totals.declared, { timeout: 10_000 }).toBeGreaterThan(50);
    await expect.poll(async () => Number(/Declared (\d+) of 650/.exec((await declaredStatus()) ?? '')?.[1] ?? 0)).toBeGreaterThan(50);
    await page.screenshot({ path: '/tmp/results-console-1600-rehearsal.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/results-console-1366-rehearsal.png' });
    await page.setViewportSize({ width: 1600, height: 900 });

    await page.getByRole('button', { name: 'Stop rehearsal' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(server.engine.resultsSnapshot().mode).toBe('live');
    await expect.poll(declaredStatus).toBe('Declared 0 of 650');
  });

  it('typing in the form while a cue is in preview puts nothing on air', async () => {
    await page.click('[data-cue-id="wa-teetering"]');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('wa-teetering');
    const box = page.getByRole('combobox', { name: 'Constituency' });
    await box.fill('');
    await box.pressSequentially('North  ');
    await box.press('ArrowDown');
    await box.press('Escape');
    await box.press('Enter');
    await votes('Labour').pressSequentially('12 345');
    await votes('Labour').press('Enter');
    await votes('Labour').press('Escape');
    await page.getByLabel('Party, row 1').press('ArrowDown');
    // Space and Enter on the panel's own buttons and tabs must not reach the take either.
    await page.getByRole('button', { name: '+ Add party' }).press('Space');
    await page.getByRole('tab', { name: 'Declare' }).press('Enter');
    await page.getByRole('tab', { name: 'Declare' }).press('ArrowRight');
    await page.getByRole('tab', { name: /Corrections/ }).press('ArrowLeft');
    await page.getByRole('button', { name: /corrections waiting/ }).press('Enter');
    await page.getByRole('tab', { name: 'Declare' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(server.engine.programSnapshot().program).toEqual({});
    expect(server.engine.programSnapshot().preview?.cueId).toBe('wa-teetering');
    expect(server.engine.resultsSnapshot().totals.declared).toBe(0);
    await page.screenshot({ path: '/tmp/results-console-1600-typing.png' });

    // The control: the same key outside the panel does take, so the checks above could fail.
    await page.locator('[data-cue-id="wa-teetering"]').click();
    await page.keyboard.press('Space');
    await expect.poll(() => server.engine.programSnapshot().program['lower-third']?.cueId).toBe('wa-teetering');
    await page.keyboard.press('F12');
    await expect.poll(() => server.engine.programSnapshot().program).toEqual({});
  });
});
