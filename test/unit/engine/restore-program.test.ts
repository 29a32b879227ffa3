import { beforeAll, describe, expect, it } from 'vitest';
import type { SeatResult } from '../../../main/engine/election';
import type { Fields } from '../../../main/engine/show';
import type { ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATE_DEFINITIONS, TEMPLATES } from '../../../main/templates/definitions';
import { airState } from '../../support/air-state';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';

/**
 * restore-program takes a view from outside (session.json after a crash, or any
 * caller of the command map). The air may only hold a view the engine made or
 * checked: unbound templates draw their fields, bound ones are resolved again
 * from the results held, or, with none back yet, their saved view must pass the
 * template's own view schema. Real templates, real 2024 results.
 */
const PETERBOROUGH = 'E14001425';
const CUE = { id: 'pb', template: 'seat-result', fields: { constituency: PETERBOROUGH, bars: 6 } };
let reference: ReferenceData;
let night: readonly SeatResult[];
/** What the card drew on the night, as the engine resolved it. */
let drawn: Fields;

beforeAll(async () => {
  ({ reference, night } = await loadReferenceNight());
  drawn = previewViewOf(engineWithCue(reference, CUE, night), CUE.id);
});

const restoreSeat = (view: unknown) => ({
  type: 'restore-program',
  program: { fullscreen: { cueId: CUE.id, title: 'Peterborough', template: CUE.template, fields: CUE.fields, view, step: 2 } },
});

describe('restore-program never puts an unchecked view on air', () => {
  it('an unbound strap draws its own (validated) fields, whatever view came with it', () => {
    const e = engineWithCue(reference, { id: 's', template: 'strap', fields: { headline: 'Strap' }, layer: 'lower-third' }, []);
    const r = e.dispatch({
      type: 'restore-program',
      program: {
        'lower-third': {
          cueId: 's',
          title: 'Strap',
          template: 'strap',
          fields: { headline: 'Labour landslide' },
          view: { headline: { not: 'text' } },
          step: 1,
        },
      },
    });
    expect(r).toMatchObject({ ok: true, detail: { restored: ['lower-third'] } });
    const onAir = e.programSnapshot().program['lower-third']!;
    // Only the fields given are kept (the graphic draws the template's defaults for the rest).
    expect(onAir.view).toEqual({ headline: 'Labour landslide' });
    expect(onAir.fields).toEqual(onAir.view);
  });

  it('a bound card with no results back yet goes back with its saved view, once it passes the card’s view schema', () => {
    const e = engineWithCue(reference, CUE, []);
    expect(e.dispatch(restoreSeat(drawn))).toMatchObject({ ok: true, detail: { restored: ['fullscreen'], skipped: [] } });
    expect(e.programSnapshot().program.fullscreen).toMatchObject({ view: drawn, step: 2, restored: true });
  });

  it.each([
    ['a name that is an object', { name: { text: 'Peterborough' } }],
    ['a majority that is text', { majority: '118' }],
    ['a key the card does not know', { script: '<img onerror=alert(1)>' }],
    ['nine bars where seven fit', { bars: Array.from({ length: 9 }, () => ({ party: 'lab', label: 'Labour', votes: 1, share: 1, change: null })) }],
  ])('a bound card whose saved view has %s is skipped with the reason, and nothing changes', (_what, damage) => {
    const e = engineWithCue(reference, CUE, []);
    const before = airState(e);
    const r = e.dispatch(restoreSeat({ ...drawn, ...damage }));
    expect(r).toMatchObject({
      ok: true,
      detail: { restored: [], skipped: [{ layer: 'fullscreen', reason: expect.stringMatching(/saved view is not a Seat result view \(.+\)/) }] },
    });
    expect(airState(e)).toEqual(before);
  });

  it('with the results back, a bound card is resolved again from them, not taken on trust', () => {
    const e = engineWithCue(reference, CUE, night);
    expect(e.dispatch(restoreSeat({ ...drawn, majority: 99_999, verdict: 'REF GAIN' })).ok).toBe(true);
    expect(e.programSnapshot().program.fullscreen!.view).toEqual(drawn);
  });

  it('every bound template names its view schema, and what its resolver draws passes it', () => {
    const bound = TEMPLATE_DEFINITIONS.filter((t) => t.resolve);
    expect(bound.length).toBeGreaterThanOrEqual(7);
    for (const t of bound) {
      expect(t.view, t.id).toBeDefined();
      const view = previewViewOf(engineWithCue(reference, { id: 'c', template: t.id, fields: TEMPLATES.get(t.id)!.demo }, night), 'c');
      expect(t.view!.safeParse(view).success, t.id).toBe(true);
    }
  });
});
