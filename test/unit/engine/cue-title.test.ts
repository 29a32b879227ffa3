import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/engine';
import { parseShow } from '../../../main/engine/show-check';
import { findCue, SHOW_FORMAT_VERSION, type Cue } from '../../../main/engine/show';
import type { ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATES } from '../../../main/templates/definitions';
import { engineWithCue, loadReferenceNight } from '../../support/reference-night';

/**
 * A cue's title follows what it is bound to (the seat's name, the region) until
 * the operator names it; a typed title sticks. Through the real engine, with
 * the real templates and the real constituency list.
 */

const PETERBOROUGH = 'E14001425';
const CLACTON = 'E14001174';
let reference: ReferenceData;
beforeAll(async () => {
  ({ reference } = await loadReferenceNight());
});

function engine(): Engine {
  return engineWithCue(reference, { id: 'x', template: 'strap', fields: { headline: 'X' }, layer: 'lower-third' }, []);
}
const must = (e: Engine, command: unknown) => expect(e.dispatch(command)).toMatchObject({ ok: true });
const cueOf = (e: Engine, id: string): Cue => findCue(e.showSnapshot().show, id)!.cue;
const add = (e: Engine, template: string, fields: Record<string, unknown> = {}) => must(e, { type: 'add-cue', stackId: 's', template, cueId: 'new', fields });

describe('a new cue', () => {
  it('is titled by the seat’s name, not its code, and the title follows the seat', () => {
    const e = engine();
    add(e, 'seat-result');
    expect(cueOf(e, 'new')).toMatchObject({ title: 'Result: Peterborough', autoTitle: true, fields: {} });
    must(e, { type: 'edit-cue', cueId: 'new', fields: { constituency: CLACTON } });
    expect(cueOf(e, 'new')).toMatchObject({ title: 'Result: Clacton', autoTitle: true });
  });

  it('follows the seat when it is changed on air by an update too', () => {
    const e = engine();
    add(e, 'seat-result', { constituency: PETERBOROUGH });
    must(e, { type: 'cue', cueId: 'new' });
    must(e, { type: 'take', cueId: 'new' });
    must(e, { type: 'update', layer: 'fullscreen', fields: { constituency: CLACTON } });
    expect(cueOf(e, 'new').title).toBe('Result: Clacton');
  });

  it.each([
    ['target-seats', { region: 'W92000004' }, 'Labour targets: East of England', 'Labour targets: Wales'],
    ['hex-map', { region: 'S92000003' }, 'Map: United Kingdom', 'Map: Scotland'],
    ['seat-tally', { region: 'E12000007' }, 'State of the parties', 'State of the parties: London'],
  ])('%s is titled by its region, and follows it', (template, change, before, after) => {
    const e = engine();
    add(e, template);
    expect(cueOf(e, 'new').title).toBe(before);
    must(e, { type: 'edit-cue', cueId: 'new', fields: change });
    expect(cueOf(e, 'new').title).toBe(after);
  });
});

describe('a title the operator typed', () => {
  it('sticks when the seat changes, and emptying it (autoTitle) makes it follow again', () => {
    const e = engine();
    add(e, 'seat-result');
    must(e, { type: 'edit-cue', cueId: 'new', title: 'Farage seat' });
    expect(cueOf(e, 'new')).not.toHaveProperty('autoTitle');
    must(e, { type: 'edit-cue', cueId: 'new', fields: { constituency: CLACTON } });
    expect(cueOf(e, 'new').title).toBe('Farage seat');
    must(e, { type: 'edit-cue', cueId: 'new', autoTitle: true });
    expect(cueOf(e, 'new')).toMatchObject({ title: 'Result: Clacton', autoTitle: true });
  });

  it('is given at add-cue: never replaced', () => {
    const e = engine();
    must(e, { type: 'add-cue', stackId: 's', template: 'seat-result', cueId: 'named', title: 'Marginal of the night' });
    must(e, { type: 'edit-cue', cueId: 'named', fields: { constituency: CLACTON } });
    expect(cueOf(e, 'named')).toEqual(expect.not.objectContaining({ autoTitle: true }));
    expect(cueOf(e, 'named').title).toBe('Marginal of the night');
  });

  it('and autoTitle in one edit are refused, naming both, and nothing changes', () => {
    const e = engine();
    add(e, 'seat-result');
    const before = e.showSnapshot();
    const r = e.dispatch({ type: 'edit-cue', cueId: 'new', title: 'Both', autoTitle: true, fields: { constituency: CLACTON } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    expect(!r.ok && r.error.message).toMatch(/title.*autoTitle/);
    expect(e.showSnapshot()).toEqual(before);
  });
});

describe('in a show file', () => {
  const show = (cue: Record<string, unknown>) => ({
    format: 'strapline-show',
    version: SHOW_FORMAT_VERSION,
    name: 'T',
    stacks: [
      {
        id: 's',
        name: 'S',
        cues: [{ id: 'c', title: 'Result: Clacton', template: 'seat-result', layer: 'fullscreen', fields: { constituency: CLACTON }, ...cue }],
      },
    ],
  });

  it('keeps autoTitle: true, and refuses any other value naming the field', () => {
    expect(parseShow(show({ autoTitle: true }), TEMPLATES, 'f.json')).toHaveProperty('show.stacks.0.cues.0.autoTitle', true);
    const bad = parseShow(show({ autoTitle: 'yes' }), TEMPLATES, 'f.json');
    expect('error' in bad && bad.error.message).toContain('stacks.0.cues.0.autoTitle');
  });
});
