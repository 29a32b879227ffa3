import { describe, expect, it } from 'vitest';
import type { AsRunEntry } from '../../../main/engine/protocol';
import { findCue } from '../../../main/engine/show';
import { T0, engineHarness } from '../../support/engine-fixture';

/** The engine's bookkeeping around the handlers: revisions, take guard, as-run, listeners. */

type OnAirEntry = Exclude<AsRunEntry, { action: 'mode' }>;

/** The on-air as-run entries among the events (mode changes are tested with the results). */
function asRunOf(events: ReturnType<typeof engineHarness>['events']): OnAirEntry[] {
  return events.flatMap((e) => (e.type === 'as-run' && e.data.action !== 'mode' ? [e.data] : []));
}

describe('revision', () => {
  it('starts at 1 and bumps on every preview and program change', () => {
    const h = engineHarness();
    const seen = [h.engine.programSnapshot().revision];
    const steps: unknown[] = [
      { type: 'cue', cueId: 'a' },
      { type: 'take', cueId: 'a' },
      { type: 'cue', cueId: 'm' },
      { type: 'take', cueId: 'm' },
      { type: 'next', layer: 'fullscreen' },
      { type: 'update', layer: 'lower-third' },
      { type: 'out', layer: 'fullscreen' },
      { type: 'clear-all' },
    ];
    for (const step of steps) {
      const r = h.engine.dispatch(step);
      expect(r.ok, JSON.stringify(step)).toBe(true);
      if (r.ok) expect(r.revision).toBe(h.engine.programSnapshot().revision);
      seen.push(h.engine.programSnapshot().revision);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('does not bump on a rejected command, and emits no program event for it', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    const before = h.engine.programSnapshot();
    h.events.length = 0;
    const r = h.engine.dispatch({ type: 'take', cueId: 'b' });
    expect(r).toMatchObject({ ok: false, error: { code: 'STALE_TAKE' } });
    expect(h.engine.programSnapshot()).toEqual(before);
    expect(h.events.map((e) => e.type)).toEqual(['error']);
  });

  it('does not bump on a show-only edit of a cue that is not in preview, but showRevision does', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    const { revision } = h.engine.programSnapshot();
    const { showRevision } = h.engine.showSnapshot();
    h.events.length = 0;
    const r = h.engine.dispatch({ type: 'edit-cue', cueId: 'c', fields: { headline: 'C edited' } });
    expect(r).toMatchObject({ ok: true, revision, showRevision: showRevision + 1 });
    expect(h.engine.programSnapshot().revision).toBe(revision);
    expect(h.events.map((e) => e.type)).toEqual(['show']);
  });

  it('bumps when the cue in preview is edited, since outputs preload it', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    const { revision } = h.engine.programSnapshot();
    h.must({ type: 'edit-cue', cueId: 'a', fields: { headline: 'A edited' } });
    const after = h.engine.programSnapshot();
    expect(after.revision).toBe(revision + 1);
    expect(after.preview?.fields.headline).toBe('A edited');
  });

  it('bumps showRevision on every edit and not on playout commands', () => {
    const h = engineHarness();
    expect(h.engine.showSnapshot().showRevision).toBe(1);
    h.must({ type: 'add-stack', name: 'Third' });
    h.must({ type: 'rename-stack', stackId: 's2', name: 'Renamed' });
    h.must({ type: 'move-cue', cueId: 'c', stackId: 's1', index: 0 });
    expect(h.engine.showSnapshot().showRevision).toBe(4);
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'out', layer: 'lower-third' });
    expect(h.engine.showSnapshot().showRevision).toBe(4);
  });
});

describe('event order', () => {
  it('tells outputs of the air first: program, then as-run, then show', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.events.length = 0;
    h.must({ type: 'update', layer: 'lower-third', fields: { headline: 'Changed' } });
    expect(h.events.map((e) => e.type)).toEqual(['program', 'as-run', 'show']);
  });
});

describe('minimum take interval (200 ms per layer)', () => {
  function aOnAirThenCueB() {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'cue', cueId: 'b' });
    return h;
  }

  it('refuses a take on the same layer 199 ms after the last one', () => {
    const h = aOnAirThenCueB();
    h.advance(199);
    const r = h.engine.dispatch({ type: 'take', cueId: 'b' });
    expect(r).toMatchObject({ ok: false, error: { code: 'TAKE_TOO_SOON' } });
    expect(h.engine.programSnapshot().program['lower-third']?.cueId).toBe('a');
  });

  it('accepts a take on the same layer 200 ms after the last one', () => {
    const h = aOnAirThenCueB();
    h.advance(200);
    expect(h.engine.dispatch({ type: 'take', cueId: 'b' }).ok).toBe(true);
    expect(h.engine.programSnapshot().program['lower-third']?.cueId).toBe('b');
  });

  it('accepts a take on another layer at the same instant', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'cue', cueId: 'm' });
    expect(h.engine.dispatch({ type: 'take', cueId: 'm' }).ok).toBe(true);
    expect(Object.keys(h.engine.programSnapshot().program).sort()).toEqual(['fullscreen', 'lower-third']);
  });
});

describe('as-run events', () => {
  it('are emitted with the injected clock as ISO time and the right action, layer and cue', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'm' });
    h.advance(1_000);
    h.must({ type: 'take', cueId: 'm' });
    h.advance(1_000);
    h.must({ type: 'next', layer: 'fullscreen' });
    h.advance(1_000);
    h.must({ type: 'update', layer: 'fullscreen', fields: { label: 'm2' } });
    h.advance(1_000);
    h.must({ type: 'out', layer: 'fullscreen' });
    const entries = asRunOf(h.events);
    expect(entries).toEqual([
      { at: '2024-07-04T22:00:01.000Z', revision: 3, action: 'take', layer: 'fullscreen', cueId: 'm', template: 'two-step', title: 'M', step: 1 },
      { at: '2024-07-04T22:00:02.000Z', revision: 4, action: 'next', layer: 'fullscreen', cueId: 'm', template: 'two-step', title: 'M', step: 2 },
      { at: '2024-07-04T22:00:03.000Z', revision: 5, action: 'update', layer: 'fullscreen', cueId: 'm', template: 'two-step', title: 'M', step: 2 },
      { at: '2024-07-04T22:00:04.000Z', revision: 6, action: 'out', layer: 'fullscreen', cueId: 'm', template: 'two-step', title: 'M', step: 2 },
    ]);
  });

  it('clear-all emits one entry per layer on air', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    h.must({ type: 'cue', cueId: 'm' });
    h.must({ type: 'take', cueId: 'm' });
    h.events.length = 0;
    h.advance(5_000);
    h.must({ type: 'clear-all' });
    const entries = asRunOf(h.events);
    expect(entries.map((e) => e.action)).toEqual(['clear-all', 'clear-all']);
    expect(entries.map((e) => `${e.layer}:${e.cueId}`).sort()).toEqual(['fullscreen:m', 'lower-third:a']);
    expect(entries.every((e) => e.at === new Date(T0 + 5_000).toISOString())).toBe(true);
    expect(h.engine.programSnapshot().program).toEqual({});
  });

  it('are not emitted for a cue (preview only) or a rejected command', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.engine.dispatch({ type: 'out', layer: 'bug' });
    expect(asRunOf(h.events)).toEqual([]);
  });
});

describe('update and re-take', () => {
  function aOnAir() {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    return h;
  }

  it('update bumps updateSeq and keeps takeId and since, so outputs do not replay the in', () => {
    const h = aOnAir();
    const before = h.engine.programSnapshot().program['lower-third']!;
    h.advance(3_000);
    h.must({ type: 'update', layer: 'lower-third', fields: { headline: 'Changed' } });
    const after = h.engine.programSnapshot().program['lower-third']!;
    expect(after.updateSeq).toBe(before.updateSeq + 1);
    expect(after.takeId).toBe(before.takeId);
    expect(after.since).toBe(before.since);
    expect(after.fields.headline).toBe('Changed');
  });

  it('update with fields writes them back into the cue in the show', () => {
    const h = aOnAir();
    const { showRevision } = h.engine.showSnapshot();
    h.must({ type: 'update', layer: 'lower-third', fields: { headline: 'Changed' } });
    const { show, showRevision: after } = h.engine.showSnapshot();
    expect(findCue(show, 'a')?.cue.fields).toEqual({ headline: 'Changed', subline: '', party: 'none', variant: 'standard' });
    expect(after).toBe(showRevision + 1);
  });

  it('update without fields sends the cue as edited in the show since the take', () => {
    const h = aOnAir();
    h.must({ type: 'edit-cue', cueId: 'a', fields: { subline: 'Edited off-air' } });
    expect(h.engine.programSnapshot().program['lower-third']?.fields.subline).toBe('');
    h.must({ type: 'update', layer: 'lower-third' });
    expect(h.engine.programSnapshot().program['lower-third']?.fields.subline).toBe('Edited off-air');
  });

  it('a take of another cue on the layer gets a new takeId', () => {
    const h = aOnAir();
    const first = h.engine.programSnapshot().program['lower-third']!.takeId;
    h.must({ type: 'cue', cueId: 'b' });
    h.advance(500);
    h.must({ type: 'take', cueId: 'b' });
    const second = h.engine.programSnapshot().program['lower-third']!;
    expect(second.cueId).toBe('b');
    expect(second.takeId).not.toBe(first);
    expect(second.updateSeq).toBe(0);
  });
});

describe('clear-all with nothing on air', () => {
  it('is ok and bumps nothing and tells no one', () => {
    const h = engineHarness();
    h.must({ type: 'cue', cueId: 'a' });
    const program = h.engine.programSnapshot();
    const show = h.engine.showSnapshot();
    const { resultsRevision } = h.engine.resultsSnapshot();
    h.events.length = 0;
    const r = h.engine.dispatch({ type: 'clear-all' });
    expect(r).toEqual({ ok: true, revision: program.revision, showRevision: show.showRevision, resultsRevision });
    expect(h.engine.programSnapshot()).toEqual(program);
    expect(h.events).toEqual([]);
  });
});

describe('listeners', () => {
  it('one that throws does not break dispatch or the listeners after it', () => {
    const h = engineHarness();
    let thrown = 0;
    h.engine.subscribe(() => {
      thrown += 1;
      throw new Error('broken view');
    });
    const later: string[] = [];
    h.engine.subscribe((e) => later.push(e.type));
    h.must({ type: 'cue', cueId: 'a' });
    const r = h.engine.dispatch({ type: 'take', cueId: 'a' });
    expect(r.ok).toBe(true);
    expect(h.engine.dispatch({ type: 'take', cueId: 'nope' }).ok).toBe(false);
    expect(thrown).toBeGreaterThanOrEqual(4);
    expect(later).toEqual(['program', 'program', 'as-run', 'error']);
    expect(h.engine.programSnapshot().program['lower-third']?.cueId).toBe('a');
  });

  it('stop hearing events once unsubscribed', () => {
    const h = engineHarness();
    const heard: string[] = [];
    const stop = h.engine.subscribe((e) => heard.push(e.type));
    h.must({ type: 'cue', cueId: 'a' });
    stop();
    h.must({ type: 'cue', cueId: 'b' });
    expect(heard).toEqual(['program']);
  });
});
