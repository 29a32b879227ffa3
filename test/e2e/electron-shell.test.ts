import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';

/**
 * The real Electron app, driven by Playwright. Electron's binary cannot be
 * downloaded on the project's build machines, so where it is absent these
 * tests skip and say why; everything below the shell is covered headless.
 */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: "Electron's binary is not installed (npm could not download it here)" };
  } catch (e) {
    return { reason: `Electron is not installed: ${(e as Error).message.split('\n')[0]}` };
  }
}

const binary = electronBinary();
if ('reason' in binary) console.warn(`Electron e2e skipped: ${binary.reason}`);

describe.skipIf('reason' in binary)('the Electron app', () => {
  let app: ElectronApplication;
  let consoleWin: Page;
  let outputWin: Page;
  let data: string;

  beforeAll(async () => {
    // Its own data folder, so a run never finds (or leaves) a real operator's autosaves.
    data = await mkdtemp(path.join(os.tmpdir(), 'strapline-electron-'));
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, STRAPLINE_PORT: '0', STRAPLINE_DATA: data },
    });
    const windows = async () => app.windows();
    await expect.poll(async () => (await windows()).length, { timeout: 20_000 }).toBe(2);
    for (const w of app.windows()) {
      if (new URL(w.url()).pathname === '/output') outputWin = w;
      else consoleWin = w;
    }
    await consoleWin.waitForSelector('[data-cue-id="wa-teetering"]');
  });

  afterAll(async () => {
    await app?.close();
    await rm(data, { recursive: true, force: true });
  });

  it('gives pages no Node: only the bridge the preload exposes', async () => {
    for (const page of [consoleWin, outputWin]) {
      const seen = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { strapline: object }).strapline).sort(),
      }));
      expect(seen.require).toBe('undefined');
      expect(seen.process).toBe('undefined');
      expect(seen.bridge).toEqual(page === outputWin ? ['onEvent', 'ready', 'report'] : ['onEvent', 'ready', 'send']);
    }
  });

  it("loads both windows from the engine's loopback server, so the console's /api panels work", async () => {
    const origin = new URL(consoleWin.url()).origin;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(outputWin.url()).origin).toBe(origin);
    // The show files bar is filled from GET /api/show.
    await consoleWin.waitForSelector('[data-show-name]');
    expect(await consoleWin.evaluate(async () => (await fetch('/api/show')).status)).toBe(200);
  });

  it('autosaves and records the session in its data folder', async () => {
    const session = JSON.parse(await readFile(path.join(data, 'session.json'), 'utf8')) as { running: boolean };
    expect(session.running).toBe(true);
  });

  it("shows the output window's health in the console's status bar", async () => {
    await consoleWin.waitForSelector('.output-health [data-output-state="ok"], .output-health [data-output-state="slow"]', { timeout: 15_000 });
  });

  it('takes a strap from the console to the output window over IPC', async () => {
    await consoleWin.click('[data-cue-id="wa-teetering"]');
    await consoleWin.keyboard.press('Space');
    await outputWin.waitForSelector('[data-layer="lower-third"][data-cue-id="wa-teetering"][data-phase="on"]');
  });

  it('recreates a crashed output and restores what was on air, without an in-animation', async () => {
    await app.evaluate(({ BrowserWindow }) => {
      const out = BrowserWindow.getAllWindows().find((w: { webContents: { getURL(): string } }) => w.webContents.getURL().endsWith('/output'));
      out?.webContents.forcefullyCrashRenderer();
    });
    const fresh = await app.waitForEvent('window', { timeout: 10_000 });
    await fresh.waitForSelector('[data-layer="lower-third"][data-cue-id="wa-teetering"]');
    expect(await fresh.getAttribute('[data-layer="lower-third"]', 'data-phase')).toBe('on');
  });
});
