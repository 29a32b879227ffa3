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

/** Every template's drawing, by template id. */
export const VIEWS: Readonly<Record<string, GraphicView>> = {
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
