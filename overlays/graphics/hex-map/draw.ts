import { partyInfo } from '../../../main/engine/election';
import { part } from '../dom';
import { partyColour } from '../../../main/templates/palette';
import { needsKeyline } from '../common/parts';
import { OTHERS } from '../../../main/templates/hex-map/bind';
import { fitBox, HEX_CELLS, hexPath, regionBox, type Box, type Fit } from './layout';
import type { HexMapView } from '../../../main/templates/hex-map/schema';

const SVG = 'http://www.w3.org/2000/svg';
/** An undeclared seat: a dim slate that reads as "not yet" against the navy. */
export const UNDECIDED = '#2c3a57';
export const KEY_ROWS = 8;
/** Where the key waits off the left edge, in pixels (a percentage would cost a repaint a frame). */
export const KEY_OFF = -760;

/** The focus region redrawn at its zoomed size, so the zoom ends on crisp vectors, not a stretched bitmap. */
export interface FocusLayer {
  region: string;
  fit: Fit;
  el: HTMLElement;
  hexes: Map<string, SVGPathElement>;
}

/** What the timelines need to reach inside one hex map without querying 650 nodes again. */
export interface HexMapParts {
  view: HexMapView;
  step: number;
  /** The whole UK: one small SVG a region, each its own compositor layer. */
  overview: HTMLElement;
  regions: Map<string, SVGSVGElement>;
  hexes: Map<string, SVGPathElement>;
  focus: FocusLayer | null;
  key: HTMLElement;
  rows: HTMLElement[];
}

const partsOf = new WeakMap<HTMLElement, HexMapParts>();

export function hexMapParts(el: HTMLElement): HexMapParts {
  const parts = partsOf.get(el);
  if (!parts) throw new Error('hex-map: element was not built by its view');
  return parts;
}

/** A seat's colour: its party's, or the Others grey for a party the table does not know. */
export function hexColour(party: string | undefined): string {
  if (party === undefined) return UNDECIDED;
  return partyInfo(party) ? partyColour(party) : partyColour(OTHERS);
}

/** A hex's colour, and the light keyline (hex-map.css) when that colour is too dark for the navy. */
export function paintHex(hex: SVGPathElement, party: string | undefined): void {
  hex.style.fill = hexColour(party);
  markKeyline(hex, party);
}

export const markKeyline = (hex: SVGPathElement, party: string | undefined) =>
  hex.classList.toggle('keyline', party !== undefined && needsKeyline(hexColour(party)));

/** An SVG showing `box` of the map (stage coordinates), drawn `scale` times larger at (left, top). */
function regionSvg(box: Box, scale: number, left: number, top: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `${box.left} ${box.top} ${box.right - box.left} ${box.bottom - box.top}`);
  Object.assign(svg.style, { left: `${left}px`, top: `${top}px`, width: `${(box.right - box.left) * scale}px`, height: `${(box.bottom - box.top) * scale}px` });
  return svg;
}

function addHexes(svg: SVGSVGElement, region: string, view: HexMapView, into: Map<string, SVGPathElement>): void {
  for (const cell of HEX_CELLS) {
    if (cell.region !== region) continue;
    const hex = document.createElementNS(SVG, 'path');
    hex.setAttribute('d', hexPath(cell));
    hex.dataset.code = cell.code;
    paintHex(hex, view.winners[cell.code]);
    svg.append(hex);
    into.set(cell.code, hex);
  }
}

/** Builds the zoomed copy of one region (hidden until step 2 shows it). */
export function buildFocus(region: string, view: HexMapView): FocusLayer | null {
  const box = regionBox(region);
  if (!box) return null;
  const fit = fitBox(box);
  const el = part('div', 'hex-focus');
  const svg = regionSvg(box, fit.scale, box.left * fit.scale + fit.x, box.top * fit.scale + fit.y);
  const hexes = new Map<string, SVGPathElement>();
  addHexes(svg, region, view, hexes);
  el.append(svg);
  return { region, fit, el, hexes };
}

/** Builds the whole graphic once, off-air: the take only plays it. */
export function buildHexMap(view: HexMapView): HTMLElement {
  const root = part('div', 'hex-map');
  const overview = part('div', 'hex-overview');
  const regions = new Map<string, SVGSVGElement>();
  const hexes = new Map<string, SVGPathElement>();
  for (const region of new Set(HEX_CELLS.map((c) => c.region))) {
    const box = regionBox(region)!;
    const svg = regionSvg(box, 1, box.left, box.top);
    svg.dataset.region = region;
    addHexes(svg, region, view, hexes);
    regions.set(region, svg);
    overview.append(svg);
  }
  const focus = view.focus ? buildFocus(view.region, view) : null;

  const key = part('div', 'hex-key');
  const rows = Array.from({ length: KEY_ROWS }, () => {
    const row = part('div', 'hex-key-row');
    row.append(part('span', 'hex-key-meter'), part('span', 'hex-key-chip'), part('span', 'hex-key-party'), part('span', 'hex-key-seats'));
    return row;
  });
  const list = part('div', 'hex-key-rows');
  list.append(...rows);
  const bar = part('div', 'hex-key-bar');
  bar.append(part('div', 'hex-key-bar-fill'));
  const progress = part('div', 'hex-key-progress');
  progress.append(part('span', 'hex-key-count'), part('span', 'hex-key-of'));
  const body = part('div', 'hex-key-body');
  body.append(part('div', 'hex-key-name'), progress, bar, list);
  key.append(part('div', 'hex-key-bg'), part('div', 'hex-key-accent'), part('div', 'hex-key-title'), body);

  root.append(part('div', 'hex-map-backdrop'), overview, ...(focus ? [focus.el] : []), key);
  partsOf.set(root, { view, step: 1, overview, regions, hexes, focus, key, rows });
  return root;
}
