import type { BuiltinTemplateId } from '../../main/templates/definitions';
import type { GraphicView } from './view';
import { strapView } from './strap/view';
import { hexMapView } from './hex-map/view';
import { tickerView } from './ticker/view';
import { bugView } from './bug/view';
import { seatResultView } from './seat-result/view';
import { targetSeatsView } from './target-seats/view';
import { swingometerView } from './swingometer/view';
import { exitPollView } from './exit-poll/view';
import { seatTallyView } from './seat-tally/view';
import { hemicycleView } from './hemicycle/view';

/** Every built-in template's drawing, by template id: one missing, or one too many, does not compile. */
const BUILTIN_VIEWS: Readonly<Record<BuiltinTemplateId, GraphicView>> = {
  strap: strapView,
  'hex-map': hexMapView,
  ticker: tickerView,
  bug: bugView,
  'seat-result': seatResultView,
  'target-seats': targetSeatsView,
  swingometer: swingometerView,
  'exit-poll': exitPollView,
  'seat-tally': seatTallyView,
  hemicycle: hemicycleView,
};

export const VIEWS: Readonly<Record<string, GraphicView>> = BUILTIN_VIEWS;
