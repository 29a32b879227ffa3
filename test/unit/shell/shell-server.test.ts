import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../../main/server/headless';
import { SessionState } from '../../../main/server/session-state';
import { engineHarness } from '../../support/engine-fixture';
import { post } from '../../support/server';

/**
 * The shell's data folder and its windows' pages, with Electron faked
 * (test/support/fake-electron.ts) because its binary cannot run here: the
 * engine, server and files are real, on port 0 in a temp home folder.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../../support/fake-electron');
const { FakeBrowserWindow, ipcHandlers } = fake;

async function until<T>(get: () => T | Promise<T>, what: string): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 25))) {
    const value = await get();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

let home: string;
let data: string;
let showFile: string;
let apiUrl = '';
const windows = () => FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
const consoleWindow = () => windows().find((w) => w.url?.endsWith(':' + new URL(apiUrl).port + '/'))!;
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-data-'));
  data = path.join(home, '.strapline');
  // The last run died with strap "a" on air: its session.json still says running.
  const crashed = engineHarness();
  const session = await SessionState.open(data, Date.now, () => undefined);
  session.attach(crashed.engine);
  crashed.engine.dispatch({ type: 'cue', cueId: 'a' });
  crashed.engine.dispatch({ type: 'take', cueId: 'a' });
  await session.flush();
  showFile = path.join(home, 'shows', 'night.json');
  await mkdir(path.dirname(showFile));
  await copyFile(path.join(REPO_ROOT, 'test/fixtures/shows/v1-election-night.json'), showFile);
  apiUrl = await fake.startShell(home, { STRAPLINE_PORT: '0', STRAPLINE_SHOW: showFile });
}, 30_000);
afterAll(async () => {
  // Stops the engine if the quitting test did not get that far (a second stop does nothing).
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await rm(home, { recursive: true, force: true });
});

describe('the data folder (gap: Electron had no autosave, no show files, no recovery)', () => {
  it("is the CLI's default, ~/.strapline: the show store is kept there, and this run is recorded as running", async () => {
    // Only a start with a data folder writes show-store.json (the crashed run above wrote session.json alone).
    expect(await readJson(path.join(data, 'show-store.json'))).toMatchObject({ format: 'strapline-show-store', file: showFile });
    expect(await readJson(path.join(data, 'session.json'))).toMatchObject({ format: 'strapline-session', running: true });
  });

  it('STRAPLINE_SHOW opens the named show, and the console is offered what the crashed run had on air', async () => {
    const status = (await (await fetch(`${apiUrl}/api/show`)).json()) as { name: string; file: string; restore: { graphics: { cueId: string }[] } | null };
    expect(status.file).toBe(showFile);
    expect(status.name).toBe('Election night 2024: results desk');
    expect(status.restore?.graphics).toEqual([expect.objectContaining({ layer: 'lower-third', cueId: 'a', title: 'A' })]);
  });

  it("an edit from the console window is autosaved into the data folder, never into the operator's file", async () => {
    const send = ipcHandlers.get('strapline:command') as (e: unknown, c: unknown) => Promise<{ ok: boolean }>;
    const win = consoleWindow();
    expect((await send({ sender: win.webContents, senderFrame: { url: win.url } }, { type: 'add-stack', name: 'Late declarations' })).ok).toBe(true);
    const saved = await until(async () => {
      for (const slot of await readdir(path.join(data, 'autosave'))) {
        for (const f of await readdir(path.join(data, 'autosave', slot))) {
          // A dot-file is a version still being written (temp file, then rename): wait for the real one.
          if (f.startsWith('.')) continue;
          const text = await readFile(path.join(data, 'autosave', slot, f), 'utf8');
          if (text.includes('Late declarations')) return f;
        }
      }
      return null;
    }, 'an autosave holding the new stack');
    expect(saved).toMatch(/^show-\d{6,}\.json$/);
    expect(await readFile(showFile, 'utf8')).not.toContain('Late declarations');
  });
});

describe("the windows load the engine's own server (gap: /api panels failed from file://)", () => {
  it('at the port actually bound (STRAPLINE_PORT=0), console at / and output at /output', () => {
    const { port } = new URL(apiUrl);
    expect(Number(port)).toBeGreaterThan(0);
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      windows()
        .map((w) => w.url)
        .sort(),
    ).toEqual([`${apiUrl}/`, `${apiUrl}/output`]);
  });

  it('those URLs serve the built pages with the CSP', async () => {
    for (const url of [`${apiUrl}/`, `${apiUrl}/output`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(await res.text()).toMatch(/<script type="module"/);
    }
  });

  it("a panel's POST from the console's origin is served; the same POST from another origin is refused", async () => {
    const foreign = await post(`${apiUrl}/api/show/restore`, { accept: false }, { origin: `http://localhost:${new URL(apiUrl).port}` });
    expect(foreign.status).toBe(403);
    expect(((await (await fetch(`${apiUrl}/api/show`)).json()) as { restore: unknown }).restore).not.toBeNull();
    const own = await post(`${apiUrl}/api/show/restore`, { accept: false }, { origin: new URL(consoleWindow().url!).origin });
    expect(own.status).toBe(200);
    expect(((await (await fetch(`${apiUrl}/api/show`)).json()) as { restore: unknown }).restore).toBeNull();
  });
});

describe('quitting', () => {
  it('waits for the engine to stop, so session.json is marked a clean stop before the app quits', async () => {
    const quitsBefore = fake.app.quitCalls;
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await until(() => fake.app.quitCalls > quitsBefore, 'the app to quit once stopped');
    expect(await readJson(path.join(data, 'session.json'))).toMatchObject({ running: false, offer: null });
    // The second quit (from the shell itself) is let through.
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
