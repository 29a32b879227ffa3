import { describe, expect, it } from 'vitest';
import type { Command } from '../../../main/engine/protocol';
import type { Show } from '../../../main/engine/show';
import { HISTORY_LIMIT } from '../../../main/engine/show-history';
import { engineHarness, testShow } from '../../support/engine-fixture';

/**
 * Undo and redo, driven through the engine as every transport does. The table
 * reaches each start state with real commands, keeps the show after every
 * step, and says which of those shows undo and redo must bring back.
 */
const rename: Command = { type: 'rename-stack', stackId: 's1', name: 'Renamed' };
const addStack: Command = { type: 'add-stack', name: 'Third', stackId: 's3' };
const load: Command = { type: 'load-show', show: testShow() };

interface Row {
  steps: Command[];
  /** The index of the show (0 = before any step) the command restores, or the code it fails with. */
  undo: number | string;
  redo: number | string;
}
const TABLE: Record<string, Row> = {
  'no edits yet': { steps: [], undo: 'NOTHING_TO_UNDO', redo: 'NOTHING_TO_REDO' },
  'one edit': { steps: [rename], undo: 0, redo: 'NOTHING_TO_REDO' },
  'one edit, undone': { steps: [rename, { type: 'undo' }], undo: 'NOTHING_TO_UNDO', redo: 1 },
  'two edits, one undone': { steps: [rename, addStack, { type: 'undo' }], undo: 0, redo: 2 },
  'undone, redone': { steps: [rename, { type: 'undo' }, { type: 'redo' }], undo: 0, redo: 'NOTHING_TO_REDO' },
  'undone, then a new edit': { steps: [rename, { type: 'undo' }, addStack], undo: 2, redo: 'NOTHING_TO_REDO' },
  'an edit, then a show loaded': { steps: [rename, load], undo: 'NOTHING_TO_UNDO', redo: 'NOTHING_TO_REDO' },
  'playout only': {
    steps: [
      { type: 'cue', cueId: 'a' },
      { type: 'take', cueId: 'a' },
    ],
    undo: 'NOTHING_TO_UNDO',
    redo: 'NOTHING_TO_REDO',
  },
};

describe('undo and redo: state table', () => {
  for (const [label, row] of Object.entries(TABLE)) {
    for (const type of ['undo', 'redo'] as const) {
      const expected = row[type];
      it(`${label}: ${type} -> ${typeof expected === 'number' ? `show after step ${expected}` : expected}`, () => {
        const h = engineHarness();
        const shows: Show[] = [h.engine.showSnapshot().show];
        for (const step of row.steps) {
          h.must(step);
          shows.push(h.engine.showSnapshot().show);
        }
        const before = h.engine.showSnapshot();
        const program = h.engine.programSnapshot();
        h.events.length = 0;
        const r = h.engine.dispatch({ type });
        if (typeof expected === 'string') {
          expect(r).toMatchObject({ ok: false, error: { code: expected } });
          expect(h.engine.showSnapshot()).toEqual(before);
          expect(h.events.map((e) => e.type)).toEqual(['error']);
        } else {
          expect(r.ok).toBe(true);
          expect(h.engine.showSnapshot().show).toEqual(shows[expected]);
          expect(h.engine.showSnapshot().showRevision).toBe(before.showRevision + 1);
          expect(h.events.map((e) => e.type)).toEqual(['show']);
        }
        expect(h.engine.programSnapshot()).toEqual(program);
      });
    }
  }
});

describe('every kind of edit comes back', () => {
  const EDITS: Record<string, Command> = {
    'add-stack': addStack,
    'rename-stack': rename,
    'delete-stack': { type: 'delete-stack', stackId: 's1' },
    'add-cue': { type: 'add-cue', stackId: 's2', template: 'strap', cueId: 'n', fields: { headline: 'New' } },
    'edit-cue': { type: 'edit-cue', cueId: 'b', title: 'B2', layer: 'bug', fields: { headline: 'B edited', party: 'con' } },
    'delete-cue': { type: 'delete-cue', cueId: 'b' },
    'move-cue': { type: 'move-cue', cueId: 'c', stackId: 's1', index: 1 },
  };
  it.each(Object.entries(EDITS))('%s: undo restores the show before it, redo the show after', (_, edit) => {
    const h = engineHarness();
    const before = h.engine.showSnapshot().show;
    h.must(edit);
    const after = h.engine.showSnapshot().show;
    expect(after).not.toEqual(before);
    h.must({ type: 'undo' });
    expect(h.engine.showSnapshot().show).toEqual(before);
    h.must({ type: 'redo' });
    expect(h.engine.showSnapshot().show).toEqual(after);
  });

  it('an update with fields wrote to the cue, so it is an edit too; undo leaves the air as it is', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'update', layer: 'lower-third', fields: { headline: 'Updated' } });
    expect(h.engine.showSnapshot().history.undo).toBe('update');
    h.must({ type: 'undo' });
    expect(h.engine.showSnapshot().show).toEqual(testShow());
    expect(h.engine.programSnapshot().program['lower-third']?.fields.headline).toBe('Updated');
  });
});

describe('undo never touches the air', () => {
  it('keeps program, preview and results; the on-air graphic keeps the fields it went out with', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'cue', cueId: 'b' });
    h.must({ type: 'edit-cue', cueId: 'a', fields: { headline: 'A edited' } });
    h.must({ type: 'declare-results', source: 'test', seats: [{ onsCode: 'E14000001', revision: 1, state: 'rush', winner: 'lab' }] });
    const program = h.engine.programSnapshot();
    const results = h.engine.resultsSnapshot();
    h.events.length = 0;
    h.must({ type: 'undo' });
    expect(h.engine.programSnapshot()).toEqual(program);
    expect(h.engine.resultsSnapshot()).toEqual(results);
    expect(h.engine.showSnapshot().show).toEqual(testShow());
    // Results commands were not edits: the one undo went back past the edit to the show.
    expect(h.engine.showSnapshot().history).toMatchObject({ undoDepth: 0, redoDepth: 1, redo: 'edit "A"' });
    expect(h.events.some((e) => e.type === 'as-run' || e.type === 'program')).toBe(false);
  });

  it('clears the preview when the undo takes its cue away, and tells outputs', () => {
    const h = engineHarness();
    h.must({ type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'fresh' });
    h.must({ type: 'cue', cueId: 'fresh' });
    const { revision } = h.engine.programSnapshot();
    h.events.length = 0;
    h.must({ type: 'undo' });
    expect(h.engine.programSnapshot()).toMatchObject({ preview: null, revision: revision + 1 });
    expect(h.events.map((e) => e.type)).toEqual(['program', 'show']);
  });

  it('keeps the preview when its cue survives the undo, with the restored fields', () => {
    const h = engineHarness();
    h.must({ type: 'edit-cue', cueId: 'b', fields: { headline: 'B edited' } });
    h.must({ type: 'cue', cueId: 'b' });
    h.must({ type: 'undo' });
    expect(h.engine.programSnapshot().preview).toMatchObject({ cueId: 'b', fields: { headline: 'B' } });
  });
});

describe('bounds and labels', () => {
  it(`keeps the last ${HISTORY_LIMIT} edits`, () => {
    const h = engineHarness();
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h.must({ type: 'rename-stack', stackId: 's2', name: `Name ${i}` });
    expect(h.engine.showSnapshot().history.undoDepth).toBe(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT; i++) h.must({ type: 'undo' });
    expect(h.engine.showSnapshot().show.stacks[1]?.name).toBe('Name 5');
    expect(h.engine.dispatch({ type: 'undo' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_UNDO' } });
    expect(h.engine.showSnapshot().history.redoDepth).toBe(HISTORY_LIMIT);
  });

  it('names what undo and redo would do, and says what was done', () => {
    const h = engineHarness();
    h.must({ type: 'delete-cue', cueId: 'b' });
    expect(h.engine.showSnapshot().history).toEqual({ undo: 'delete "B"', redo: null, undoDepth: 1, redoDepth: 0 });
    expect(h.engine.dispatch({ type: 'undo' })).toMatchObject({ ok: true, detail: { undone: 'delete "B"' } });
    expect(h.engine.showSnapshot().history).toEqual({ undo: null, redo: 'delete "B"', undoDepth: 0, redoDepth: 1 });
  });

  it('a refused edit is not recorded', () => {
    const h = engineHarness();
    expect(h.engine.dispatch({ type: 'edit-cue', cueId: 'a', fields: { headline: '' } }).ok).toBe(false);
    expect(h.engine.showSnapshot().history.undoDepth).toBe(0);
  });
});
