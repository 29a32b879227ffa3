import { describe, expect, it } from 'vitest';
import { LAYERS as ENGINE_LAYERS } from '../../../main/engine/show';
import { LAYERS, parseStreamMessage } from '../../../companion/src/wire';
import {
  applyMessage,
  changedValues,
  cueInPreview,
  cueOnAir,
  EMPTY_VIEW,
  layerOccupied,
  onAirText,
  variableValues,
  withConnection,
  type StraplineView,
} from '../../../companion/src/view';
import { commandsFor, parsePayload } from '../../../companion/src/commands';
import { backoffMs } from '../../../companion/src/link';
import { presetDefinitions } from '../../../companion/src/definitions';

// The Companion module's pure half: what is on air becomes feedback and variables, a button's action becomes commands.

const graphic = { takeId: 1, cueId: 'a', title: 'Peterborough', step: 2, steps: 3 };
const show = {
  name: 'Night',
  stacks: [
    {
      id: 's1',
      name: 'Seats',
      cues: [
        { id: 'a', title: 'Peterborough', layer: 'lower-third' as const },
        { id: 'b', title: 'Bedford', layer: 'lower-third' as const },
      ],
    },
  ],
};
const view: StraplineView = {
  connection: 'connected',
  program: { revision: 4, program: { 'lower-third': graphic }, preview: { cueId: 'b', layer: 'lower-third' } },
  show,
  results: { resultsRevision: 2, totals: { declared: 12, seatCount: 650 }, corrections: [{ onsCode: 'E14000530' }, { onsCode: 'E14000531' }] },
};

describe('companion view', () => {
  it("keeps the engine's layers", () => expect([...LAYERS]).toEqual([...ENGINE_LAYERS]));

  it('lights on air, in preview and occupied layers, and puts the title and step on the button', () => {
    expect([cueOnAir(view, 'a'), cueOnAir(view, 'b'), cueInPreview(view, 'b'), cueInPreview(view, 'a')]).toEqual([true, false, true, false]);
    expect([layerOccupied(view, 'lower-third'), layerOccupied(view, 'bug')]).toEqual([true, false]);
    expect(onAirText(view, 'lower-third')).toBe('Peterborough\n2/3');
    expect(onAirText(view, 'bug')).toBe('BUG\nOFF');
  });

  it('gives every variable, and only those that moved', () => {
    const values = variableValues(view);
    expect(values).toMatchObject({
      lower_third_title: 'Peterborough',
      lower_third_step: 2,
      bug_step: 0,
      preview_cue: 'b',
      preview_title: 'Bedford',
      seats_declared: 12,
      corrections_waiting: 2,
      connection: 'connected',
    });
    const next = variableValues(applyMessage(view, { type: 'program', data: { revision: 5, program: {}, preview: null } }));
    expect(changedValues(values, next)).toEqual({ lower_third_title: '', lower_third_step: 0, preview_cue: '', preview_title: '' });
  });

  it('forgets what was on air when the link drops, so no button stays lit', () => {
    const down = withConnection(view, 'reconnecting');
    expect([cueOnAir(down, 'a'), down.show, variableValues(down).seats_declared]).toEqual([false, null, '']);
  });

  it('reads only the stream messages it uses, and says what was wrong in one it refuses', () => {
    expect(parseStreamMessage('{"type":"as-run","data":{}}')).toEqual({ ok: true, message: null });
    expect(parseStreamMessage('nope')).toEqual({ ok: false, error: 'a message from Strapline is not JSON' });
    const bad = parseStreamMessage(
      JSON.stringify({ type: 'program', data: { revision: 1, program: { 'lower-third': { ...graphic, step: 'two' } }, preview: null } }),
    );
    expect(bad.ok === false && bad.error).toMatch(/^Strapline's "program" message was refused: program\.lower-third\.step: /);
    expect(applyMessage(EMPTY_VIEW, { type: 'show', data: { showRevision: 1, show } }).show).toEqual(show);
  });
});

describe('companion commands', () => {
  it('takes the preview, or loads and takes a named cue', () => {
    expect(commandsFor({ kind: 'take', cueId: null }, view)).toEqual({ ok: true, commands: [{ type: 'take', cueId: 'b' }] });
    expect(commandsFor({ kind: 'take', cueId: 'a' }, view)).toEqual({
      ok: true,
      commands: [
        { type: 'cue', cueId: 'a' },
        { type: 'take', cueId: 'a' },
      ],
    });
    expect(commandsFor({ kind: 'take', cueId: null }, EMPTY_VIEW)).toEqual({ ok: false, error: 'take: nothing is in preview' });
  });

  it('cues by stack name or id and position, and refuses a position past the end', () => {
    expect(commandsFor({ kind: 'cue-position', stack: 'Seats', position: 2 }, view)).toEqual({ ok: true, commands: [{ type: 'cue', cueId: 'b' }] });
    expect(commandsFor({ kind: 'cue-position', stack: 's1', position: 1 }, view)).toEqual({ ok: true, commands: [{ type: 'cue', cueId: 'a' }] });
    expect(commandsFor({ kind: 'cue-position', stack: 'Seats', position: 3 }, view)).toEqual({
      ok: false,
      error: 'cue: stack "Seats" has 2 cues, not a cue 3',
    });
    expect(commandsFor({ kind: 'cue-position', stack: 'Wales', position: 1 }, view)).toEqual({ ok: false, error: 'cue: the show has no stack "Wales"' });
  });

  it('accepts the oldest waiting correction, steps, updates, clears and sends custom actions', () => {
    expect(commandsFor({ kind: 'accept-correction' }, view)).toEqual({ ok: true, commands: [{ type: 'accept-correction', onsCode: 'E14000530' }] });
    expect(commandsFor({ kind: 'next', layer: 'bug' }, view)).toEqual({ ok: true, commands: [{ type: 'next', layer: 'bug' }] });
    expect(commandsFor({ kind: 'update', layer: 'ticker' }, view)).toEqual({ ok: true, commands: [{ type: 'update', layer: 'ticker' }] });
    expect(commandsFor({ kind: 'clear-all' }, view)).toEqual({ ok: true, commands: [{ type: 'clear-all' }] });
    expect(commandsFor({ kind: 'custom-action', layer: 'fullscreen', action: 'highlight', payload: { party: 'LAB' } }, view)).toEqual({
      ok: true,
      commands: [{ type: 'custom-action', layer: 'fullscreen', action: 'highlight', payload: { party: 'LAB' } }],
    });
    expect(parsePayload('{"a":1')).toMatchObject({ ok: false, error: expect.stringMatching(/^custom action: the payload is not JSON/) });
    expect(parsePayload('')).toEqual({ ok: true, payload: undefined });
  });

  it('backs off from 250 ms to at most 5 s', () => expect([0, 1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]));

  it('makes a page of buttons for each stack, and the controls', () => {
    const presets = presetDefinitions(show);
    expect(
      Object.values(presets)
        .filter((p) => p?.category === 'Stack: Seats')
        .map((p) => p?.name),
    ).toEqual(['Peterborough', 'Bedford']);
    expect(presets.cue_s1_a).toMatchObject({
      steps: [{ down: [{ actionId: 'take', options: { cueId: 'a' } }] }],
      feedbacks: [{ feedbackId: 'cue_in_preview' }, { feedbackId: 'cue_on_air' }],
    });
    expect(presets.clear_all).toMatchObject({ category: 'Controls', steps: [{ down: [{ actionId: 'clear_all' }] }] });
  });
});
