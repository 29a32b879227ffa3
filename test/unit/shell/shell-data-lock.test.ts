import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireDataLock, type DataLock } from '../../../main/server/data-lock';

/**
 * The desktop app started on a data folder another Strapline holds (this test
 * process holds it, a live pid), with Electron faked as in
 * shell-start-failure.test.ts. Started from an icon there is no terminal: the
 * refusal must reach the operator in the error box, whole.
 */
vi.mock('electron', async () => {
  const fake = await import('../../support/fake-electron');
  return { ...fake.electron, ...fake.preloadElectron };
});
const fake = await import('../../support/fake-electron');

let home: string;
let data: string;
let held: DataLock;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'strapline-shell-locked-'));
  data = path.join(home, 'night-data');
  held = await acquireDataLock(data, { host: '127.0.0.1', port: 7300 }, () => undefined);
  await fake.startShellUntilExit(home, { STRAPLINE_PORT: '0', STRAPLINE_DATA: data });
}, 30_000);
afterAll(async () => {
  await held.release();
  await rm(home, { recursive: true, force: true });
});

describe('the shell on a data folder in use', () => {
  it('exits with 1 and says whose folder it is and how to choose another, in an error box', () => {
    expect(fake.app.exitCodes).toEqual([1]);
    expect(fake.errorBoxes).toEqual([
      {
        title: 'Strapline could not start',
        content: expect.stringContaining(
          `The data folder ${data} is in use by another Strapline (pid ${process.pid}, console http://127.0.0.1:7300/). ` +
            'Stop that one first, or start this one with another data folder (--data DIR; STRAPLINE_DATA for the desktop app)',
        ),
      },
    ]);
  });

  it("opens no window, installs no IPC handler, and leaves the other one's lock in place", async () => {
    expect(fake.FakeBrowserWindow.all).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(await held.release()).toBe(true);
  });
});
