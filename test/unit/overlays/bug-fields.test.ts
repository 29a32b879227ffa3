import { describe, expect, it } from 'vitest';
import { baselineFromSeats } from '../../../main/engine/election';
import { Engine } from '../../../main/engine/engine';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { TEMPLATES } from '../../../main/templates/definitions';
import { bugFields } from '../../../main/templates/bug/schema';
import { secondsToNextTick, ukClock } from '../../../overlays/graphics/bug/clock';

const issues = (fields: unknown) => bugFields.safeParse(fields).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('bug fields', () => {
  it('default to a LIVE badge in the top-right corner', () => {
    expect(bugFields.parse({})).toEqual({ text: 'Live', mode: 'text', time: '', corner: 'top-right', accent: 'live' });
  });

  it('take a fixed 24-hour time for the clock and refuse anything else, saying how to write it', () => {
    expect(bugFields.parse({ mode: 'clock', time: '22:00' }).time).toBe('22:00');
    expect(issues({ mode: 'clock', time: '25:00' })).toEqual(['time: a fixed time is HH:MM on the 24-hour clock, like 22:00']);
    expect(issues({ mode: 'clock', time: '10pm' })).toEqual(['time: a fixed time is HH:MM on the 24-hour clock, like 22:00']);
  });

  it('need text in text mode, allow a bare clock, and refuse text too long for the corner', () => {
    expect(issues({ text: '  ' })).toEqual(['text: a text bug needs some text']);
    expect(bugFields.parse({ text: '', mode: 'clock' }).text).toBe('');
    expect(issues({ text: 'Election night special' })).toEqual(['text: at most 16 characters fit the bug']);
    expect(issues({ corner: 'middle' })?.[0]).toMatch(/^corner: /);
    expect(issues({ accent: 'purple' })?.[0]).toMatch(/^accent: /);
  });

  it('are checked by the engine: a bad update on air is refused and the air is unchanged', () => {
    const cues = [{ id: 'b', title: 'Bug', template: 'bug', layer: 'bug' as const, fields: { text: 'Exit poll' } }];
    const show: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Bug', stacks: [{ id: 's', name: 'S', cues }] };
    const baseline = baselineFromSeats([{ onsCode: 'E14001425', winner: 'con', validVotes: 10, partyVotes: { con: 10 } }]);
    const engine = new Engine({ show, baseline, templates: TEMPLATES, now: () => 0 });
    expect(engine.dispatch({ type: 'cue', cueId: 'b' }).ok).toBe(true);
    expect(engine.dispatch({ type: 'take', cueId: 'b' }).ok).toBe(true);
    expect(engine.programSnapshot().program.bug?.view).toMatchObject({ text: 'Exit poll' });
    const before = engine.programSnapshot();
    const r = engine.dispatch({ type: 'update', layer: 'bug', fields: { mode: 'clock', time: '7pm' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FIELDS' } });
    expect(!r.ok && r.error.message).toContain('Bug fields: time: a fixed time is HH:MM');
    expect(engine.programSnapshot()).toEqual(before);
  });
});

describe('the bug clock', () => {
  it('reads UK time: BST on a July night, GMT on a December one, whatever the machine zone', () => {
    expect(ukClock(new Date(Date.UTC(2024, 6, 4, 21, 0)))).toBe('22:00');
    expect(ukClock(new Date(Date.UTC(2019, 11, 12, 22, 0)))).toBe('22:00');
    expect(ukClock(new Date(Date.UTC(2024, 6, 5, 3, 7, 59)))).toBe('04:07');
    // The hour after midnight reads 00, not 24.
    expect(ukClock(new Date(Date.UTC(2024, 6, 4, 23, 30)))).toBe('00:30');
  });

  it('ticks just past each whole second', () => {
    expect(secondsToNextTick(Date.UTC(2024, 6, 4, 21, 0, 0, 250))).toBeCloseTo(0.755, 6);
    expect(secondsToNextTick(Date.UTC(2024, 6, 4, 21, 0, 0, 999))).toBeCloseTo(0.006, 6);
  });
});
