import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProgramSnapshot } from '../../../main/engine/protocol';

/**
 * The Electron shell's own decisions, run for real with Electron faked
 * (test/support/fake-electron.ts): Electron's binary cannot be downloaded on
 * this machine, so no real BrowserWindow, renderer crash or reload can happen
 * here. What is tested is main/shell itself: the options it gives windows,
 * the handlers it installs, and what it does when a renderer dies. Whether
 * Electron then honours them (and the "within one second" of a real renderer
 * restart) needs the binary and is left to a machine that has it.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../../support/fake-electron');
const { FakeBrowserWindow, ipcHandlers, ipcListeners, sessionHooks } = fake;

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let home: string;
let apiUrl = '';
const windows = () => FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
const outputWindow = () => windows().find((w) => w.url === `${apiUrl}/output`)!;
const consoleWindow = () => windows().find((w) => w.url === `${apiUrl}/`)!;

beforeAll(async () => {
  // The shell keeps its as-run log and data folder under the home folder: keep them in a temp one.
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-'));
  apiUrl = await fake.startShell(home, { STRAPLINE_PORT: '0' });
});
afterAll(async () => {
  // The engine's stop writes its last files in home: wait for it (the shell quits once stopped).
  const quits = fake.app.quitCalls;
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await until(() => fake.app.quitCalls > quits, 'the engine to stop');
  await rm(home, { recursive: true, force: true });
});

/** An IPC message as Electron would deliver it from a window's main frame. */
const from = (w: InstanceType<typeof FakeBrowserWindow>) => ({ sender: w.webContents, senderFrame: { url: w.url } });
const command = (w: InstanceType<typeof FakeBrowserWindow>, c: unknown) =>
  (ipcHandlers.get('strapline:command') as (e: unknown, c: unknown) => Promise<{ ok: boolean }>)(from(w), c);
const ready = (w: InstanceType<typeof FakeBrowserWindow>) => (ipcListeners.get('strapline:ready') as (e: unknown) => void)(from(w));
/** The engine's program as the control API reports it, without the clock. */
async function engineState(): Promise<Omit<ProgramSnapshot, 'at'>> {
  const { revision, program, preview, composition } = (await (await fetch(`${apiUrl}/api/state`)).json()) as ProgramSnapshot;
  return { revision, program, preview, composition };
}

describe('the Electron security checklist, as main/shell sets it', () => {
  it('every window: context isolation, sandbox, no Node, web security, only our preload', () => {
    for (const w of windows()) {
      const prefs = w.options.webPreferences!;
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      for (const risky of [
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'enableBlinkFeatures',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webviewTag',
      ]) {
        expect(prefs[risky] ?? false).toBe(false);
      }
      expect(String(prefs.preload)).toMatch(/[/\\]preload[/\\](console|output)\.cjs$/);
    }
  });

  it("loads only the engine's own loopback server, at the port it bound, never remote content", () => {
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(
      windows()
        .map((w) => w.url)
        .sort(),
    ).toEqual([`${apiUrl}/`, `${apiUrl}/output`]);
  });

  it('blocks navigation, redirects, new windows and webviews', () => {
    for (const w of windows()) {
      expect(w.webContents.openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
      for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
        const e = { preventDefault: vi.fn() };
        w.webContents.emit(event, e, 'https://evil.example');
        expect(e.preventDefault, event).toHaveBeenCalled();
      }
    }
  });

  it('denies every permission request and sends our CSP with every response', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      (sessionHooks.permission as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
    }
    const answer = vi.fn();
    (sessionHooks.headers as (d: unknown, cb: (r: unknown) => void) => void)({ responseHeaders: { 'content-security-policy': ['*'] } }, answer);
    expect(answer.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toMatch(/script-src 'self'/);
  });

  it('the preloads expose fixed calls on fixed channels, and the output none that commands', async () => {
    await import('../../../main/shell/preload-console');
    const consoleApi = fake.exposed.get('strapline')!;
    await import('../../../main/shell/preload-output');
    const outputApi = fake.exposed.get('strapline')!;
    expect(Object.keys(consoleApi).sort()).toEqual(['onEvent', 'ready', 'send']);
    expect(Object.keys(outputApi).sort()).toEqual(['onEvent', 'ready', 'report']);
    (consoleApi.send as (c: unknown) => void)({ type: 'clear-all' });
    (outputApi.onEvent as (l: () => void) => void)(() => undefined);
    (outputApi.report as (r: unknown) => void)({ type: 'output-report', fps: 50, layers: ['bug'], revision: 0 });
    expect(new Set(fake.rendererCalls.map((c) => c.channel))).toEqual(new Set(['strapline:command', 'strapline:event', 'strapline:report']));
  });

  it('takes commands from the console window only', async () => {
    expect(await command(outputWindow(), { type: 'cue', cueId: 'wa-teetering' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await engineState()).preview).toBeNull();
  });
});

describe('isolation in the shell', () => {
  it('a dead output renderer is replaced at once, and the new one gets the same program', async () => {
    expect((await command(consoleWindow(), { type: 'cue', cueId: 'wa-teetering' })).ok).toBe(true);
    expect((await command(consoleWindow(), { type: 'take', cueId: 'wa-teetering' })).ok).toBe(true);
    const dead = outputWindow();
    dead.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    // Synchronously: no timer stands between the crash and the new window.
    const fresh = outputWindow();
    expect(dead.isDestroyed()).toBe(true);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(dead);
    ready(fresh);
    const events = fresh.webContents.sent.map((s) => s.payload as { type: string; data: ProgramSnapshot });
    expect(events.map((e) => e.type)).toEqual(['program']);
    const { at: _a, ...shown } = events[0]!.data;
    expect(shown).toEqual(await engineState());
    expect(shown.program['lower-third']?.cueId).toBe('wa-teetering');
  });

  it('a dead console reloads and comes back in sync; the air is untouched', async () => {
    const before = await engineState();
    const win = consoleWindow();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.reloads).toBe(1);
    win.webContents.sent.length = 0;
    ready(win);
    expect(win.webContents.sent.map((s) => (s.payload as { type: string }).type)).toEqual([
      'show',
      'results',
      'program',
      'outputs',
      'drop',
      'storage',
      'templates',
    ]);
    const { at: _a, ...program } = (win.webContents.sent[2]!.payload as { data: ProgramSnapshot }).data;
    expect(program).toEqual(before);
    expect((await engineState()).program).toEqual(before.program);
  });

  it('closing the console ends the app; the output never closes on its own', () => {
    consoleWindow().destroy();
    expect(fake.app.quitCalls).toBe(1);
  });
});
