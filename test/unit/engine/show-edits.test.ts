import { describe, expect, it } from 'vitest';
import { findCue, type Show } from '../../../main/engine/show';
import { engineHarness, testShow } from '../../support/engine-fixture';

/** The editing half of the command map, driven through the engine as every transport does. */

const ids = (show: Show) => show.stacks.map((s) => `${s.id}:[${s.cues.map((c) => c.id).join(',')}]`);

/** Dispatches a command that must be refused, and checks it changed nothing. */
function refused(h: ReturnType<typeof engineHarness>, command: unknown, code: string) {
  const show = h.engine.showSnapshot();
  const program = h.engine.programSnapshot();
  const r = h.engine.dispatch(command);
  expect(r).toMatchObject({ ok: false, error: { code } });
  expect(h.engine.showSnapshot()).toEqual(show);
  expect(h.engine.programSnapshot()).toEqual(program);
  return r.ok ? '' : r.error.message;
}

describe('add-stack', () => {
  it('appends an empty stack with a fresh id', () => {
    const h = engineHarness();
    h.must({ type: 'add-stack', name: 'Third' });
    const { stacks } = h.engine.showSnapshot().show;
    expect(stacks).toHaveLength(3);
    const added = stacks[2]!;
    expect(added).toMatchObject({ name: 'Third', cues: [] });
    expect(['s1', 's2', 'a', 'b', 'm', 'c']).not.toContain(added.id);
  });

  it('uses the id asked for, and refuses one already used by a stack or a cue', () => {
    const h = engineHarness();
    h.must({ type: 'add-stack', name: 'Third', stackId: 'third' });
    expect(h.engine.showSnapshot().show.stacks[2]?.id).toBe('third');
    refused(h, { type: 'add-stack', name: 'Again', stackId: 'third' }, 'DUPLICATE_ID');
    refused(h, { type: 'add-stack', name: 'Clash', stackId: 'a' }, 'DUPLICATE_ID');
  });
});

describe('rename-stack', () => {
  it('renames only that stack', () => {
    const h = engineHarness();
    h.must({ type: 'rename-stack', stackId: 's2', name: 'Wales' });
    expect(h.engine.showSnapshot().show.stacks.map((s) => s.name)).toEqual(['First', 'Wales']);
  });

  it('refuses an unknown stack', () => {
    refused(engineHarness(), { type: 'rename-stack', stackId: 'nope', name: 'X' }, 'UNKNOWN_STACK');
  });
});

describe('delete-stack', () => {
  it('removes the stack and its cues', () => {
    const h = engineHarness();
    h.must({ type: 'delete-stack', stackId: 's1' });
    expect(ids(h.engine.showSnapshot().show)).toEqual(['s2:[c]']);
  });

  it('clears the preview when its cue was in the stack, and bumps the revision', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'b' });
    const { revision } = h.engine.programSnapshot();
    h.must({ type: 'delete-stack', stackId: 's1' });
    expect(h.engine.programSnapshot()).toMatchObject({ preview: null, revision: revision + 1 });
    // Really cleared, not just hidden: a take finds nothing, and the cue coming back does not revive it.
    expect(h.engine.dispatch({ type: 'take', cueId: 'b' })).toMatchObject({ ok: false, error: { code: 'NOTHING_IN_PREVIEW' } });
    h.must({ type: 'load-show', show: testShow() });
    expect(h.engine.programSnapshot().preview).toBeNull();
  });

  it('keeps a preview from another stack, and what is on air', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'cue', cueId: 'c' });
    h.must({ type: 'delete-stack', stackId: 's1' });
    const snap = h.engine.programSnapshot();
    expect(snap.preview?.cueId).toBe('c');
    expect(snap.program['lower-third']?.cueId).toBe('a');
  });

  it('refuses an unknown stack', () => {
    refused(engineHarness(), { type: 'delete-stack', stackId: 'nope' }, 'UNKNOWN_STACK');
  });
});

describe('add-cue', () => {
  it("takes the template's title and layer, and stores only the fields given: the defaults stay the template's", () => {
    const h = engineHarness();
    h.must({ type: 'add-cue', stackId: 's2', template: 'strap', cueId: 'new', fields: { headline: ' Hello ' } });
    expect(findCue(h.engine.showSnapshot().show, 'new')?.cue).toEqual({
      id: 'new',
      title: 'Hello',
      autoTitle: true,
      template: 'strap',
      layer: 'lower-third',
      fields: { headline: 'Hello' },
    });
  });

  it('gives a fresh unique id when none is asked for', () => {
    const h = engineHarness();
    h.must({ type: 'add-cue', stackId: 's2', template: 'strap' });
    h.must({ type: 'add-cue', stackId: 's2', template: 'strap' });
    const all = h.engine.showSnapshot().show.stacks.flatMap((s) => [s.id, ...s.cues.map((c) => c.id)]);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(8);
  });

  it('honours the index, and appends when it is past the end', () => {
    const h = engineHarness();
    h.must({ type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'first', index: 0 });
    h.must({ type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'second', index: 1 });
    h.must({ type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'last', index: 999 });
    expect(ids(h.engine.showSnapshot().show)[0]).toBe('s1:[first,second,a,b,m,last]');
  });

  it('refuses an unknown template, a duplicate id, an unknown stack and bad fields', () => {
    const h = engineHarness();
    refused(h, { type: 'add-cue', stackId: 's1', template: 'pie-chart' }, 'UNKNOWN_TEMPLATE');
    refused(h, { type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'c' }, 'DUPLICATE_ID');
    refused(h, { type: 'add-cue', stackId: 's1', template: 'strap', cueId: 's2' }, 'DUPLICATE_ID');
    refused(h, { type: 'add-cue', stackId: 'nope', template: 'strap' }, 'UNKNOWN_STACK');
    const message = refused(h, { type: 'add-cue', stackId: 's1', template: 'strap', fields: { variant: 'shouty' } }, 'INVALID_FIELDS');
    expect(message).toContain('variant');
  });
});

describe('edit-cue', () => {
  it('merges fields and changes title and layer', () => {
    const h = engineHarness();
    h.must({ type: 'edit-cue', cueId: 'b', title: 'B2', layer: 'ticker', fields: { subline: 'More' } });
    expect(findCue(h.engine.showSnapshot().show, 'b')?.cue).toEqual({
      id: 'b',
      title: 'B2',
      template: 'strap',
      layer: 'ticker',
      fields: { headline: 'B', subline: 'More', party: 'lab', variant: 'standard' },
    });
  });

  it('refuses a bad field value with INVALID_FIELDS naming the field, and changes nothing', () => {
    const h = engineHarness();
    expect(refused(h, { type: 'edit-cue', cueId: 'a', fields: { headline: '' } }, 'INVALID_FIELDS')).toContain('headline');
    expect(refused(h, { type: 'edit-cue', cueId: 'a', title: 'Also', fields: { party: 'Whig' } }, 'INVALID_FIELDS')).toContain('party');
    expect(refused(h, { type: 'edit-cue', cueId: 'a', fields: { colour: 'red' } }, 'INVALID_FIELDS')).toContain('colour');
  });

  it('refuses an unknown cue', () => {
    refused(engineHarness(), { type: 'edit-cue', cueId: 'nope', title: 'X' }, 'UNKNOWN_CUE');
  });
});

describe('delete-cue', () => {
  it('removes the cue and clears it from preview; what is on air stays', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'delete-cue', cueId: 'a' });
    h.must({ type: 'cue', cueId: 'b' });
    h.must({ type: 'delete-cue', cueId: 'b' });
    expect(ids(h.engine.showSnapshot().show)).toEqual(['s1:[m]', 's2:[c]']);
    const snap = h.engine.programSnapshot();
    expect(snap.preview).toBeNull();
    expect(snap.program['lower-third']?.cueId).toBe('a');
    expect(h.engine.dispatch({ type: 'take', cueId: 'b' })).toMatchObject({ ok: false, error: { code: 'NOTHING_IN_PREVIEW' } });
  });

  it('refuses an unknown cue', () => {
    refused(engineHarness(), { type: 'delete-cue', cueId: 'nope' }, 'UNKNOWN_CUE');
  });
});

describe('move-cue', () => {
  it('moves a cue across stacks at the index, intact and not duplicated', () => {
    const h = engineHarness();
    const before = findCue(h.engine.showSnapshot().show, 'b')!.cue;
    h.must({ type: 'move-cue', cueId: 'b', stackId: 's2', index: 0 });
    const { show } = h.engine.showSnapshot();
    expect(ids(show)).toEqual(['s1:[a,m]', 's2:[b,c]']);
    expect(findCue(show, 'b')?.cue).toEqual(before);
  });

  it('reorders within a stack and clamps an index past the end', () => {
    const h = engineHarness();
    h.must({ type: 'move-cue', cueId: 'a', stackId: 's1', index: 50 });
    expect(ids(h.engine.showSnapshot().show)[0]).toBe('s1:[b,m,a]');
  });

  it('refuses an unknown cue or stack', () => {
    const h = engineHarness();
    refused(h, { type: 'move-cue', cueId: 'nope', stackId: 's2', index: 0 }, 'UNKNOWN_CUE');
    refused(h, { type: 'move-cue', cueId: 'a', stackId: 'nope', index: 0 }, 'UNKNOWN_STACK');
  });
});

describe('load-show', () => {
  function otherShow(): Show {
    const show = testShow();
    show.name = 'Other';
    show.stacks = [show.stacks[1]!];
    return show;
  }

  it('replaces the show and keeps the program on air', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    const onAir = h.engine.programSnapshot().program;
    h.must({ type: 'load-show', show: otherShow() });
    expect(h.engine.showSnapshot().show.name).toBe('Other');
    expect(h.engine.programSnapshot().program).toEqual(onAir);
  });

  it('drops a preview the new show lacks and keeps one it has', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'load-show', show: otherShow() });
    expect(h.engine.programSnapshot().preview).toBeNull();
    h.must({ type: 'cue', cueId: 'c' });
    h.must({ type: 'load-show', show: testShow() });
    expect(h.engine.programSnapshot().preview?.cueId).toBe('c');
  });

  it('refuses a show with a duplicate id, naming stacks[i].cues[j]', () => {
    const show = testShow();
    show.stacks[1]!.cues.push({ ...show.stacks[0]!.cues[1]! });
    const message = refused(engineHarness(), { type: 'load-show', show }, 'DUPLICATE_ID');
    expect(message).toContain('stacks[1].cues[1]');
  });

  it('refuses a show with an unknown template, naming stacks[i].cues[j]', () => {
    const show = testShow();
    show.stacks[0]!.cues[2]!.template = 'pie-chart';
    const message = refused(engineHarness(), { type: 'load-show', show }, 'UNKNOWN_TEMPLATE');
    expect(message).toContain('stacks[0].cues[2]');
    expect(message).toContain('pie-chart');
  });

  it('refuses a show with a bad field, naming the cue and the field', () => {
    const show = testShow();
    show.stacks[1]!.cues[0]!.fields = { headline: 'x'.repeat(71) };
    const message = refused(engineHarness(), { type: 'load-show', show }, 'INVALID_FIELDS');
    expect(message).toContain('stacks[1].cues[0]');
    expect(message).toContain('headline');
  });
});
