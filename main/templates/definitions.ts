import { templateTable } from '../engine/templates';
import { strap } from './strap/schema';
import { hexMap } from './hex-map/schema';
import { ticker } from './ticker/schema';
import { bug } from './bug/schema';
import { seatResult } from './seat-result/schema';
import { targetSeats } from './target-seats/schema';
import { swingometer } from './swingometer/schema';
import { exitPoll } from './exit-poll/schema';
import { seatTally } from './seat-tally/schema';
import { hemicycle } from './hemicycle/schema';

/**
 * The built-in templates' pure halves (fields, binding, view schema), which the
 * engine and the server import. Each one's drawing is in overlays/graphics/<id>/,
 * listed in overlays/graphics/views.ts by these ids: a template without a
 * drawing is a compile error there.
 */
export const BUILTIN_TEMPLATE_IDS = [
  'strap',
  'hex-map',
  'ticker',
  'bug',
  'seat-result',
  'target-seats',
  'exit-poll',
  'seat-tally',
  'hemicycle',
  'swingometer',
] as const;
export type BuiltinTemplateId = (typeof BUILTIN_TEMPLATE_IDS)[number];

/** Every template's definition: the engine validates cues against these. */
export const TEMPLATE_DEFINITIONS = [strap, hexMap, ticker, bug, seatResult, targetSeats, exitPoll, seatTally, hemicycle, swingometer];
export const TEMPLATES = templateTable(TEMPLATE_DEFINITIONS);
