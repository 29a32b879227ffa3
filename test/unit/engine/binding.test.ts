import { describe, expect, it } from 'vitest';
import { engineHarness as harness, testShow } from '../../support/engine-fixture';
import type { ProgramSnapshot } from '../../../main/engine/protocol';

const declared = (revision: number, lab: number, con: number) => ({
  onsCode: 'E14000001',
  revision,
  state: 'declared',
  validVotes: lab + con,
  partyVotes: { lab, con },
});

/** The test show plus bound cues: w reads seat E14000001; x's resolver always throws, y's once a seat declares. */
function engineHarness() {
  const show = testShow();
  show.stacks.push({
    id: 'bound',
    name: 'Bound',
    cues: [
      { id: 'w', title: 'W', template: 'seat-watch', layer: 'fullscreen', fields: { onsCode: 'E14000001', boom: 'never' } },
      { id: 'y', title: 'Y', template: 'seat-watch', layer: 'fullscreen', fields: { onsCode: 'E14000001', boom: 'once-declared' } },
      { id: 'x', title: 'X', template: 'seat-watch', layer: 'fullscreen', fields: { onsCode: 'E14000001', boom: 'always' } },
    ],
  });
  return harness(show);
}

function programEvents(h: ReturnType<typeof engineHarness>): ProgramSnapshot[] {
  return h.events.flatMap((e) => (e.type === 'program' ? [e.data] : []));
}

describe('bound graphics', () => {
  it('draw the resolved results at the take, and update on air when the seat declares', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'w' });
    expect(h.engine.programSnapshot().preview?.view).toEqual({ onsCode: 'E14000001', winner: null, declared: 0 });
    h.must({ type: 'take', cueId: 'w' });
    const before = h.engine.programSnapshot();
    expect(before.program.fullscreen).toMatchObject({ view: { winner: null, declared: 0 }, updateSeq: 0 });

    h.events.length = 0;
    h.must({ type: 'declare-results', source: 'test', seats: [declared(1, 60, 40)] });
    const after = h.engine.programSnapshot();
    expect(after.revision).toBe(before.revision + 1);
    expect(after.program.fullscreen).toMatchObject({ view: { winner: 'lab', declared: 1 }, updateSeq: 1, fields: { onsCode: 'E14000001' } });
    // The air hears first, and the as-run log records the data-driven update.
    expect(h.events[0]!.type).toBe('program');
    expect(h.events.find((e) => e.type === 'as-run')?.data).toMatchObject({ action: 'update', layer: 'fullscreen', cueId: 'w' });
  });

  it('do not change on air for a correction until the operator accepts it', () => {
    const h = engineHarness();
    h.must({ type: 'declare-results', source: 'test', seats: [declared(1, 60, 40)] });
    h.must({ type: 'cue', cueId: 'w' });
    h.must({ type: 'take', cueId: 'w' });
    const onAir = () => h.engine.programSnapshot().program.fullscreen!;
    expect(onAir().view).toMatchObject({ winner: 'lab' });

    h.must({ type: 'declare-results', source: 'test', seats: [declared(2, 40, 60)] });
    expect(onAir()).toMatchObject({ view: { winner: 'lab' }, updateSeq: 0 });
    h.must({ type: 'accept-correction', onsCode: 'E14000001' });
    expect(onAir()).toMatchObject({ view: { winner: 'con' }, updateSeq: 1 });
  });

  it('leave the program revision alone when the results change nothing drawn', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    const revision = h.engine.programSnapshot().revision;
    h.events.length = 0;
    h.must({ type: 'declare-results', source: 'test', seats: [declared(1, 60, 40)] });
    expect(h.engine.programSnapshot().revision).toBe(revision);
    expect(programEvents(h)).toEqual([]);
  });

  it('preload again when a bound cue in preview has new results', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'w' });
    h.events.length = 0;
    h.must({ type: 'declare-results', source: 'test', seats: [declared(1, 60, 40)] });
    const [snapshot] = programEvents(h);
    expect(snapshot?.preview?.view).toMatchObject({ winner: 'lab', declared: 1 });
  });

  it('refuse a take whose data cannot be read, changing nothing', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'x' });
    const before = h.engine.programSnapshot();
    const result = h.engine.dispatch({ type: 'take', cueId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BINDING_FAILED' } });
    expect(result.ok === false && result.error.message).toContain('resolver exploded');
    expect(h.engine.programSnapshot().program).toEqual(before.program);
    expect(h.engine.programSnapshot().revision).toBe(before.revision);
  });

  it('keep what is on air when a resolver fails on new results', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'y' });
    h.must({ type: 'take', cueId: 'y' });
    h.must({ type: 'declare-results', source: 'test', seats: [declared(1, 60, 40)] });
    expect(h.engine.programSnapshot().program.fullscreen).toMatchObject({ cueId: 'y', view: { winner: null, declared: 0 }, updateSeq: 0 });
  });
});
