import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Engine } from '../../../main/engine/engine';
import { baselineFromSeats, seatWinner } from '../../../main/engine/election';
import { SHOW_FORMAT_VERSION, type Fields, type Show } from '../../../main/engine/show';
import { templateTable, type TemplateDefinition } from '../../../main/engine/templates';
import { TEMPLATES } from '../../../main/templates/definitions';
import { BASELINE_SEATS, T0 } from '../../support/engine-fixture';

/** A bound template that counts its resolves and keeps what it was handed. Test-only. */
function countingTemplate(): { template: TemplateDefinition; calls: Fields[] } {
  const calls: Fields[] = [];
  const template: TemplateDefinition = {
    id: 'counting',
    name: 'Counting',
    description: 'Test-only bound graphic',
    layer: 'fullscreen',
    steps: 1,
    fields: z.strictObject({ onsCode: z.string().default('E14000001'), label: z.string().default('from the schema') }),
    title: () => 'Counting',
    demo: {},
    resolve: (fields, ctx) => {
      calls.push(fields);
      const seat = ctx.results.seats.get(String(fields.onsCode));
      return { label: fields.label, winner: (seat && seatWinner(seat)) ?? null };
    },
  };
  return { template, calls };
}

function setUp() {
  const { template, calls } = countingTemplate();
  const show: Show = {
    format: 'strapline-show',
    version: SHOW_FORMAT_VERSION,
    name: 'Take reuse',
    stacks: [
      {
        id: 's',
        name: 'S',
        cues: [
          { id: 'x', title: 'X', template: 'counting', layer: 'fullscreen', fields: { onsCode: 'E14000001' } },
          { id: 'a', title: 'A', template: 'strap', layer: 'lower-third', fields: { headline: 'A', subline: '', party: 'none', variant: 'standard' } },
        ],
      },
    ],
  };
  let t = T0;
  const engine = new Engine({
    show,
    baseline: baselineFromSeats(BASELINE_SEATS),
    templates: templateTable([...TEMPLATES.values(), template]),
    now: () => (t += 1000),
  });
  const must = (command: unknown) => expect(engine.dispatch(command)).toMatchObject({ ok: true });
  return { engine, calls, must };
}

const declaration = { onsCode: 'E14000001', revision: 1, state: 'declared', validVotes: 100, partyVotes: { lab: 60, con: 40 } };

describe('the take airs the view the preview was built from', () => {
  it('resolves a bound cue once at cue time, and not again at the take', () => {
    const { engine, calls, must } = setUp();
    must({ type: 'cue', cueId: 'x' });
    const preview = engine.programSnapshot().preview!;
    expect(calls).toHaveLength(1);
    must({ type: 'take', cueId: 'x' });
    const onAir = engine.programSnapshot().program.fullscreen!;
    expect(calls).toHaveLength(1);
    expect(onAir.view).toBe(preview.view);
    expect(onAir.viewRevision).toBe(preview.viewRevision);
  });

  it('hands resolve the fields with their defaults, parsed by the template schema', () => {
    const { calls, must } = setUp();
    must({ type: 'cue', cueId: 'x' });
    expect(calls[0]).toEqual({ onsCode: 'E14000001', label: 'from the schema' });
  });

  it('resolves again at the take once the results have moved, under a new number when the drawing changed', () => {
    const { engine, calls, must } = setUp();
    must({ type: 'cue', cueId: 'x' });
    const before = engine.programSnapshot().preview!;
    must({ type: 'declare-results', source: 'test', seats: [declaration] });
    const after = engine.programSnapshot().preview!;
    expect(after.view).toEqual({ label: 'from the schema', winner: 'lab' });
    expect(after.viewRevision).not.toBe(before.viewRevision);
    must({ type: 'take', cueId: 'x' });
    expect(engine.programSnapshot().program.fullscreen!.viewRevision).toBe(after.viewRevision);
    expect(calls).toHaveLength(2);
  });

  it('keeps the view and its number when new results leave the drawing as it was, so outputs keep their preload', () => {
    const { engine, calls, must } = setUp();
    must({ type: 'cue', cueId: 'x' });
    const before = engine.programSnapshot().preview!;
    // Another seat declares: new results, the same drawing of this one.
    must({ type: 'declare-results', source: 'test', seats: [{ ...declaration, onsCode: 'W07000001', validVotes: 80, partyVotes: { pc: 50, lab: 30 } }] });
    const after = engine.programSnapshot().preview!;
    expect(calls).toHaveLength(2);
    expect(after.view).toBe(before.view);
    expect(after.viewRevision).toBe(before.viewRevision);
  });

  it('numbers an unbound cue by its fields: cued again, the same number; edited, a new one', () => {
    const { engine, must } = setUp();
    must({ type: 'cue', cueId: 'a' });
    const first = engine.programSnapshot().preview!.viewRevision;
    must({ type: 'cue', cueId: 'x' });
    must({ type: 'cue', cueId: 'a' });
    expect(engine.programSnapshot().preview!.viewRevision).toBe(first);
    must({ type: 'edit-cue', cueId: 'a', fields: { headline: 'A edited', subline: '', party: 'none', variant: 'standard' } });
    expect(engine.programSnapshot().preview!.viewRevision).not.toBe(first);
  });
});
