import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';
import { CutProxy } from '../support/cut-proxy';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * Isolation through real parts: the headless server, and console and output
 * pages in Chromium. The console is crashed (CDP Page.crash) and reloaded in
 * the middle of takes; an output's network is cut mid-show by a relay
 * (test/support/cut-proxy.ts). Electron's own renderer restart cannot run here
 * (no Electron binary); test/unit/shell/shell-hardening.test.ts covers the
 * shell's part of it with Electron faked.
 */

/** Every phase each output graphic passes through, recorded from before the page's own scripts run. */
const PHASE_RECORDER = `
window.__name = (f) => f;
window.__phases = [];
new MutationObserver((records) => {
  for (const r of records) {
    const nodes = r.type === 'attributes' ? [r.target] : [...r.addedNodes];
    for (const n of nodes) {
      if (!(n instanceof HTMLElement)) continue;
      for (const el of [n, ...n.querySelectorAll('[data-phase]')]) {
        if (el.dataset.phase && el.dataset.layer) window.__phases.push(el.dataset.cueId + ':' + el.dataset.phase);
      }
    }
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });`;

describe.skipIf(missing !== null)('isolation: the air outlives the console and the network', () => {
  let server: TestServer;
  let proxy: CutProxy;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    server = await startTestServer();
    proxy = await CutProxy.start(server.server.port);
    browser = await launchChromium();
    output = await openOutput(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
  });

  async function openOutput(base: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript({ content: PHASE_RECORDER });
    await page.goto(`${base}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    return page;
  }

  /** A console page that remembers the revision of the last program snapshot it was sent. */
  async function openConsole(): Promise<{ page: Page; lastRevision: () => number }> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    let last = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; data?: { revision?: number } };
        if (message.type === 'program') last = message.data!.revision!;
      }),
    );
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-cue-id="wa-teetering"]');
    return { page, lastRevision: () => last };
  }

  const phases = (page: Page) => page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
  const onAir = (layer: string) => server.engine.programSnapshot().program[layer as 'lower-third']?.cueId;
  const crash = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  };

  it('the console crashes during a take: the take plays out, and a new console comes back in sync', async () => {
    const first = await openConsole();
    await first.page.click('[data-cue-id="wa-teetering"]');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('wa-teetering');
    await first.page.keyboard.press('Space');
    await expect.poll(() => onAir('lower-third')).toBe('wa-teetering');
    const takenAt = server.engine.programSnapshot().revision;
    await crash(first.page);
    // The output finishes the in-animation it started, with no console alive.
    await output.waitForSelector('[data-cue-id="wa-teetering"][data-phase="on"]');
    expect(await phases(output)).toEqual(['wa-teetering:in', 'wa-teetering:on']);
    expect(server.engine.programSnapshot().revision).toBe(takenAt);
    // The air moves on while no console is open.
    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-landslide' })).status).toBe(200);
    const second = await openConsole();
    await second.page.waitForSelector('[data-cue-id="ep-landslide"][aria-selected="true"]');
    await expect.poll(() => second.page.locator('[data-layer-row="lower-third"] .layer-what').textContent()).toBe('Tories teetering in Wales');
    expect(second.lastRevision()).toBe(server.engine.programSnapshot().revision);
    await second.page.close();
  });

  it('the console reloads during a take: the output carries on and the console resyncs', async () => {
    const c = await openConsole();
    await c.page.waitForSelector('[data-cue-id="ep-landslide"][aria-selected="true"]');
    await c.page.keyboard.press('Space');
    await expect.poll(() => onAir('lower-third')).toBe('ep-landslide');
    await c.page.reload();
    await output.waitForSelector('[data-cue-id="ep-landslide"][data-phase="on"]');
    expect((await phases(output)).slice(-2)).toEqual(['ep-landslide:in', 'ep-landslide:on']);
    await c.page.waitForSelector('[data-cue-id="wa-teetering"]');
    await expect.poll(() => c.page.locator('[data-layer-row="lower-third"] .layer-what').textContent()).toBe('Exit poll: Labour 410');
    await expect.poll(() => c.lastRevision()).toBe(server.engine.programSnapshot().revision);
    await c.page.close();
  });

  it('an output cut off mid-show keeps its picture, retries with backoff, and cuts to the program when back', async () => {
    const remote = await openOutput(`http://127.0.0.1:${proxy.port}`);
    await remote.waitForSelector('[data-cue-id="ep-landslide"][data-phase="on"]');
    proxy.pull();
    await remote.waitForFunction(() => document.body.dataset.connection !== 'open');
    // The air changes while this output cannot hear it.
    await post(`${server.url}/api/cue`, { cueId: 'wa-plaid-four' });
    expect((await post(`${server.url}/api/take`, {})).status).toBe(200);
    await expect.poll(() => proxy.attempts.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    // What it had stays up, whole, while it is cut off.
    const kept = remote.locator('[data-layer="lower-third"]');
    expect(await kept.getAttribute('data-cue-id')).toBe('ep-landslide');
    expect(await kept.getAttribute('data-phase')).toBe('on');
    expect(await kept.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    // Each wait is longer than the one before (250 ms doubling): no hammering a server that is down.
    const gaps = proxy.attempts.slice(1).map((t, i) => t - proxy.attempts[i]!);
    for (let i = 1; i < gaps.length; i += 1) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]! * 1.4);
    proxy.restore();
    await remote.waitForSelector('[data-cue-id="wa-plaid-four"][data-phase="on"]', { timeout: 10_000 });
    await remote.waitForSelector('[data-cue-id="ep-landslide"]', { state: 'detached' });
    expect(await phases(remote)).not.toContain('wa-plaid-four:in');
    expect(await remote.evaluate(() => Number(document.body.dataset.revision))).toBe(server.engine.programSnapshot().revision);
    await remote.close();
  });

  it('an output page whose renderer dies comes back with the same program, cut, not replayed', async () => {
    await crash(output);
    const reborn = await openOutput(server.url);
    await reborn.waitForSelector('[data-cue-id="wa-plaid-four"][data-phase="on"]');
    expect(await phases(reborn)).toEqual(['wa-plaid-four:on']);
    expect(onAir('lower-third')).toBe('wa-plaid-four');
  });
});
