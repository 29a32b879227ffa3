import { templateTable } from '../../main/engine/templates';
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

/** Every template's definition: the engine validates cues against these. */
export const TEMPLATE_DEFINITIONS = [strap, hexMap, ticker, bug, seatResult, targetSeats, exitPoll, seatTally, hemicycle, swingometer];
export const TEMPLATES = templateTable(TEMPLATE_DEFINITIONS);
