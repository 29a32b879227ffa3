import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * A start that cannot bind its port, through the shell with Electron faked
 * (test/support/fake-electron.ts: its binary cannot run here). The shell must
 * not open windows onto nothing, nor quietly move to another port (Companion
 * and scripts would drive nothing): it says why, on screen, and exits.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../../support/fake-electron');

let home: string;
let holder: Server;
let port = 0;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-busy-'));
  holder = createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  port = (holder.address() as { port: number }).port;
  await fake.startShellUntilExit(home, { STRAPLINE_PORT: String(port) });
}, 30_000);
afterAll(async () => {
  holder.close();
  await rm(home, { recursive: true, force: true });
});

describe('the shell on a busy port', () => {
  it('exits with 1 and says which port and how to choose another, in an error box', () => {
    expect(fake.app.exitCodes).toEqual([1]);
    expect(fake.errorBoxes).toEqual([
      { title: 'Strapline could not start', content: expect.stringMatching(new RegExp(`port ${port} is already in use.*STRAPLINE_PORT`)) },
    ]);
  });

  it('opens no window and installs no IPC handler', () => {
    expect(fake.FakeBrowserWindow.all).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});
