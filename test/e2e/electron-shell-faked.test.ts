import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SHOW } from '../../main/server/headless';
import { readShowFile } from '../../main/server/show-file';
import { SessionState } from '../../main/server/session-state';
import { TEMPLATES } from '../../main/templates/definitions';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { engineHarness } from '../support/engine-fixture';

/**
 * The Electron shell's main process with Electron faked (its binary cannot run
 * here: test/support/fake-electron.ts), and its two windows stood in for by
 * real Chromium pages at the URLs the shell gave them. A stand-in for each
 * preload (the same calls on the same channels) carries the page's IPC to the
 * shell's real ipcMain handlers, and the shell's webContents.send back into
 * the page. What this cannot prove (contextIsolation, the sandbox, Electron
 * honouring the options) is left to test/e2e/electron-shell.test.ts.
 */
vi.mock('electron', async () => {
  const fake = await import('../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../support/fake-electron');
type Win = InstanceType<typeof fake.FakeBrowserWindow>;
const SHOTS = process.env.STRAPLINE_SHOTS ?? path.join(os.tmpdir(), 'strapline-shots');

async function until(done: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 20_000; !done(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** What preload-console.ts / preload-output.ts expose, with ipcRenderer replaced by a Playwright binding. */
const preloadStandIn = (role: 'console' | 'output') => `
  window.__name = (f) => f;
  const listeners = [];
  window.__straplineDeliver = (event) => listeners.forEach((l) => l(event));
  const api = { onEvent: (l) => void listeners.push(l), ready: () => void window.__straplineIpc('send', 'strapline:ready', null) };
  ${
    role === 'console'
      ? "api.send = (c) => window.__straplineIpc('invoke', 'strapline:command', c);"
      : "api.report = (r) => void window.__straplineIpc('send', 'strapline:report', r);"
  }
  window.strapline = Object.freeze(api);`;

/** Opens `win`'s URL in a real page wired to the shell as that window. */
async function asWindow(browser: Browser, win: Win, role: 'console' | 'output', sockets: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.exposeBinding('__straplineIpc', (_source, method: string, channel: string, payload: unknown) => {
    const event = { sender: win.webContents, senderFrame: { url: page.url() } };
    if (method === 'invoke') return (fake.ipcHandlers.get(channel) as (e: unknown, p: unknown) => unknown)(event, payload);
    (fake.ipcListeners.get(channel) as (e: unknown, p: unknown) => void)(event, payload);
  });
  await page.addInitScript({ content: preloadStandIn(role) });
  const record = win.webContents.send.bind(win.webContents);
  win.webContents.send = (channel: string, payload: unknown) => {
    record(channel, payload);
    // In order over one CDP connection; lost, like a real IPC message, while no page listens.
    page.evaluate((e) => (window as unknown as { __straplineDeliver?: (e: unknown) => void }).__straplineDeliver?.(e), payload).catch(() => undefined);
  };
  await page.goto(win.url!);
  return page;
}

describe.skipIf(missing !== null)('the Electron shell (faked) with its pages in Chromium', () => {
  let home: string;
  let browser: Browser;
  let consolePage: Page;
  let output: Page;
  const sockets: string[] = [];

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-pages-'));
    // The last run died with the Wales strap on air.
    const demo = await readShowFile(DEMO_SHOW, TEMPLATES);
    if ('error' in demo) throw new Error(demo.error.message);
    const crashed = engineHarness(demo.show);
    const session = await SessionState.open(path.join(home, '.strapline'), Date.now, () => undefined);
    session.attach(crashed.engine);
    crashed.must({ type: 'cue', cueId: 'wa-teetering' });
    crashed.must({ type: 'take', cueId: 'wa-teetering' });
    await session.flush();
    for (const [k, v] of Object.entries({
      HOME: home,
      STRAPLINE_PORT: '0',
      STRAPLINE_TEST_USERDATA: home,
      STRAPLINE_SHOW: undefined,
      STRAPLINE_DATA: undefined,
    }))
      vi.stubEnv(k, v);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('../../main/shell/index');
    const windows = () => fake.FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
    await until(() => windows().length === 2, 'the shell to open its two windows');
    browser = await launchChromium();
    output = await asWindow(
      browser,
      windows().find((w) => w.url!.endsWith('/output'))!,
      'output',
      sockets,
    );
    consolePage = await asWindow(
      browser,
      windows().find((w) => w.url!.endsWith('/'))!,
      'console',
      sockets,
    );
    await consolePage.waitForSelector('[data-cue-id="wa-teetering"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    const quits = fake.app.quitCalls;
    fake.app.emit('before-quit', { preventDefault: () => undefined });
    await until(() => fake.app.quitCalls > quits, 'the engine to stop');
    if (home) await rm(home, { recursive: true, force: true });
  });

  it("the console's /api panels work from the server's origin: show bar and the crash-recovery offer", async () => {
    await consolePage.waitForSelector('[data-recovery] [data-restore-layer="lower-third"]');
    expect(await consolePage.textContent('[data-show-name]')).toBeTruthy();
    await consolePage.screenshot({ path: path.join(SHOTS, 'electron-faked-console-recovery.png') });
  });

  it('RESTORE TO AIR (a POST from the page) puts the strap back, and the output window gets it over IPC', async () => {
    await consolePage.click('[data-recovery] .btn.restore');
    await output.waitForSelector('[data-layer="lower-third"][data-cue-id="wa-teetering"][data-phase="on"]');
    await consolePage.waitForSelector('[data-recovery]', { state: 'detached' });
  });

  it("the output window's frame reports reach the console's status bar, with no socket anywhere", async () => {
    await consolePage.waitForSelector('.output-health [data-output-state="ok"], .output-health [data-output-state="slow"]', { timeout: 15_000 });
    expect(await consolePage.locator('.output-health [data-output-id]').count()).toBe(1);
    expect(sockets).toEqual([]);
    await consolePage.screenshot({ path: path.join(SHOTS, 'electron-faked-console-health.png') });
    await output.screenshot({ path: path.join(SHOTS, 'electron-faked-output.png') });
  });
});
