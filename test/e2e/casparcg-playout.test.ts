import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import { openOutputPage } from '../support/output-page';
import { installTakeProbe, probeCue, probeTake } from '../support/take-probe';
import { CasparcgStandin } from '../support/casparcg-standin';
import { CASPARCG_SHOW, TEST_TEMPLATES, allConnected, bare, configureCasparcg } from '../support/casparcg-show';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * CasparCG outputs beside Strapline's own output page, in Chromium. The stand-in
 * (test/support/casparcg-standin.ts) replaces a real CasparCG Server, which cannot
 * run here; where a real server's HTML producer (Chromium, through CEF) would load
 * Strapline's page, the test loads the URL the stand-in was sent in Chromium itself.
 */
describe.skipIf(missing !== null)('CasparCG playout beside the output page', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let html: CasparcgStandin;
  let slow: CasparcgStandin;

  beforeAll(async () => {
    server = await startTestServer({ show: CASPARCG_SHOW });
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
    await installTakeProbe(output);
    html = await CasparcgStandin.start();
    slow = await CasparcgStandin.start();
    await configureCasparcg(server, [
      { id: 'html', main: { host: '127.0.0.1', port: html.port }, channel: 1, mode: 'strapline', layers: { 'lower-third': 20, bug: 40 } },
      { id: 'slow', main: { host: '127.0.0.1', port: slow.port }, channel: 1, mode: 'templates', templates: TEST_TEMPLATES },
    ]);
    await allConnected(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await html?.stop();
    await slow?.stop();
  });

  it("a strapline-mode server plays each layer's /output page, which cuts to what is on air when (re)loaded", async () => {
    await expect
      .poll(() => html.received(/PLAY 1-\d+ \[html\]/i).map((c) => bare(c.line)))
      .toEqual([`PLAY 1-20 [html] ${server.url}/output?layers=lower-third`, `PLAY 1-40 [html] ${server.url}/output?layers=bug`]);
    await probeCue(output, 'strap-a');
    await probeTake(output, 'strap-a');
    // The server drops and comes back: the page is played again, and (as the HTML producer would) loads at the steady state.
    const before = html.commands.length;
    html.dropConnections();
    await expect.poll(() => html.commands.slice(before).filter((c) => /PLAY 1-20 \[html\]/i.test(c.line)).length, { timeout: 10_000 }).toBe(1);
    const producer = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await producer.goto(html.layer(1, 20)!.html!);
    await producer.waitForSelector('[data-layer="lower-third"][data-cue-id="strap-a"][data-phase="on"]');
    const phases = await producer.evaluate(() => [...document.querySelectorAll('[data-layer]')].map((e) => (e as HTMLElement).dataset.layer));
    expect(phases).toEqual(['lower-third']);
    await producer.close();
  });

  it("a slow CasparCG server does not hold up the output page's take", async () => {
    slow.delayMs = 1500;
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
    await probeCue(output, 'strap-b');
    const sentAt = await output.evaluate(() => performance.timeOrigin + performance.now());
    const timing = await probeTake(output, 'strap-b');
    const landedAt = sentAt + timing.dom;
    const playsSince = () => slow.received(/CG 1-2\d PLAY/).filter((c) => c.at >= sentAt);
    await expect.poll(() => playsSince().length, { timeout: 15_000 }).toBe(1);
    const play = playsSince()[0]!;
    // The page had the take on screen before the slow server had even acted on its CG PLAY.
    expect(landedAt).toBeLessThan(play.answeredAt);
    slow.delayMs = 0;
  });

  it('shows each server in the console status bar', async () => {
    const consolePage = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await consolePage.goto(`${server.url}/`);
    await consolePage.waitForSelector('[data-casparcg="html"][data-casparcg-state="ok"]');
    await consolePage.waitForSelector('[data-casparcg="slow"][data-casparcg-state]');
    await html.stop();
    await consolePage.waitForSelector('[data-casparcg="html"][data-casparcg-state="down"]');
    await consolePage.locator('.status-bar').screenshot({ path: '/tmp/casparcg-status.png' });
    // A pair whose backup is not there: both servers listed, and the flag that they differ.
    await configureCasparcg(server, [
      {
        id: 'pair',
        main: { host: '127.0.0.1', port: slow.port },
        backup: { host: '127.0.0.1', port: html.port },
        channel: 1,
        mode: 'templates',
        templates: TEST_TEMPLATES,
      },
    ]);
    await consolePage.waitForSelector('[data-casparcg="pair"][data-casparcg-role="main"][data-casparcg-state="ok"]');
    await consolePage.waitForSelector('[data-casparcg="pair"][data-casparcg-role="backup"][data-casparcg-state="down"]');
    await expect.poll(() => consolePage.locator('[data-casparcg-disagree="pair"]').getAttribute('title')).toBe('backup is not connected');
    await consolePage.locator('.status-bar').screenshot({ path: '/tmp/casparcg-pair.png' });
    await consolePage.close();
  });
});
