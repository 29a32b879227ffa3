import { describe, expect, it } from 'vitest';
import { handleIpcCommand, type Sender } from '../../../main/shell/ipc-guard';
import { engineHarness } from '../../support/engine-fixture';

/**
 * Electron's binary cannot be downloaded on this machine, so no BrowserWindow
 * can exist here. The IPC rules are therefore kept in a plain function with no
 * Electron import (main/shell/ipc-guard.ts), and tested as such: the shell only
 * passes it event.sender.id and event.senderFrame.url.
 */

const PAGES_ROOT = 'file:///opt/strapline/out/renderer';
const CONSOLE_ID = 3;
const consoleFrame: Sender = { id: CONSOLE_ID, frameUrl: `${PAGES_ROOT}/renderer/index.html` };
const cue = { type: 'cue', cueId: 'a' };

function refusedAsForbidden(sender: Sender, consoleId: number | null) {
  const h = engineHarness();
  const before = h.engine.programSnapshot();
  const r = handleIpcCommand(h.engine, sender, consoleId, PAGES_ROOT, cue);
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(h.engine.programSnapshot()).toEqual(before);
}

describe('handleIpcCommand', () => {
  it("accepts a command from the console's webContents and a frame under pagesRoot", () => {
    const h = engineHarness();
    const r = handleIpcCommand(h.engine, consoleFrame, CONSOLE_ID, PAGES_ROOT, cue);
    expect(r).toMatchObject({ ok: true });
    expect(h.engine.programSnapshot().preview?.cueId).toBe('a');
  });

  it('accepts a page with a query or hash', () => {
    const h = engineHarness();
    const sender = { id: CONSOLE_ID, frameUrl: `${PAGES_ROOT}/renderer/index.html?x=1#top` };
    expect(handleIpcCommand(h.engine, sender, CONSOLE_ID, PAGES_ROOT, cue).ok).toBe(true);
  });

  it('refuses another webContents id (the output window, say)', () => {
    refusedAsForbidden({ ...consoleFrame, id: CONSOLE_ID + 1 }, CONSOLE_ID);
  });

  it('refuses any sender while there is no console window', () => {
    refusedAsForbidden(consoleFrame, null);
  });

  it.each([
    'https://evil.example/renderer/index.html',
    'http://localhost:5173/renderer/index.html',
    'file:///opt/strapline/out/secret.html',
    'about:blank',
    '',
  ])('refuses a frame at %j', (frameUrl) => {
    refusedAsForbidden({ id: CONSOLE_ID, frameUrl }, CONSOLE_ID);
  });

  it.each([
    `${PAGES_ROOT}-evil/index.html`,
    `${PAGES_ROOT}.old/renderer/index.html`,
    `${PAGES_ROOT}/../secret.html`,
    `${PAGES_ROOT}/%2e%2e/secret.html`,
  ])('refuses %j, which starts with pagesRoot but is not under it', (frameUrl) => {
    refusedAsForbidden({ id: CONSOLE_ID, frameUrl }, CONSOLE_ID);
  });

  it('gives a valid sender with a bad command INVALID_COMMAND, and changes nothing', () => {
    const h = engineHarness();
    const before = h.engine.programSnapshot();
    for (const bad of [{ type: 'cue' }, { type: 'cue', cueId: '../a' }, 'take', null, { type: 'format-disk' }]) {
      const r = handleIpcCommand(h.engine, consoleFrame, CONSOLE_ID, PAGES_ROOT, bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    }
    expect(h.engine.programSnapshot()).toEqual(before);
  });
});
