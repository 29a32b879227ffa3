import { describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { Command } from '../../../main/engine/protocol';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { testTemplates } from '../../support/engine-fixture';
import { baselineFromSeats } from '../../../main/engine/election';

const templates = testTemplates;

const show: Show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Table',
  stacks: [
    {
      id: 's1',
      name: 'Stack',
      cues: [
        { id: 'a', title: 'A', template: 'strap', layer: 'lower-third', fields: { headline: 'A' } },
        { id: 'b', title: 'B', template: 'strap', layer: 'lower-third', fields: { headline: 'B' } },
        { id: 'm', title: 'M', template: 'two-step', layer: 'fullscreen', fields: { label: 'm' } },
      ],
    },
  ],
};

/** Each start state is reached through real commands, with a clock we move by hand. */
const STATES: Record<string, Command[]> = {
  empty: [],
  'a in preview': [{ type: 'cue', cueId: 'a' }],
  'a on air': [
    { type: 'cue', cueId: 'a' },
    { type: 'take', cueId: 'a' },
  ],
  'a on air, b in preview': [
    { type: 'cue', cueId: 'a' },
    { type: 'take', cueId: 'a' },
    { type: 'cue', cueId: 'b' },
  ],
  'm on air at step 2': [
    { type: 'cue', cueId: 'm' },
    { type: 'take', cueId: 'm' },
    { type: 'next', layer: 'fullscreen' },
  ],
};

const COMMANDS: Record<string, Command> = {
  'cue b': { type: 'cue', cueId: 'b' },
  'cue missing': { type: 'cue', cueId: 'nope' },
  'take a': { type: 'take', cueId: 'a' },
  'take b': { type: 'take', cueId: 'b' },
  'next lower-third': { type: 'next', layer: 'lower-third' },
  'next fullscreen': { type: 'next', layer: 'fullscreen' },
  'update lower-third': { type: 'update', layer: 'lower-third', fields: { headline: 'Changed' } },
  'update lower-third bad': { type: 'update', layer: 'lower-third', fields: { headline: '' } },
  'out lower-third': { type: 'out', layer: 'lower-third' },
  'out fullscreen': { type: 'out', layer: 'fullscreen' },
  'clear-all': { type: 'clear-all' },
};

// Expected: 'ok' or the error code. Rows are start states, columns commands.
const EXPECTED: Record<string, Record<string, string>> = {
  empty: {
    'cue b': 'ok',
    'cue missing': 'UNKNOWN_CUE',
    'take a': 'NOTHING_IN_PREVIEW',
    'take b': 'NOTHING_IN_PREVIEW',
    'next lower-third': 'LAYER_EMPTY',
    'next fullscreen': 'LAYER_EMPTY',
    'update lower-third': 'LAYER_EMPTY',
    'update lower-third bad': 'LAYER_EMPTY',
    'out lower-third': 'LAYER_EMPTY',
    'out fullscreen': 'LAYER_EMPTY',
    'clear-all': 'ok',
  },
  'a in preview': {
    'cue b': 'ok',
    'cue missing': 'UNKNOWN_CUE',
    'take a': 'ok',
    'take b': 'STALE_TAKE',
    'next lower-third': 'LAYER_EMPTY',
    'next fullscreen': 'LAYER_EMPTY',
    'update lower-third': 'LAYER_EMPTY',
    'update lower-third bad': 'LAYER_EMPTY',
    'out lower-third': 'LAYER_EMPTY',
    'out fullscreen': 'LAYER_EMPTY',
    'clear-all': 'ok',
  },
  'a on air': {
    'cue b': 'ok',
    'cue missing': 'UNKNOWN_CUE',
    'take a': 'ALREADY_ON_AIR',
    'take b': 'STALE_TAKE',
    'next lower-third': 'NO_NEXT_STEP',
    'next fullscreen': 'LAYER_EMPTY',
    'update lower-third': 'ok',
    'update lower-third bad': 'INVALID_FIELDS',
    'out lower-third': 'ok',
    'out fullscreen': 'LAYER_EMPTY',
    'clear-all': 'ok',
  },
  'a on air, b in preview': {
    'cue b': 'ok',
    'cue missing': 'UNKNOWN_CUE',
    'take a': 'STALE_TAKE',
    'take b': 'ok',
    'next lower-third': 'NO_NEXT_STEP',
    'next fullscreen': 'LAYER_EMPTY',
    'update lower-third': 'ok',
    'update lower-third bad': 'INVALID_FIELDS',
    'out lower-third': 'ok',
    'out fullscreen': 'LAYER_EMPTY',
    'clear-all': 'ok',
  },
  'm on air at step 2': {
    'cue b': 'ok',
    'cue missing': 'UNKNOWN_CUE',
    'take a': 'STALE_TAKE',
    'take b': 'STALE_TAKE',
    'next lower-third': 'LAYER_EMPTY',
    'next fullscreen': 'NO_NEXT_STEP',
    'update lower-third': 'LAYER_EMPTY',
    'update lower-third bad': 'LAYER_EMPTY',
    'out lower-third': 'LAYER_EMPTY',
    'out fullscreen': 'ok',
    'clear-all': 'ok',
  },
};

function engineIn(stateName: string) {
  let now = 1_000_000;
  const engine = new Engine({ show, baseline: baselineFromSeats([]), templates, now: () => now });
  for (const cmd of STATES[stateName]!) {
    const r = engine.dispatch(cmd);
    if (!r.ok) throw new Error(`setup ${stateName}: ${r.error.message}`);
  }
  now += 1000; // past the take guard
  return engine;
}

describe('playout state machine: every command from every state', () => {
  for (const stateName of Object.keys(STATES)) {
    for (const [cmdName, cmd] of Object.entries(COMMANDS)) {
      const expected = EXPECTED[stateName]![cmdName]!;
      it(`${stateName} + ${cmdName} -> ${expected}`, () => {
        const engine = engineIn(stateName);
        const before = engine.programSnapshot();
        const beforeShow = engine.showSnapshot();
        const result = engine.dispatch(cmd);
        if (expected === 'ok') {
          expect(result.ok).toBe(true);
        } else {
          expect(result).toMatchObject({ ok: false, error: { code: expected } });
          // A rejected command changes nothing.
          expect(engine.programSnapshot()).toEqual({ ...before, at: expect.any(Number) });
          expect(engine.showSnapshot()).toEqual(beforeShow);
        }
      });
    }
  }
});
