import { describe, expect, it } from 'vitest';
import { findCue, type Show } from '../../../main/engine/show';
import { engineHarness, testShow } from '../../support/engine-fixture';
import {
  DRAW_ALL_ROWS,
  NO_FILTER,
  ROW_HEIGHT,
  buildRows,
  dropIndex,
  neighbourMove,
  uniqueId,
  visibleRange,
  type DropAt,
} from '../../../renderer/components/stack-editor-rows';

/** The stack list's row model: what is drawn where, what a search keeps, where a drop lands. */
const withEmpty = (): Show => ({ ...testShow(), stacks: [...testShow().stacks, { id: 's3', name: 'Empty', cues: [] }] });
const shape = (show: Show, filter = NO_FILTER) =>
  buildRows(show, filter).rows.map((r) =>
    r.kind === 'stack' ? `[${r.stack.id} ${r.shown}]` : r.kind === 'cue' ? `${r.cue.id}@${r.index}` : `(empty ${r.stackId})`,
  );

describe('buildRows', () => {
  it('lays out headers, cues and a placeholder for an empty stack, at fixed heights', () => {
    const model = buildRows(withEmpty(), NO_FILTER);
    expect(shape(withEmpty())).toEqual(['[s1 3]', 'a@0', 'b@1', 'm@2', '[s2 1]', 'c@0', '[s3 0]', '(empty s3)']);
    expect(model.offsets.slice(0, 3)).toEqual([0, ROW_HEIGHT.stack, ROW_HEIGHT.stack + ROW_HEIGHT.cue]);
    expect(model.total).toBe(3 * ROW_HEIGHT.stack + 4 * ROW_HEIGHT.cue + ROW_HEIGHT.empty);
    expect(model.cueIds).toEqual(['a', 'b', 'm', 'c']);
    expect(model.rowOfCue.get('c')).toBe(5);
  });

  it('searches title, template name, id and field words; every term must match; stacks without a match go', () => {
    expect(shape(withEmpty(), { ...NO_FILTER, text: 'two step' })).toEqual(['[s1 1]', 'm@2']);
    expect(shape(withEmpty(), { ...NO_FILTER, text: 'STRAP lab' })).toEqual(['[s1 1]', 'b@1']);
    expect(shape(withEmpty(), { ...NO_FILTER, template: 'strap' })).toEqual(['[s1 2]', 'a@0', 'b@1', '[s2 1]', 'c@0']);
    expect(shape(withEmpty(), { ...NO_FILTER, layer: 'fullscreen' })).toEqual(['[s1 1]', 'm@2']);
    expect(shape(withEmpty(), { ...NO_FILTER, text: 'nothing like this' })).toEqual([]);
  });

  it('finds the rows in view by binary search, 2,000 cues or not', () => {
    const cues = Array.from({ length: 2000 }, (_, i) => ({ ...testShow().stacks[0]!.cues[0]!, id: `q${i}` }));
    const model = buildRows({ ...testShow(), stacks: [{ id: 'big', name: 'Big', cues }] }, NO_FILTER);
    const [start, end] = visibleRange(model, 52_000, 800, 0);
    expect(model.offsets[start]).toBeLessThanOrEqual(52_000);
    expect(model.offsets[start + 1]).toBeGreaterThan(52_000);
    expect(model.offsets[end - 1]).toBeLessThan(52_800);
    expect(end - start).toBeLessThanOrEqual(Math.ceil(800 / ROW_HEIGHT.cue) + 1);
    expect(visibleRange(model, 0, 800, 1600)[0]).toBe(0);
  });

  it('draws a short show whole, wherever it is scrolled', () => {
    const cues = Array.from({ length: DRAW_ALL_ROWS - 1 }, (_, i) => ({ ...testShow().stacks[0]!.cues[0]!, id: `q${i}` }));
    const model = buildRows({ ...testShow(), stacks: [{ id: 'mid', name: 'Mid', cues }] }, NO_FILTER);
    expect(visibleRange(model, 5_000, 600, 0)).toEqual([0, DRAW_ALL_ROWS]);
  });
});

describe('drops and nudges land where move-cue puts them', () => {
  /** Applies the answer with the real engine, so the index convention is the engine's own. */
  const order = (id: string, to: { stackId: string; index: number } | null) => {
    const h = engineHarness();
    if (to) h.must({ type: 'move-cue', cueId: id, ...to });
    return h.engine.showSnapshot().show.stacks.map((s) => s.cues.map((c) => c.id).join(''));
  };
  const drop = (id: string, at: DropAt) => order(id, dropIndex(testShow(), id, at));

  it('before and after a cue, moving down or up the same stack', () => {
    expect(drop('a', { stackId: 's1', afterCueId: 'b' })).toEqual(['bam', 'c']);
    expect(drop('a', { stackId: 's1', beforeCueId: 'm' })).toEqual(['bam', 'c']);
    expect(drop('m', { stackId: 's1', beforeCueId: 'a' })).toEqual(['mab', 'c']);
    expect(drop('c', { stackId: 's1', afterCueId: 'm' })).toEqual(['abmc', '']);
    expect(drop('b', { stackId: 's2', start: true })).toEqual(['am', 'bc']);
  });

  it('a drop onto the dragged cue itself is no move', () => {
    expect(dropIndex(testShow(), 'a', { stackId: 's1', beforeCueId: 'a' })).toBeNull();
  });

  it('Alt+arrows move one place and cross into the next stack at the ends', () => {
    expect(order('a', neighbourMove(testShow(), 'a', 1))).toEqual(['bam', 'c']);
    expect(order('m', neighbourMove(testShow(), 'm', 1))).toEqual(['ab', 'mc']);
    expect(order('c', neighbourMove(testShow(), 'c', -1))).toEqual(['abmc', '']);
    expect(neighbourMove(testShow(), 'a', -1)).toBeNull();
    expect(neighbourMove(testShow(), 'c', 1)).toBeNull();
  });

  it('new ids are readable and unused', () => {
    expect(uniqueId(testShow(), 'strap')).toBe('strap');
    expect(uniqueId(testShow(), 'a')).toBe('a-2');
    expect(uniqueId(testShow(), 'a b/c')).toBe('a-b-c');
    expect(findCue(testShow(), uniqueId(testShow(), 'b'))).toBeUndefined();
  });
});
