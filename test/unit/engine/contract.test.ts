import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, commandSchemas, type CommandOf, type CommandType } from '../../../main/engine/protocol';
import { BASELINE_SEATS, engineHarness, testShow } from '../../support/engine-fixture';
import { SHOW_FORMAT_VERSION } from '../../../main/engine/show';

/**
 * The command contract: every input that is not a well-formed command is
 * refused with INVALID_COMMAND (or INVALID_FIELDS when only the template's
 * field check fails), and a refused input changes nothing at all.
 *
 * Start state for every row: "a" on air on lower-third, "b" in preview, two
 * baseline seats and no results.
 */
function startState() {
  const h = engineHarness();
  h.must({ type: 'cue', cueId: 'a' });
  h.must({ type: 'take', cueId: 'a' });
  h.must({ type: 'cue', cueId: 'b' });
  h.advance(1_000);
  h.events.length = 0;
  return h;
}

const DECLARED = { onsCode: 'E14000001', revision: 1, state: 'declared' as const, validVotes: 100, partyVotes: { lab: 60, con: 40 } };
/** A later revision of a declared seat waits as a correction. */
const CORRECTED = { ...DECLARED, revision: 2, partyVotes: { lab: 61, con: 39 } };

/** At least one accepted example per command: a new command without one fails below. */
const ACCEPTED: { [K in CommandType]: CommandOf<K>[] } = {
  cue: [{ type: 'cue', cueId: 'c' }],
  take: [{ type: 'take', cueId: 'b' }],
  next: [{ type: 'next', layer: 'fullscreen' }],
  update: [
    { type: 'update', layer: 'lower-third' },
    { type: 'update', layer: 'lower-third', fields: { headline: 'New' } },
  ],
  out: [{ type: 'out', layer: 'lower-third' }],
  'clear-all': [{ type: 'clear-all' }],
  // Last without a payload, which is any JSON the graphic takes: the generated bad rows vary the others.
  'custom-action': [
    { type: 'custom-action', layer: 'bug', action: 'highlight', payload: { n: 1 } },
    { type: 'custom-action', layer: 'bug', action: 'highlight' },
  ],
  'add-stack': [
    { type: 'add-stack', name: 'S' },
    { type: 'add-stack', name: 'S', stackId: 'new_stack-1' },
  ],
  'rename-stack': [{ type: 'rename-stack', stackId: 's1', name: 'R' }],
  'delete-stack': [{ type: 'delete-stack', stackId: 's2' }],
  'add-cue': [
    { type: 'add-cue', stackId: 's1', template: 'strap' },
    { type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'x', title: 'X', layer: 'bug', fields: { headline: 'X' }, index: 0 },
  ],
  'edit-cue': [{ type: 'edit-cue', cueId: 'c', title: 'C2', layer: 'ticker', fields: { subline: 'S' } }],
  'delete-cue': [{ type: 'delete-cue', cueId: 'c' }],
  'move-cue': [{ type: 'move-cue', cueId: 'c', stackId: 's1', index: 0 }],
  'load-show': [{ type: 'load-show', show: testShow() }],
  'restore-program': [
    { type: 'restore-program', program: {} },
    {
      type: 'restore-program',
      program: { fullscreen: { cueId: 'm', title: 'M', template: 'two-step', fields: { label: 'm' }, view: { label: 'm' }, step: 2 } },
    },
  ],
  undo: [{ type: 'undo' }],
  redo: [{ type: 'redo' }],
  'declare-results': [
    { type: 'declare-results', source: 'test', seats: [DECLARED] },
    {
      type: 'declare-results',
      source: 'test',
      seats: [
        { onsCode: 'W07000001', revision: 1, state: 'rush', winner: 'pc' },
        { onsCode: 'E14000001', revision: 0, state: 'pending' },
      ],
    },
  ],
  'accept-correction': [{ type: 'accept-correction', onsCode: 'E14000001' }],
  'reject-correction': [{ type: 'reject-correction', onsCode: 'E14000001' }],
  'set-baseline': [{ type: 'set-baseline', seats: [BASELINE_SEATS[0]!] }],
  'reset-results': [{ type: 'reset-results' }],
  'results-settings': [
    { type: 'results-settings' },
    { type: 'results-settings', holderBasis: 'sitting-mp', speakerCountsWith: null },
    { type: 'results-settings', holderBasis: 'notional', speakerCountsWith: 'lab' },
  ],
  'set-mode': [{ type: 'set-mode', mode: 'rehearsal' }],
};
/** Commands that need more than the start state to be accepted. */
const withCorrection = [
  { type: 'declare-results', source: 'test', seats: [DECLARED] },
  { type: 'declare-results', source: 'test', seats: [CORRECTED] },
];
const SETUP: Partial<Record<CommandType, unknown[]>> = {
  // The strap has one step: next needs a two-step graphic on air.
  next: [
    { type: 'cue', cueId: 'm' },
    { type: 'take', cueId: 'm' },
  ],
  // Only an OGraf graphic on air takes a custom action.
  'custom-action': [
    { type: 'add-cue', stackId: 's2', template: 'ograf-like', cueId: 'og' },
    { type: 'cue', cueId: 'og' },
    { type: 'take', cueId: 'og' },
  ],
  'accept-correction': withCorrection,
  'reject-correction': withCorrection,
  // Undo needs an edit behind it; redo an undone one.
  undo: [{ type: 'rename-stack', stackId: 's1', name: 'R' }],
  redo: [{ type: 'rename-stack', stackId: 's1', name: 'R' }, { type: 'undo' }],
};

const BAD_IDS = ['', 'a/b', '../a', '..', 'a.b', 'a b', 'a\\b', 'é', 'x'.repeat(65), 'a\u0000'];
const BAD_ONS_CODES = ['', 'e14000001', 'E1400000', 'E140000011', 'X14000001', '../E14000001', 'E14000001/x', 'E14 00001'];
const BAD_LAYERS = ['', 'main', 'Lower-Third', 'lower_third', ' bug', 'bug ', 'layer/../bug'];
const HUGE = 'x'.repeat(1_000_000);

interface Row {
  label: string;
  payload: unknown;
  code: 'INVALID_COMMAND' | 'INVALID_FIELDS';
}
const rows: Row[] = [];
const bad = (label: string, payload: unknown, code: Row['code'] = 'INVALID_COMMAND') => rows.push({ label, payload, code });

// Not a command at all.
bad('null', null);
bad('undefined', undefined);
bad('a string', 'take');
bad('a number', 42);
bad('true', true);
bad('an array', [{ type: 'clear-all' }]);
bad('an empty object', {});
bad('no type', { cueId: 'a' });
bad('unknown type', { type: 'explode' });
bad('type in capitals', { type: 'TAKE', cueId: 'b' });
bad('type not a string', { type: 7 });
bad('a huge type', { type: HUGE });
bad('__proto__ key from JSON', JSON.parse('{"type":"clear-all","__proto__":{"admin":true}}'));

// Per command: missing fields, wrong types, extra properties, bad ids and layers.
const REQUIRED: { [K in CommandType]: string[] } = {
  cue: ['cueId'],
  take: ['cueId'],
  next: ['layer'],
  update: ['layer'],
  out: ['layer'],
  'clear-all': [],
  'custom-action': ['layer', 'action'],
  'add-stack': ['name'],
  'rename-stack': ['stackId', 'name'],
  'delete-stack': ['stackId'],
  'add-cue': ['stackId', 'template'],
  'edit-cue': ['cueId'],
  'delete-cue': ['cueId'],
  'move-cue': ['cueId', 'stackId', 'index'],
  'load-show': ['show'],
  'restore-program': ['program'],
  undo: [],
  redo: [],
  'declare-results': ['source', 'seats'],
  'accept-correction': ['onsCode'],
  'reject-correction': ['onsCode'],
  'set-baseline': ['seats'],
  'reset-results': [],
  'results-settings': [],
  'set-mode': ['mode'],
};
/** Keys where null is a real value ("the Speaker counts with no party"). */
const NULLABLE = new Set(['speakerCountsWith']);

for (const type of COMMAND_TYPES) {
  const example = ACCEPTED[type]?.at(-1) as Record<string, unknown> | undefined;
  if (!example) continue; // reported by "every command has an accepted example" below
  bad(`${type}: extra property`, { ...example, force: true });
  bad(`${type}: extra property "__proto__"`, JSON.parse(JSON.stringify(example).replace(/^\{/, '{"__proto__":{"x":1},')));
  for (const key of REQUIRED[type]) {
    const { [key]: _dropped, ...rest } = example;
    bad(`${type}: missing ${key}`, rest);
  }
  for (const [key, value] of Object.entries(example)) {
    if (key === 'type') continue;
    if (!NULLABLE.has(key)) bad(`${type}: ${key} null`, { ...example, [key]: null });
    bad(`${type}: ${key} an array`, { ...example, [key]: [] });
    bad(`${type}: ${key} wrong type`, { ...example, [key]: typeof value === 'string' ? 12345 : 'text' });
    if (key === 'cueId' || key === 'stackId') {
      for (const id of BAD_IDS) bad(`${type}: ${key} ${JSON.stringify(id.slice(0, 12))}`, { ...example, [key]: id });
    }
    if (key === 'onsCode') {
      for (const code of BAD_ONS_CODES) bad(`${type}: onsCode ${JSON.stringify(code)}`, { ...example, onsCode: code });
    }
    if (key === 'layer') {
      for (const layer of BAD_LAYERS) bad(`${type}: layer ${JSON.stringify(layer)}`, { ...example, layer });
    }
    if (key === 'index') {
      for (const index of [-1, 1.5, '0', Infinity, Number.NaN]) bad(`${type}: index ${String(index)}`, { ...example, index });
    }
    if (key === 'name' || key === 'title' || key === 'template') {
      bad(`${type}: ${key} huge`, { ...example, [key]: HUGE });
      bad(`${type}: ${key} empty`, { ...example, [key]: '' });
    }
    if (key === 'fields') {
      bad(`${type}: fields key too long`, { ...example, fields: { ['k'.repeat(65)]: 'v' } });
      bad(`${type}: fields a string`, { ...example, fields: 'headline=x' });
    }
  }
}
// The optional layer of add-cue and edit-cue is checked too, even though the example lacks it.
for (const layer of BAD_LAYERS) bad(`add-cue: layer ${JSON.stringify(layer)}`, { type: 'add-cue', stackId: 's1', template: 'strap', layer });
bad('add-cue: cueId with slash', { type: 'add-cue', stackId: 's1', template: 'strap', cueId: 'a/../b' });

// Shape right, but the template's field schema says no.
bad('update: huge headline', { type: 'update', layer: 'lower-third', fields: { headline: HUGE } }, 'INVALID_FIELDS');
bad('update: empty headline', { type: 'update', layer: 'lower-third', fields: { headline: '' } }, 'INVALID_FIELDS');
bad('update: unknown field', { type: 'update', layer: 'lower-third', fields: { colour: 'red' } }, 'INVALID_FIELDS');
bad('edit-cue: unknown party', { type: 'edit-cue', cueId: 'c', fields: { party: 'Whig' } }, 'INVALID_FIELDS');
bad('edit-cue: headline a number', { type: 'edit-cue', cueId: 'c', fields: { headline: 5 } }, 'INVALID_FIELDS');
bad('add-cue: bad variant', { type: 'add-cue', stackId: 's1', template: 'strap', fields: { variant: 'loud' } }, 'INVALID_FIELDS');

// load-show: the show itself is checked by shape.
const show = testShow();
bad('load-show: wrong format', { type: 'load-show', show: { ...show, format: 'caspar-show' } });
bad('load-show: a newer version', { type: 'load-show', show: { ...show, version: SHOW_FORMAT_VERSION + 1 } });
bad('load-show: an older version (1), which only files migrate', { type: 'load-show', show: { ...show, version: 1 } });
bad('load-show: stacks not an array', { type: 'load-show', show: { ...show, stacks: {} } });
bad('load-show: extra show property', { type: 'load-show', show: { ...show, script: 'x' } });
bad('load-show: cue with extra property', {
  type: 'load-show',
  show: { ...show, stacks: [{ id: 's', name: 'S', cues: [{ ...show.stacks[0]!.cues[0]!, onAir: true }] }] },
});
bad('load-show: cue id with ..', {
  type: 'load-show',
  show: { ...show, stacks: [{ id: 's', name: 'S', cues: [{ ...show.stacks[0]!.cues[0]!, id: '..' }] }] },
});
const RESTORED = { cueId: 'm', title: 'M', template: 'two-step', fields: { label: 'm' }, view: { label: 'm' }, step: 1 };
bad('restore-program: an unknown layer', { type: 'restore-program', program: { main: RESTORED } });
bad('restore-program: step 0', { type: 'restore-program', program: { fullscreen: { ...RESTORED, step: 0 } } });
bad('restore-program: a graphic without its view', { type: 'restore-program', program: { fullscreen: { ...RESTORED, view: undefined } } });
bad('load-show: cue on an unknown layer', {
  type: 'load-show',
  show: { ...show, stacks: [{ id: 's', name: 'S', cues: [{ ...show.stacks[0]!.cues[0]!, layer: 'main' }] }] },
});
bad('load-show: 201 stacks', { type: 'load-show', show: { ...show, stacks: Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, name: 'S', cues: [] })) } });
bad(
  'load-show: bad field in a cue',
  {
    type: 'load-show',
    show: { ...show, stacks: [{ id: 's', name: 'S', cues: [{ ...show.stacks[0]!.cues[0]!, fields: { headline: '' } }] }] },
  },
  'INVALID_FIELDS',
);

// Results: seats are checked by shape, sums included, before anything is held.
const declare = (label: string, seat: unknown) => bad(`declare-results: ${label}`, { type: 'declare-results', source: 'test', seats: [seat] });
declare('votes that do not sum', { ...DECLARED, validVotes: 101 });
declare('an unknown state', { ...DECLARED, state: 'won' });
declare('a negative revision', { ...DECLARED, revision: -1 });
declare('a fractional vote', { ...DECLARED, validVotes: 100.5, partyVotes: { lab: 60.5, con: 40 } });
declare('negative votes', { ...DECLARED, validVotes: 20, partyVotes: { lab: 60, con: -40 } });
declare('a party id in capitals', { ...DECLARED, partyVotes: { Lab: 60, con: 40 } });
declare('a party id with a slash', { ...DECLARED, partyVotes: { 'lab/../con': 60, con: 40 } });
declare('declaredAt not a date', { ...DECLARED, declaredAt: 'ten past two' });
declare('a rush without a winner', { onsCode: 'E14000001', revision: 1, state: 'rush' });
for (const code of BAD_ONS_CODES) declare(`onsCode ${JSON.stringify(code)}`, { ...DECLARED, onsCode: code });
bad('declare-results: no seats', { type: 'declare-results', source: 'test', seats: [] });
bad('declare-results: 2001 seats', {
  type: 'declare-results',
  source: 'test',
  seats: Array.from({ length: 2001 }, () => ({ onsCode: 'E14000001', revision: 0, state: 'pending' })),
});
bad('declare-results: huge source', { type: 'declare-results', source: HUGE, seats: [DECLARED] });
bad('declare-results: empty source', { type: 'declare-results', source: '', seats: [DECLARED] });
bad('set-baseline: no seats', { type: 'set-baseline', seats: [] });
bad('set-baseline: votes that do not sum', { type: 'set-baseline', seats: [{ ...BASELINE_SEATS[0]!, validVotes: 99 }] });
bad('set-baseline: winner in capitals', { type: 'set-baseline', seats: [{ ...BASELINE_SEATS[0]!, winner: 'Con' }] });
bad('set-baseline: no valid votes', { type: 'set-baseline', seats: [{ ...BASELINE_SEATS[0]!, validVotes: 0, partyVotes: {} }] });
bad('results-settings: unknown holder basis', { type: 'results-settings', holderBasis: 'incumbent' });
bad('results-settings: speaker party in capitals', { type: 'results-settings', speakerCountsWith: 'Lab' });
for (const mode of ['LIVE', 'test', '', 'on-air']) bad(`set-mode: mode ${JSON.stringify(mode)}`, { type: 'set-mode', mode });

describe('every bad payload is refused and changes nothing', () => {
  it.each(rows)('$label -> $code', ({ payload, code }) => {
    const h = startState();
    const program = h.engine.programSnapshot();
    const showBefore = h.engine.showSnapshot();
    const results = h.engine.resultsSnapshot();
    const r = h.engine.dispatch(payload);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(h.engine.programSnapshot()).toEqual(program);
    expect(h.engine.showSnapshot()).toEqual(showBefore);
    expect(h.engine.resultsSnapshot()).toEqual(results);
    // The only thing a refusal tells listeners is the error itself.
    expect(h.events.map((e) => e.type)).toEqual(['error']);
  });

  it('covers every command type with several bad payloads', () => {
    for (const type of COMMAND_TYPES) {
      const count = rows.filter(({ label }) => label.startsWith(`${type}:`)).length;
      expect(count, type).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('every command has an accepted example', () => {
  it('lists at least one for each key of commandSchemas', () => {
    for (const type of Object.keys(commandSchemas)) {
      const examples = (ACCEPTED as Record<string, unknown[] | undefined>)[type];
      expect(examples?.length ?? 0, `no accepted example for "${type}"`).toBeGreaterThan(0);
    }
  });

  const examples = COMMAND_TYPES.flatMap((type) => ACCEPTED[type].map((command) => [type, command] as const));
  it.each(examples)('%s: %j is accepted', (type, command) => {
    const h = startState();
    for (const step of SETUP[type] ?? []) h.must(step);
    h.advance(1_000);
    const r = h.engine.dispatch(command);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  });
});
