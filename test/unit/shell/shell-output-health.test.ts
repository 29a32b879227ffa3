import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutputsSnapshot, ServerEvent } from '../../../main/engine/protocol';
import { WINDOW_PEER } from '../../../main/shell/output-reports';

/**
 * The Electron output window's health, end to end through the shell with
 * Electron faked (test/support/fake-electron.ts: its binary cannot run here).
 * Reports go in over the fake IPC exactly as the preload sends them; they are
 * read back the way a console sees them: over a real console WebSocket to the
 * real server, and in the events the shell sends the console window.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../../support/fake-electron');
const { FakeBrowserWindow, ipcListeners } = fake;
type Win = InstanceType<typeof FakeBrowserWindow>;

async function until<T>(get: () => T, what: string): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 20))) {
    const value = get();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let home: string;
let apiUrl = '';
let socket: WebSocket;
const seen: OutputsSnapshot[] = [];
const windows = () => FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
const outputWindow = () => windows().find((w) => w.url?.endsWith('/output'))!;
const consoleWindow = () => windows().find((w) => w.url?.endsWith('/'))!;
const from = (w: Win) => ({ sender: w.webContents, senderFrame: { url: w.url } });
const ready = (w: Win) => (ipcListeners.get('strapline:ready') as (e: unknown) => void)(from(w));
const reportAs = (w: Win, frameUrl: string, r: unknown) =>
  (ipcListeners.get('strapline:report') as (e: unknown, r: unknown) => void)({ sender: w.webContents, senderFrame: { url: frameUrl } }, r);
const report = (w: Win, r: unknown) => reportAs(w, w.url!, r);
const good = (revision: number) => ({ type: 'output-report', fps: 50, layers: ['fullscreen', 'lower-third', 'ticker', 'bug'], revision });
const windowEntries = () => seen.at(-1)?.outputs.filter((o) => o.peer === WINDOW_PEER) ?? [];
const consoleOutputs = () =>
  consoleWindow()
    .webContents.sent.map((s) => s.payload as ServerEvent)
    .filter((e) => e.type === 'outputs');

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-health-'));
  apiUrl = await fake.startShell(home, { STRAPLINE_PORT: '0' });
  // As the console's page does on load (its preload listens, then says ready): from then on it is a view of the hub.
  ready(consoleWindow());
  socket = new WebSocket(`${apiUrl.replace('http:', 'ws:')}/ws?role=console`);
  socket.on('message', (raw) => {
    const event = JSON.parse(String(raw)) as ServerEvent;
    if (event.type === 'outputs') seen.push(event.data);
  });
  await until(() => seen.length > 0, 'the console socket to get its first outputs snapshot');
}, 30_000);
afterAll(async () => {
  socket?.close();
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await until(() => fake.app.quitCalls > 0, 'the engine to stop');
  await rm(home, { recursive: true, force: true });
});

describe("the Electron output window in the consoles' output health", () => {
  it('is listed once its page says ready, and its reports reach a socket console and the console window', async () => {
    expect(windowEntries()).toEqual([]);
    ready(outputWindow());
    await until(() => windowEntries().length === 1, 'the window to be listed');
    report(outputWindow(), good(3));
    const [entry] = await until(() => (windowEntries()[0]?.fps === 50 ? windowEntries() : null), 'the report to be broadcast');
    expect(entry).toMatchObject({ disconnectedAt: null, revision: 3, layers: good(3).layers });
    expect(consoleOutputs().at(-1)).toEqual({ type: 'outputs', data: seen.at(-1) });
  });

  it('refuses a report from the console window, and malformed ones, changing nothing', async () => {
    const count = seen.length;
    const before = seen.at(-1);
    await pause(300); // past the report rate limit, so only the checks below can refuse them
    report(consoleWindow(), good(99));
    for (const bad of [{ type: 'take', cueId: 'a' }, { ...good(98), fps: 'fast' }, { ...good(97), extra: true }, null]) report(outputWindow(), bad);
    reportAs(outputWindow(), 'https://evil.example/output', good(96));
    // A good report now: the next broadcast must be it, so none of the above made one.
    report(outputWindow(), good(4));
    await until(() => seen.length > count, 'the good report');
    expect(seen.length).toBe(count + 1);
    expect(windowEntries()[0]).toMatchObject({ id: before!.outputs.find((o) => o.peer === WINDOW_PEER)!.id, revision: 4 });
  });

  it('a crashed output window is shown lost, and the window that replaces it is a new live entry', async () => {
    const dead = outputWindow();
    dead.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await until(() => windowEntries().length === 1 && windowEntries()[0]!.disconnectedAt !== null, 'the entry to show lost');
    const fresh = outputWindow();
    expect(fresh).not.toBe(dead);
    ready(fresh);
    await until(() => windowEntries().length === 2, 'the new window to be listed');
    expect(windowEntries().map((o) => o.disconnectedAt === null)).toEqual([false, true]);
    await pause(300);
    report(dead, good(5));
    report(fresh, good(6));
    await until(() => windowEntries()[1]?.revision === 6, "the new window's report");
    expect(windowEntries()[0]!.revision).toBe(4);
  });

  it('a console window that (re)loads gets what a socket console gets on connect, outputs included', () => {
    const win = consoleWindow();
    win.webContents.sent.length = 0;
    ready(win);
    const events = win.webContents.sent.map((s) => s.payload as ServerEvent);
    expect(events.map((e) => e.type)).toEqual(['show', 'results', 'program', 'outputs', 'drop', 'storage', 'templates']);
    expect((events[3]!.data as OutputsSnapshot).outputs.filter((o) => o.peer === WINDOW_PEER && o.disconnectedAt === null)).toHaveLength(1);
  });
});
