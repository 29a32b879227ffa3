import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineHarness } from '../../support/engine-fixture';
import { airState } from '../../support/air-state';
import { commandOrNoise } from '../../support/fuzz-arbitraries';

/**
 * The engine's dispatch is the one door every transport leads to (IPC,
 * WebSocket, HTTP, imports, the drop folder). Sequences of generated commands,
 * mostly nearly right, run against a show with graphics on air: dispatch never
 * throws, a refusal is one clear error event and leaves program, show and
 * results exactly as they were, and revisions only ever go up.
 */
describe('engine dispatch fuzz', () => {
  it('refuses bad commands with a clear error and no change, whatever comes before them', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(commandOrNoise, fc.nat(400)), { minLength: 1, maxLength: 20 }), (steps) => {
        const h = engineHarness();
        // Something on air and something in preview, so out, next and clear have work to do.
        h.must({ type: 'cue', cueId: 'a' });
        h.must({ type: 'take', cueId: 'a' });
        h.advance(1000);
        h.must({ type: 'cue', cueId: 'm' });
        for (const [command, wait] of steps) {
          h.advance(wait);
          const before = airState(h.engine);
          const eventsBefore = h.events.length;
          const result = h.engine.dispatch(command);
          const after = airState(h.engine);
          if (!result.ok) {
            refused += 1;
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(after).toEqual(before);
            expect(h.events.slice(eventsBefore)).toEqual([{ type: 'error', data: result.error }]);
          } else {
            accepted += 1;
            expect(after.program.revision).toBeGreaterThanOrEqual(before.program.revision);
            expect(after.show.showRevision).toBeGreaterThanOrEqual(before.show.showRevision);
          }
        }
      }),
      { seed: 6071, numRuns: 100 },
    );
    // The generator reaches both sides.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(500);
  });

  it('refuses values a wire can still deliver: deep nesting, huge arrays, odd prototypes', () => {
    const h = engineHarness();
    const before = airState(h.engine);
    let deep: unknown = 'a';
    for (let i = 0; i < 5000; i += 1) deep = { cueId: deep };
    const inputs = [
      { type: 'cue', ...(deep as object) },
      { type: 'declare-results', source: 'x', seats: new Array(100_000).fill({ onsCode: 'E14000001' }) },
      Object.create(null),
      JSON.parse('{"type":"cue","cueId":"a","__proto__":{"polluted":true}}'),
      { type: 'load-show', show: { format: 'strapline-show', version: 1, name: 'x', stacks: new Array(50_000).fill({ id: 'dup', name: 'd', cues: [] }) } },
    ];
    for (const input of inputs) expect(h.engine.dispatch(input).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(airState(h.engine)).toEqual(before);
  });
});
