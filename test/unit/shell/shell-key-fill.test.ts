import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../../main/engine/protocol';

/**
 * Key and fill as two Electron windows on two displays (issue 13 item 10), through the shell
 * with Electron faked (test/support/fake-electron.ts: its binary cannot run here). This proves
 * the shell's own decisions: which windows it opens, where, with what options and pages, that
 * both get every snapshot and both count as outputs, and that one rebuilt after a crash comes
 * back as the same half. That the two pages then draw a matching key and fill is proved in
 * Chromium by test/e2e/key-fill.test.ts and key-fill-offset.test.ts; that Electron honours the
 * options is left to test/e2e/electron-shell.test.ts where its binary exists.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../../support/fake-electron');
const { FakeBrowserWindow, ipcListeners } = fake;
type Win = InstanceType<typeof FakeBrowserWindow>;
interface MenuItem {
  label?: string;
  submenu?: MenuItem[];
  click?: () => void;
  checked?: boolean;
}

async function until<T>(get: () => T, what: string): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 20))) {
    const value = get();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

let home: string;
let apiUrl = '';
const open = () => FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
const page = (ending: string) => open().find((w) => w.url?.endsWith(ending));
const ready = (w: Win) => (ipcListeners.get('strapline:ready') as (e: unknown) => void)({ sender: w.webContents, senderFrame: { url: w.url } });
const programs = (w: Win) => w.webContents.sent.map((s) => s.payload as ServerEvent).filter((e) => e.type === 'program');
const outputMenu = () => (fake.menus.at(-1) as MenuItem[]).find((m) => m.label === 'Output')!.submenu!;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-key-fill-'));
  // The console's display, then one for the fill and one for the key.
  fake.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } }, { id: 3, bounds: { x: 3840, y: 0, width: 1920, height: 1080 } });
  await writeFile(path.join(home, 'settings.json'), JSON.stringify({ outputDisplayId: null, keyFill: true, keyDisplayId: null }));
  apiUrl = await fake.startShell(home, { STRAPLINE_PORT: '0' }, 3);
}, 30_000);
afterAll(async () => {
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await until(() => fake.app.quitCalls > 0, 'the engine to stop');
  await rm(home, { recursive: true, force: true });
});

describe('key and fill windows', () => {
  it('opens a fill and a key window, each full screen on a display of its own, hardened like the output', () => {
    const origin = new URL(apiUrl).origin;
    const fill = page('/output?signal=fill')!;
    const key = page('/output?signal=key')!;
    expect([fill.url, key.url]).toEqual([`${origin}/output?signal=fill`, `${origin}/output?signal=key`]);
    expect(page('/output')).toBeUndefined(); // no program window beside the pair
    expect(fill.options).toMatchObject({ x: 1920, fullscreen: true, title: 'Strapline fill', backgroundColor: '#000000' });
    expect(key.options).toMatchObject({ x: 3840, fullscreen: true, title: 'Strapline key', backgroundColor: '#000000' });
    for (const w of [fill, key]) {
      expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, backgroundThrottling: false });
    }
  });

  it('sends both the same snapshots, and lists both among the outputs', async () => {
    const [fill, key] = [page('?signal=fill')!, page('?signal=key')!];
    // As each page does on load (its preload listens, then says ready): from then on it is a view of the hub.
    ready(page(`${new URL(apiUrl).origin}/`)!);
    ready(fill);
    ready(key);
    await until(() => programs(fill).length && programs(key).length, 'the greeting snapshots');
    const { stacks } = await (await fetch(`${apiUrl}/api/stacks`)).json();
    const cueId: string = stacks[0].cues[0].id;
    const post = (route: string, body: unknown) =>
      fetch(`${apiUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/cue', { cueId })).status).toBe(200);
    expect((await post('/api/take', { cueId })).status).toBe(200);
    const onAir = (w: Win) => {
      const last = programs(w).at(-1);
      return last?.type === 'program' && Object.keys(last.data.program).length > 0;
    };
    await until(() => onAir(fill) && onAir(key), 'the take on both');
    // One snapshot, one `at`: both halves start their animations from the same instant.
    expect(programs(key).at(-1)).toEqual(programs(fill).at(-1));
    const consoleWin = page(`${new URL(apiUrl).origin}/`)!;
    const peers = await until(() => {
      const last = consoleWin.webContents.sent
        .map((s) => s.payload as ServerEvent)
        .filter((e) => e.type === 'outputs')
        .at(-1);
      const names = last?.type === 'outputs' ? last.data.outputs.filter((o) => o.disconnectedAt === null).map((o) => o.peer) : [];
      return names.length >= 2 ? names : null;
    }, 'both windows listed as outputs');
    expect(peers).toEqual(expect.arrayContaining(['Electron fill window', 'Electron key window']));
  });

  it('rebuilds a key whose renderer died as the key, leaving the fill alone', async () => {
    const [fill, key] = [page('?signal=fill')!, page('?signal=key')!];
    key.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    const again = await until(() => (page('?signal=key') !== key ? page('?signal=key') : undefined), 'a new key window');
    expect(again.options).toMatchObject({ x: 3840, title: 'Strapline key' });
    expect(page('?signal=fill')).toBe(fill);
    expect(fill.isDestroyed()).toBe(false);
  });

  it('turns the pair back into one program window from the Output menu, and remembers it', async () => {
    const toggle = outputMenu().find((m) => m.label === 'Key and fill windows')!;
    expect(toggle.checked).toBe(true);
    toggle.click!();
    expect(page('/output')).toBeDefined();
    expect(page('?signal=fill') ?? page('?signal=key')).toBeUndefined();
    expect(JSON.parse(await readFile(path.join(home, 'settings.json'), 'utf8'))).toMatchObject({ keyFill: false });
    expect(outputMenu().find((m) => m.label === 'Key and fill windows')!.checked).toBe(false);
  });
});
