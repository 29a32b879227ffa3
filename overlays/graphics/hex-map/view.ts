import { graphicView } from '../view';
import { buildHexMap, hexMapParts } from './draw';
import { fillKey } from './key';
import { hexMapViewSchema } from '../../../main/templates/hex-map/schema';
import { hexMapIn, hexMapOut, hexMapStep, hexMapUpdate } from './timeline';
import { useHexLayout } from './layout';
import { hexLayoutKeyOf } from './layout-loader';
import './hex-map.css';

/** The output's side of the hex map: the engine resolves the results, this draws them. */
export const hexMapView = graphicView(hexMapViewSchema, {
  create(view) {
    // Loaded before the preview was drawn (whenHexLayoutsReady); a layout that never arrived draws no hexes.
    useHexLayout(hexLayoutKeyOf(view));
    const el = buildHexMap(view);
    fillKey(hexMapParts(el), view, view.uk);
    return el;
  },
  animateIn: hexMapIn,
  animateStep: hexMapStep,
  animateUpdate: hexMapUpdate,
  animateOut: hexMapOut,
});
