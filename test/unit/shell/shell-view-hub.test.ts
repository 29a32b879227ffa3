import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../../main/engine/protocol';
import type { Headless } from '../../../main/server/headless';

/**
 * Electron's windows as views of the one hub, through the shell with Electron
 * faked (test/support/fake-electron.ts: its binary cannot run here). What the
 * windows are sent is set beside what a real console socket to the same real
 * server hears. The headless module is the real one; it is only wrapped so the
 * test holds the engine the shell started, to fail a listener of it (a fault)
 * and to report failing writes as the server's StorageHealth does.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
let started: Headless | null = null;
vi.mock('../../../main/server/headless', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/server/headless')>();
  return { ...real, startHeadless: async (...args: Parameters<typeof real.startHeadless>) => (started = await real.startHeadless(...args)) };
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

let home: string;
let apiUrl = '';
let socket: WebSocket;
const heard: ServerEvent[] = [];
/** Every event sent to either window, in the order the shell sent them. */
const sent: { to: 'console' | 'output'; event: ServerEvent }[] = [];
const windows = () => FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
const outputWindow = () => windows().find((w) => w.url?.endsWith('/output'))!;
const consoleWindow = () => windows().find((w) => w.url?.endsWith('/'))!;
const ready = (w: Win) => (ipcListeners.get('strapline:ready') as (e: unknown) => void)({ sender: w.webContents, senderFrame: { url: w.url } });
const to = (who: 'console' | 'output') => sent.filter((s) => s.to === who).map((s) => s.event);
/** Cues one of the first stack's cues that is not in preview now: a change of the program, so a program snapshot. */
const cueNext = async () => {
  const { stacks } = (await (await fetch(`${apiUrl}/api/stacks`)).json()) as { stacks: { cues: { id: string }[] }[] };
  const { preview } = (await (await fetch(`${apiUrl}/api/state`)).json()) as { preview: { cueId: string } | null };
  return post('/api/cue', { cueId: stacks[0]!.cues.find((c) => c.id !== preview?.cueId)!.id });
};
const post = (route: string, body: unknown) =>
  fetch(`${apiUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
function record(w: Win, who: 'console' | 'output'): void {
  const send = w.webContents.send.bind(w.webContents);
  w.webContents.send = (channel: string, payload: unknown) => {
    send(channel, payload);
    // Through a copy, as IPC's structured clone would give the page.
    sent.push({ to: who, event: JSON.parse(JSON.stringify(payload)) as ServerEvent });
  };
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-hub-'));
  apiUrl = await fake.startShell(home, { STRAPLINE_PORT: '0' });
  record(consoleWindow(), 'console');
  record(outputWindow(), 'output');
  ready(consoleWindow());
  ready(outputWindow());
  socket = new WebSocket(`${apiUrl.replace('http:', 'ws:')}/ws?role=console`);
  socket.on('message', (raw) => void heard.push(JSON.parse(String(raw)) as ServerEvent));
  await until(() => heard.some((e) => e.type === 'storage'), "the socket console's greeting");
}, 30_000);
afterAll(async () => {
  socket?.close();
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await until(() => fake.app.quitCalls > 0, 'the engine to stop');
  await rm(home, { recursive: true, force: true });
});

describe("Electron's windows as views of the one hub", () => {
  it('the output window gets every program snapshot before the console window does', async () => {
    sent.length = 0;
    const { stacks } = (await (await fetch(`${apiUrl}/api/stacks`)).json()) as { stacks: { cues: { id: string }[] }[] };
    const cueId = stacks[0]!.cues[0]!.id;
    expect((await post('/api/cue', { cueId })).status).toBe(200);
    expect((await post('/api/take', { cueId })).status).toBe(200);
    expect((await post('/api/clear', {})).status).toBe(200);
    const programs = sent.filter((s) => s.event.type === 'program');
    expect(programs.length).toBeGreaterThanOrEqual(6);
    // Pairs, the output's first: [output, console, output, console, ...], each pair the same snapshot.
    expect(programs.map((p) => p.to)).toEqual(programs.map((_p, i) => (i % 2 === 0 ? 'output' : 'console')));
    for (let i = 0; i < programs.length; i += 2) expect(programs[i]!.event).toEqual(programs[i + 1]!.event);
  });

  it('the console window is told of a fault the server caught, as a socket console is; the output window is not', async () => {
    const engine = started!.engine;
    const off = engine.subscribe((event) => {
      if (event.type === 'program') throw new Error('listener boom');
    });
    const [windowFrom, socketFrom] = [to('console').length, heard.length];
    try {
      expect((await cueNext()).status).toBe(200);
    } finally {
      off();
    }
    await until(() => heard.slice(socketFrom).some((e) => e.type === 'error'), 'the fault on the socket');
    const fault = to('console')
      .slice(windowFrom)
      .find((e) => e.type === 'error');
    expect(fault).toMatchObject({
      type: 'error',
      data: { message: expect.stringMatching(/^Internal error in a listener to the program event: listener boom\. The server kept running/) },
    });
    expect(fault).toEqual(heard.slice(socketFrom).find((e) => e.type === 'error'));
    expect(to('output').some((e) => e.type === 'error')).toBe(false);
  });

  it('the console window hears the storage, drop and outputs events exactly as a socket console does', async () => {
    const engine = started!.engine;
    const [windowFrom, socketFrom] = [to('console').length, heard.length];
    engine.reportStorage([{ what: 'autosave', message: 'ENOSPC: no space left on device', since: Date.now() }]);
    // A second output (a browser source) connects and goes: two changes of the outputs' health.
    const source = new WebSocket(`${apiUrl.replace('http:', 'ws:')}/ws?role=output`);
    await new Promise((resolve, reject) => source.once('open', resolve).once('error', reject));
    source.close();
    engine.reportStorage([]);
    await until(
      () =>
        heard.slice(socketFrom).filter((e) => e.type === 'storage').length === 2 && heard.slice(socketFrom).filter((e) => e.type === 'outputs').length === 2,
      'the socket to hear it all',
    );
    const kinds = new Set(['storage', 'drop', 'outputs']);
    const windowHeard = to('console')
      .slice(windowFrom)
      .filter((e) => kinds.has(e.type));
    expect(windowHeard).toEqual(heard.slice(socketFrom).filter((e) => kinds.has(e.type)));
    expect(windowHeard.filter((e) => e.type === 'storage').map((e) => e.data)).toEqual([
      { faults: [expect.objectContaining({ what: 'autosave' })] },
      { faults: [] },
    ]);
  });

  it('a console window that reloads is greeted again and registered once: it hears each event once', async () => {
    const win = consoleWindow();
    sent.length = 0;
    ready(win);
    expect(to('console').map((e) => e.type)).toEqual(['show', 'results', 'program', 'outputs', 'drop', 'storage', 'templates']);
    // No drop folder in the shell (nothing sets one): its greeting says so, as a socket console's does.
    expect(to('console')[4]).toEqual(heard.find((e) => e.type === 'drop'));
    sent.length = 0;
    expect((await cueNext()).status).toBe(200);
    await until(() => to('console').some((e) => e.type === 'program'), 'the program');
    expect(to('console').filter((e) => e.type === 'program')).toHaveLength(1);
    expect(to('output').filter((e) => e.type === 'program')).toHaveLength(1);
  });
});
