import fc from 'fast-check';
import { COMMAND_TYPES } from '../../main/engine/protocol';
import { LAYERS } from '../../main/engine/show';

/**
 * Generators for hostile input, shared by the fuzz tests. Pure noise is
 * refused at the first check, so most of what these make is nearly right: a
 * real command type with fields of the wrong kind, a real cue id next to a
 * traversal, a seat with negative votes. That reaches the deeper checks.
 */
const DEMO_CUES = ['wa-teetering', 'ep-landslide', 'wa-plaid-four', 'wa-32-seats', 'a', 'b', 'm', 'c'];

export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../..',
    '..\\..',
    '%2e%2e',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, -0, 1e308),
  fc.integer({ min: -1000, max: 100_000 }),
);

/** Any JSON at all, plus the values JSON cannot carry but an IPC structured clone can. */
export const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(undefined, null, NaN, Infinity, [], {}));

/** Mostly a good value, sometimes a nasty one: deeper checks are only reached past the first. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = nastyString) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad });
const cueId = mostly(fc.constantFrom(...DEMO_CUES));
const layer = mostly(fc.constantFrom(...LAYERS));
const fields = fc.oneof(
  fc.dictionary(fc.constantFrom('headline', 'subline', 'party', 'variant', 'onsCode', '__proto__', 'x'), fc.oneof(nastyString, nastyNumber, anything)),
  anything,
);
const seat = fc.record(
  {
    onsCode: fc.oneof(fc.constantFrom('E14001063', 'W07000081', 'S14000001', 'E14000001', 'X'), nastyString),
    state: fc.constantFrom('declared', 'rush', 'pending', 'recount', 'lost'),
    revision: nastyNumber,
    winner: fc.constantFrom('lab', 'con', 'ld', 'x', ''),
    validVotes: nastyNumber,
    electorate: nastyNumber,
    partyVotes: fc.dictionary(fc.constantFrom('lab', 'con', 'ld', 'reform', 'zz'), nastyNumber, { maxKeys: 4 }),
  },
  { requiredKeys: [] },
);

/** The arguments each command takes, so generated commands are shaped like the real ones. */
const ARGUMENTS: Record<string, string[]> = {
  cue: ['cueId'],
  take: ['cueId'],
  next: ['layer'],
  update: ['layer', 'fields'],
  out: ['layer'],
  'add-stack': ['name', 'stackId'],
  'rename-stack': ['stackId', 'name'],
  'delete-stack': ['stackId'],
  'add-cue': ['stackId', 'template', 'cueId', 'title', 'layer', 'fields', 'index'],
  'edit-cue': ['cueId', 'title', 'layer', 'fields'],
  'delete-cue': ['cueId'],
  'move-cue': ['cueId', 'stackId', 'index'],
  'load-show': ['show'],
  'declare-results': ['source', 'seats'],
  'accept-correction': ['onsCode'],
  'reject-correction': ['onsCode'],
  'set-baseline': ['seats'],
  'results-settings': ['holderBasis', 'speakerCountsWith'],
  'set-mode': ['mode'],
  'restore-program': ['program'],
};

const argument: Record<string, fc.Arbitrary<unknown>> = {
  cueId,
  layer,
  fields,
  stackId: mostly(fc.constantFrom('s1', 's2', 'exit-poll')),
  name: mostly(fc.constantFrom('Late results', 'Wales')),
  title: nastyString,
  template: mostly(fc.constantFrom('strap', 'two-step', 'seat-result', 'nope')),
  index: mostly(fc.nat(5), nastyNumber),
  onsCode: mostly(fc.constantFrom('E14000001', 'W07000001')),
  source: nastyString,
  seats: fc.oneof(fc.array(seat, { maxLength: 3 }), anything),
  mode: fc.constantFrom('live', 'rehearsal', 'panic'),
  holderBasis: fc.constantFrom('notional', 'sitting-mp', 'vibes'),
  speakerCountsWith: fc.constantFrom(null, 'lab', 'con', 7),
  show: anything,
  // What was on air before a crash, as session.json holds it: views right, wrong (a headline that is an object) or noise.
  program: fc.oneof(
    fc.dictionary(
      layer.map(String),
      fc.record({
        cueId,
        title: nastyString,
        template: mostly(fc.constantFrom('strap', 'seat-result', 'two-step')),
        fields,
        view: fields,
        step: mostly(fc.nat(3), nastyNumber),
      }),
      { maxKeys: 2 },
    ),
    anything,
  ),
};

/** A command-shaped object: a real type (mostly) with its own arguments, right, wrong or missing, and now and then one too many. */
export const commandLike: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...COMMAND_TYPES) }, { weight: 1, arbitrary: nastyString }),
    // Now and then an argument left out, and now and then one the command does not take.
    fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(nastyString, anything) }),
  )
  .chain(([type, drop, extra]) => {
    const keys = Object.hasOwn(ARGUMENTS, type) ? ARGUMENTS[type]! : [];
    const kept = drop === null || keys.length === 0 ? keys : keys.filter((_k, i) => i !== drop % keys.length);
    const shape = Object.fromEntries(kept.map((k) => [k, argument[k]!]));
    return fc.record(shape).map((args) => ({ type, ...args, ...(extra ? { [extra[0]]: extra[1] } : {}) }));
  });

/** What arrives on a wire: a command, a command in the wrong envelope, or plain noise. */
export const commandOrNoise = fc.oneof({ weight: 4, arbitrary: commandLike }, { weight: 1, arbitrary: anything });
