import type { GraphicView } from './view';
import { strapView } from './strap/view';

/** Every template's drawing, by template id. */
export const VIEWS: Readonly<Record<string, GraphicView>> = {
  strap: strapView,
};
