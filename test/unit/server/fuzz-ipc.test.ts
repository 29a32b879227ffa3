import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleIpcCommand } from '../../../main/shell/ipc-guard';
import { engineHarness } from '../../support/engine-fixture';
import { airState } from '../../support/air-state';
import { commandOrNoise } from '../../support/fuzz-arbitraries';

/**
 * The Electron IPC door (main/shell/ipc-guard.ts, free of Electron so it runs
 * here): generated senders (window ids, frame URLs at, near and far from the
 * engine's own loopback origin, which serves both windows) and generated
 * commands. Only the console window at that origin may command; everyone else
 * is refused and nothing changes; for the console, the engine's own
 * validation decides.
 */
const ORIGIN = 'http://127.0.0.1:7300';
const CONSOLE_ID = 7;

const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2E', '%2f', '%5c', 'output', 'index.html', 'api', '', 'x');
const frameUrl = fc.oneof(
  fc.tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('', '?a=1', '#top', '?token=x#y')).map(([s, tail]) => `${ORIGIN}/${s.join('/')}${tail}`),
  fc.constantFrom(
    `${ORIGIN}0/`,
    'http://127.0.0.1:730/',
    `${ORIGIN}@evil.example/`,
    'http://localhost:7300/',
    'https://127.0.0.1:7300/',
    'http://127.0.0.2:7300/',
    'HTTP://127.0.0.1:7300/',
    'http://user@127.0.0.1:7300/',
    'file:///opt/strapline/out/renderer/index.html',
    'null',
    'about:blank',
    'data:text/html,x',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 60 }),
);

/** An independent statement of the rule: plain http, to exactly this host and port. */
function atOrigin(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && u.hostname === '127.0.0.1' && u.port === '7300';
  } catch {
    return false;
  }
}

describe('IPC guard fuzz', () => {
  it('accepts commands only from the console window at the engine’s origin; a refusal changes nothing', () => {
    const seen = { forbidden: 0, passed: 0 };
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(CONSOLE_ID), fc.integer({ min: -1, max: 20 })),
        fc.oneof(fc.constant(CONSOLE_ID), fc.constant(null)),
        frameUrl,
        commandOrNoise,
        (senderId, consoleId, url, command) => {
          const h = engineHarness();
          h.must({ type: 'cue', cueId: 'a' });
          const before = airState(h.engine);
          const result = handleIpcCommand(h.engine, { id: senderId, frameUrl: url }, consoleId, ORIGIN, command);
          const allowed = consoleId !== null && senderId === consoleId && atOrigin(url);
          if (!allowed) {
            seen.forbidden += 1;
            expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
            expect(airState(h.engine)).toEqual(before);
          } else {
            seen.passed += 1;
            // Past the guard the engine decides, exactly as it would for any transport.
            const twin = engineHarness();
            twin.must({ type: 'cue', cueId: 'a' });
            expect(result).toEqual(twin.engine.dispatch(command));
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
    expect(seen.forbidden).toBeGreaterThan(100);
    expect(seen.passed).toBeGreaterThan(20);
  });
});
