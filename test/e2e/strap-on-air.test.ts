import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** The whole slice, through real parts: server on loopback, console and output pages in Chromium. */
describe.skipIf(missing !== null)('a strap goes to air from the console and shows on the output', () => {
  let server: TestServer;
  let browser: Browser;
  let consolePage: Page;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    consolePage = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await consolePage.goto(`${server.url}/`);
    await output.goto(`${server.url}/output`);
    await consolePage.waitForSelector('[data-cue-id="wa-teetering"]');
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const strap = () => output.locator('[data-layer="lower-third"]');

  it('takes a strap with the keyboard and the output animates it in', async () => {
    await consolePage.click('[data-cue-id="wa-teetering"]');
    await consolePage.waitForFunction(() => document.querySelector('[data-cue-id="wa-teetering"]')?.getAttribute('aria-selected') === 'true');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('wa-teetering');
    // Every phase the strap shows on air, as the page sees it: a read after the fact could come
    // after a short in-animation has finished on a loaded machine.
    await output.evaluate(`(() => {
      window.phases = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-layer="lower-third"]:not([data-preload])');
        const phase = el && el.getAttribute('data-phase');
        if (phase && window.phases[window.phases.length - 1] !== phase) window.phases.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-preload'] });
    })()`);
    await consolePage.keyboard.press('Space');
    await output.waitForSelector('[data-layer="lower-third"][data-cue-id="wa-teetering"]');
    expect(await strap().getAttribute('data-template')).toBe('strap');
    await output.waitForSelector('[data-layer="lower-third"][data-phase="on"]');
    expect(await output.evaluate('window.phases')).toEqual(['in', 'on']);
    expect(await strap().locator('.strap-headline').textContent()).toBe('Tories teetering in Wales');
    expect(await strap().getAttribute('data-step')).toBe('1');
  });

  it('updates the strap on air without replaying its in-animation', async () => {
    const r = await post(`${server.url}/api/command`, { type: 'update', layer: 'lower-third', fields: { headline: 'Conservatives hold Monmouthshire' } });
    expect(r.status).toBe(200);
    await output.waitForFunction(
      () => document.querySelector('[data-layer="lower-third"] .strap-headline')?.textContent === 'Conservatives hold Monmouthshire',
    );
    // The same element stayed on air, in phase "on": no new graphic, no in.
    expect(await output.locator('[data-layer="lower-third"]').count()).toBe(1);
    expect(await strap().getAttribute('data-phase')).toBe('on');
  });

  it('brings the strap back after a reload, cut straight to its steady state', async () => {
    await output.reload();
    await output.waitForSelector('[data-layer="lower-third"]');
    // Straight to "on": the reconnect never plays the in-animation.
    expect(await strap().getAttribute('data-phase')).toBe('on');
    const opacity = await strap()
      .locator('.strap-headline')
      .evaluate((el) => getComputedStyle(el).opacity);
    expect(opacity).toBe('1');
    expect(await strap().locator('.strap-headline').textContent()).toBe('Conservatives hold Monmouthshire');
  });

  it('takes it out with Escape from the console', async () => {
    await consolePage.keyboard.press('Escape');
    await output.waitForSelector('[data-layer="lower-third"][data-phase="out"]');
    await output.waitForSelector('[data-layer="lower-third"]', { state: 'detached' });
    expect(server.engine.programSnapshot().program['lower-third']).toBeUndefined();
  });

  it('takes through POST /api/take, and CLEAR ALL clears it', async () => {
    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-landslide' })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, {})).json).toMatchObject({ ok: true });
    await output.waitForSelector('[data-cue-id="ep-landslide"][data-phase="on"]');
    await consolePage.getByRole('button', { name: 'CLEAR ALL' }).click();
    await output.waitForSelector('[data-cue-id="ep-landslide"]', { state: 'detached' });
    expect(server.engine.programSnapshot().program).toEqual({});
  });

  it('shows what is on air in the console program monitor and on-air bar', async () => {
    await post(`${server.url}/api/cue`, { cueId: 'wa-plaid-four' });
    await post(`${server.url}/api/take`, {});
    await consolePage.waitForSelector('.monitor [data-cue-id="wa-plaid-four"]');
    await expect.poll(() => consolePage.locator('[data-layer-row="lower-third"] .layer-what').textContent()).toBe('Plaid Cymru: four seats');
    await post(`${server.url}/api/clear`, {});
  });

  it('typing never takes: Space, Enter and Escape in a field stay in the field, but the panic key clears from it', async () => {
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
    await post(`${server.url}/api/cue`, { cueId: 'wa-plaid-four' });
    expect((await post(`${server.url}/api/take`, {})).json).toMatchObject({ ok: true });
    // Select another cue in the console, so a leaked Space or Enter would take it.
    await consolePage.click('[data-cue-id="wa-32-seats"]');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('wa-32-seats');
    await consolePage.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'probe';
      document.body.append(input);
    });
    await consolePage.focus('#probe');
    await consolePage.keyboard.type('a b');
    await consolePage.keyboard.press('Enter');
    await consolePage.keyboard.press('Escape');
    expect(await consolePage.inputValue('#probe')).toBe('a b');
    expect(server.engine.programSnapshot().program['lower-third']?.cueId).toBe('wa-plaid-four');
    // CLEAR ALL is the one key that fires from any focus, a field included.
    await consolePage.keyboard.press('F12');
    await expect.poll(() => server.engine.programSnapshot().program).toEqual({});
    expect(await consolePage.inputValue('#probe')).toBe('a b');
    // The same keys outside the field do act: Space takes the selected cue.
    await consolePage.locator('#probe').blur();
    await new Promise((r) => setTimeout(r, 250));
    await consolePage.keyboard.press('Space');
    await expect.poll(() => server.engine.programSnapshot().program['lower-third']?.cueId).toBe('wa-32-seats');
    await consolePage.keyboard.press('F12');
    await expect.poll(() => server.engine.programSnapshot().program).toEqual({});
  });

  it('wrote every on-air change to the as-run log, one JSON object a line', async () => {
    // The as-run log is appended in batches, flushed within a second: read it once the last entry is there.
    const read = async () =>
      (await readFile(server.asRunPath, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { action: string; cueId: string; at: string });
    await expect.poll(async () => (await read()).length, { timeout: 5000 }).toBe(11);
    const lines = await read();
    expect(lines.map((l) => `${l.action}:${l.cueId}`)).toEqual([
      'take:wa-teetering',
      'update:wa-teetering',
      'out:wa-teetering',
      'take:ep-landslide',
      'clear-all:ep-landslide',
      'take:wa-plaid-four',
      'clear-all:wa-plaid-four',
      'take:wa-plaid-four',
      'clear-all:wa-plaid-four',
      'take:wa-32-seats',
      'clear-all:wa-32-seats',
    ]);
    for (const l of lines) expect(Date.parse(l.at)).not.toBeNaN();
  });
});
