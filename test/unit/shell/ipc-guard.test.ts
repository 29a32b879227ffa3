import { describe, expect, it } from 'vitest';
import { handleIpcCommand, isFromOrigin, serverOrigin, type Sender } from '../../../main/shell/ipc-guard';
import { engineHarness } from '../../support/engine-fixture';

/**
 * Electron's binary cannot be downloaded on this machine, so no BrowserWindow
 * can exist here. The IPC rules are therefore kept in a plain function with no
 * Electron import (main/shell/ipc-guard.ts), and tested as such: the shell only
 * passes it event.sender.id and event.senderFrame.url. Both windows are pages
 * of the engine's own loopback server, so that origin is the trusted one.
 */

const ORIGIN = serverOrigin('http://127.0.0.1:7300');
const CONSOLE_ID = 3;
const consoleFrame: Sender = { id: CONSOLE_ID, frameUrl: `${ORIGIN}/` };
const cue = { type: 'cue', cueId: 'a' };

function refusedAsForbidden(sender: Sender, consoleId: number | null) {
  const h = engineHarness();
  const before = h.engine.programSnapshot();
  const r = handleIpcCommand(h.engine, sender, consoleId, ORIGIN, cue);
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(h.engine.programSnapshot()).toEqual(before);
}

describe('serverOrigin', () => {
  it('is the origin of the URL the server bound, port included', () => {
    expect(serverOrigin('http://127.0.0.1:54321')).toBe('http://127.0.0.1:54321');
    expect(serverOrigin('http://127.0.0.1:7300/api/state')).toBe('http://127.0.0.1:7300');
  });

  it.each(['file:///opt/strapline/out/renderer', 'data:text/html,x', 'about:blank', 'not a url'])(
    'refuses %j: an opaque origin must never be trusted',
    (url) => {
      expect(() => serverOrigin(url)).toThrow();
    },
  );

  it('"null" is never from any origin, even one spelt "null"', () => {
    expect(isFromOrigin('file:///opt/strapline/out/renderer/renderer/index.html', 'null')).toBe(false);
  });
});

describe('handleIpcCommand', () => {
  it("accepts a command from the console's webContents and a frame at the server's origin", () => {
    const h = engineHarness();
    const r = handleIpcCommand(h.engine, consoleFrame, CONSOLE_ID, ORIGIN, cue);
    expect(r).toMatchObject({ ok: true });
    expect(h.engine.programSnapshot().preview?.cueId).toBe('a');
  });

  it('accepts a page of that origin with a path, query or hash', () => {
    const h = engineHarness();
    for (const frameUrl of [`${ORIGIN}/?x=1#top`, `${ORIGIN}/renderer/index.html`]) {
      expect(handleIpcCommand(h.engine, { id: CONSOLE_ID, frameUrl }, CONSOLE_ID, ORIGIN, cue).ok).toBe(true);
    }
  });

  it('refuses another webContents id (the output window, say)', () => {
    refusedAsForbidden({ ...consoleFrame, id: CONSOLE_ID + 1 }, CONSOLE_ID);
  });

  it('refuses any sender while there is no console window', () => {
    refusedAsForbidden(consoleFrame, null);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:7301/',
    'http://localhost:7300/',
    'https://127.0.0.1:7300/',
    'http://127.0.0.1:73001/',
    'http://127.0.0.1:7300@evil.example/',
    'http://127.0.0.1.evil.example:7300/',
    'file:///opt/strapline/out/renderer/renderer/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    '',
  ])('refuses a frame at %j: not exactly the server origin', (frameUrl) => {
    refusedAsForbidden({ id: CONSOLE_ID, frameUrl }, CONSOLE_ID);
  });

  it('gives a valid sender with a bad command INVALID_COMMAND, and changes nothing', () => {
    const h = engineHarness();
    const before = h.engine.programSnapshot();
    for (const bad of [{ type: 'cue' }, { type: 'cue', cueId: '../a' }, 'take', null, { type: 'format-disk' }]) {
      const r = handleIpcCommand(h.engine, consoleFrame, CONSOLE_ID, ORIGIN, bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    }
    expect(h.engine.programSnapshot()).toEqual(before);
  });
});
