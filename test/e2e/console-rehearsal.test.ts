import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';
import { openOutputPage, takeToAir } from '../support/output-page';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SHOW = {
  format: 'strapline-show',
  version: 1,
  name: 'Rehearsal on air',
  stacks: [
    {
      id: 'night',
      name: 'Night',
      cues: [
        { id: 'result', title: 'Peterborough result', template: 'seat-result', layer: 'fullscreen', fields: { constituency: 'E14001425', bars: 6 } },
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
 * Starting or stopping a rehearsal changes every bound graphic on air at once:
 * the console asks first, in the console, naming them; and while it runs every
 * output draws the REHEARSAL mark, clear of the bug and inside title-safe.
 */
describe.skipIf(missing !== null)('a rehearsal cannot surprise the air', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let output: Page;
  const mode = () => server.engine.resultsSnapshot().mode;
  const confirm = (action: string) => page.locator(`[data-rehearsal-confirm="${action}"]`);

  beforeAll(async () => {
    server = await startTestServer({ show: SHOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript({ content: 'window.__name=(f)=>f;' });
    output = await openOutputPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.locator('.stack-viewport [data-cue-id="corner"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks before starting over a bound graphic on air, naming it; Cancel changes nothing', async () => {
    // The bug first: a board taken after it holds it off the picture (layers compose).
    await takeToAir(server.url, output, 'corner', 'bug');
    await takeToAir(server.url, output, 'result', 'fullscreen');
    // The bug back in preview: it is not bound, so only what is on air is named.
    expect((await post(`${server.url}/api/cue`, { cueId: 'corner' })).status).toBe(200);
    await page.locator('[data-layer-row="fullscreen"].live').waitFor();
    await page.getByRole('button', { name: 'Start rehearsal', exact: true }).click();
    await confirm('start').waitFor();
    // The bug is not bound: only the seat result is named.
    expect(await confirm('start').locator('li').allTextContents()).toEqual(['FULLSCREEN on air Peterborough result']);
    expect(await confirm('start').textContent()).toContain('Every output shows the REHEARSAL mark while it runs.');
    // Focus is on Cancel, so a stray Enter does not confirm.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.screenshot({ path: '/tmp/console-rehearsal-confirm-1920.png' });
    await page.keyboard.press('Enter');
    await confirm('start').waitFor({ state: 'detached' });
    expect(mode()).toBe('live');
    expect(server.engine.programSnapshot()).not.toHaveProperty('rehearsalMark');
  });

  it('once confirmed, marks every output REHEARSAL in a title-safe corner clear of the bug', async () => {
    await page.getByRole('button', { name: 'Start rehearsal', exact: true }).click();
    await confirm('start').getByRole('button', { name: 'Start rehearsal anyway' }).click();
    await expect.poll(mode).toBe('rehearsal');
    const mark = output.locator('[data-rehearsal-mark]:not([hidden])');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('REHEARSAL');
    // The board holds the bug off the picture: take the board out so the bug is drawn beside the mark.
    expect((await post(`${server.url}/api/out`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector('[data-layer="fullscreen"]', { state: 'detached' });
    await output.waitForFunction(() => getComputedStyle(document.querySelector('[data-layer="bug"]')!).opacity === '1');
    const [box, bug] = [(await mark.boundingBox())!, (await output.locator('[data-layer="bug"]').boundingBox())!];
    // The output page is 1920x1080, so its stage is at scale 1: title-safe is 96 px in from the sides, 54 from the top.
    expect(box.x).toBeGreaterThanOrEqual(96);
    expect(box.y).toBeGreaterThanOrEqual(54);
    expect(box.x + box.width).toBeLessThanOrEqual(1920 - 96);
    const overlaps = box.x < bug.x + bug.width && bug.x < box.x + box.width && box.y < bug.y + bug.height && bug.y < box.y + box.height;
    expect(overlaps).toBe(false);
    // The console's program monitor is drawn by the same renderer: the operator sees the mark too.
    await page.locator('.monitor-program [data-rehearsal-mark]:not([hidden])').waitFor();
    await new Promise((r) => setTimeout(r, 800)); // past the update's animation, for a still to look at
    await output.screenshot({ path: '/tmp/output-rehearsal-mark-1920.png' });
    // The seat result back on air, for the stop that follows.
    await takeToAir(server.url, output, 'result', 'fullscreen');
    expect((await post(`${server.url}/api/cue`, { cueId: 'corner' })).status).toBe(200);
  });

  it('asks before stopping over a bound graphic on air; once confirmed, the mark goes', async () => {
    await page.getByRole('button', { name: 'Stop rehearsal', exact: true }).click();
    await confirm('stop').waitFor();
    expect(await confirm('stop').textContent()).toContain('AWAITING DECLARATION');
    expect(await confirm('stop').locator('li').allTextContents()).toEqual(['FULLSCREEN on air Peterborough result']);
    expect(mode()).toBe('rehearsal');
    await confirm('stop').getByRole('button', { name: 'Stop rehearsal anyway' }).click();
    await expect.poll(mode).toBe('live');
    await output.locator('[data-rehearsal-mark]').waitFor({ state: 'hidden' });
  });

  it('starts at once, with no question, when nothing bound is on air or in preview; unmarked only when unticked', async () => {
    expect(server.engine.dispatch({ type: 'clear-all' }).ok).toBe(true);
    await page.locator('.layer-row.live').first().waitFor({ state: 'detached' });
    await page.locator('.stack-viewport [data-cue-id="corner"]').click();
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('corner');
    await page.getByLabel('REHEARSAL mark on the outputs').uncheck();
    await page.getByRole('button', { name: 'Start rehearsal', exact: true }).click();
    await expect.poll(mode).toBe('rehearsal');
    expect(await confirm('start').count()).toBe(0);
    expect(server.engine.programSnapshot()).not.toHaveProperty('rehearsalMark');
    expect(await output.locator('[data-rehearsal-mark]').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Stop rehearsal', exact: true }).click();
    await expect.poll(mode).toBe('live');
  });
});
