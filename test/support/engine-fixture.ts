import { z } from 'zod';
import { Engine } from '../../main/engine/engine';
import { baselineFromSeats, seatWinner, type BaselineSeat } from '../../main/engine/election';
import type { ServerEvent } from '../../main/engine/protocol';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { templateTable, type TemplateDefinition } from '../../main/engine/templates';
import { TEMPLATES } from '../../main/templates/definitions';

/** A two-step full-screen template, so `next` has somewhere to go. Test-only. */
export const twoStep = {
  id: 'two-step',
  name: 'Two step',
  description: 'Test-only two-step graphic',
  layer: 'fullscreen' as const,
  steps: 2,
  fields: z.strictObject({ label: z.string().default('x') }),
  title: () => 'Two step',
  demo: {},
};

/**
 * A bound template: draws the winner of one seat and the count declared.
 * `boom` makes its resolver throw (always, or once a seat has declared), to prove a resolver bug costs one graphic only. Test-only.
 */
export const seatWatch: TemplateDefinition = {
  id: 'seat-watch',
  name: 'Seat watch',
  description: 'Test-only bound graphic',
  layer: 'fullscreen',
  steps: 1,
  fields: z.strictObject({ onsCode: z.string().default('E14000001'), boom: z.enum(['never', 'always', 'once-declared']).default('never') }),
  title: () => 'Seat watch',
  demo: {},
  resolve: (fields, ctx) => {
    if (fields.boom === 'always' || (fields.boom === 'once-declared' && ctx.totals().declared > 0)) throw new Error('resolver exploded');
    const seat = ctx.results.seats.get(String(fields.onsCode));
    const winner = (seat && seatWinner(seat)) ?? null;
    return { onsCode: fields.onsCode, winner, declared: ctx.totals().declared };
  },
};

/** Stands in an OGraf graphic (kind and custom actions are all the engine knows of one), for custom-action. Test-only. */
export const ografLike: TemplateDefinition = {
  id: 'ograf-like',
  name: 'OGraf-like',
  description: 'Test-only outside graphic with one custom action',
  layer: 'bug',
  steps: 1,
  fields: z.strictObject({ label: z.string().default('x') }),
  title: () => 'OGraf-like',
  demo: {},
  kind: 'ograf',
  customActions: ['highlight'],
};

/** The real templates plus the test-only two-step, bound and OGraf-like ones. */
export const testTemplates = templateTable([...TEMPLATES.values(), twoStep, seatWatch, ografLike]);

/** Two stacks: straps a and b and the two-step m in s1; strap c in s2. */
export function testShow(): Show {
  return {
    format: 'strapline-show',
    version: SHOW_FORMAT_VERSION,
    name: 'Test show',
    stacks: [
      {
        id: 's1',
        name: 'First',
        cues: [
          { id: 'a', title: 'A', template: 'strap', layer: 'lower-third', fields: { headline: 'A', subline: '', party: 'none', variant: 'standard' } },
          { id: 'b', title: 'B', template: 'strap', layer: 'lower-third', fields: { headline: 'B', subline: '', party: 'lab', variant: 'standard' } },
          { id: 'm', title: 'M', template: 'two-step', layer: 'fullscreen', fields: { label: 'm' } },
        ],
      },
      {
        id: 's2',
        name: 'Second',
        cues: [{ id: 'c', title: 'C', template: 'strap', layer: 'lower-third', fields: { headline: 'C', subline: '', party: 'none', variant: 'standard' } }],
      },
    ],
  };
}

/** Two seats the results commands can declare against. */
export const BASELINE_SEATS: BaselineSeat[] = [
  { onsCode: 'E14000001', winner: 'con', validVotes: 100, partyVotes: { con: 55, lab: 45 } },
  { onsCode: 'W07000001', winner: 'pc', validVotes: 80, partyVotes: { pc: 50, lab: 30 } },
];

/** 22:00:00 UTC on election night 2024. */
export const T0 = Date.UTC(2024, 6, 4, 22, 0, 0);

export interface EngineHarness {
  engine: Engine;
  /** Every event the engine emitted, in order. */
  events: ServerEvent[];
  /** Moves the injected clock forward. */
  advance: (ms: number) => void;
  now: () => number;
  /** Dispatches and throws if the command was refused: for setting up a state. */
  must: (command: unknown) => void;
}

export function engineHarness(show: Show = testShow()): EngineHarness {
  let t = T0;
  const engine = new Engine({ show, baseline: baselineFromSeats(BASELINE_SEATS), templates: testTemplates, now: () => t });
  const events: ServerEvent[] = [];
  engine.subscribe((e) => events.push(e));
  return {
    engine,
    events,
    advance: (ms) => {
      t += ms;
    },
    now: () => t,
    must: (command) => {
      const r = engine.dispatch(command);
      if (!r.ok) throw new Error(`setup ${JSON.stringify(command)}: ${r.error.code} ${r.error.message}`);
    },
  };
}
