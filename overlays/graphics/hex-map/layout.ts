import type { HexJson } from '../../../main/engine/election';

/**
 * The map's geometry, from the loaded election's HexJSON (fetched by
 * layout-loader.ts when a hex map of it is first cued, never on the take):
 * one pointy-top hex per constituency from the Open Innovations HexJSON (odd-r: odd rows sit half a hex to the right; r grows northwards),
 * laid out in stage pixels so that step 1 needs no transform at all.
 */
export interface HexCell {
  code: string;
  region: string;
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the map sits on the 1920x1080 stage: right of the key, inside title-safe. */
export const MAP_AREA: Box = { left: 760, top: 54, right: 1824, bottom: 1026 };

// The geometry of the layout in use: live bindings, set by useHexLayout (layout-loader.ts)
// when the election's layout has arrived, before any hex map of it is built.
const SQRT3 = Math.sqrt(3);
const areaW = MAP_AREA.right - MAP_AREA.left;
const areaH = MAP_AREA.bottom - MAP_AREA.top;
let radius = 0;
let hexW = 0;

export let HEX_RADIUS = 0;
export let HEX_CELLS: readonly HexCell[] = [];

const geometries = new Map<string, { radius: number; cells: readonly HexCell[] }>();
let inUse: string | null = null;

/** Lays out a HexJSON once (by its key), so switching between two known layouts costs nothing. */
export function setHexLayout(key: string, layout: HexJson): void {
  const entries = Object.entries(layout.hexes);
  if (entries.length === 0) {
    geometries.set(key, { radius: 0, cells: [] });
    return;
  }
  const qMin = Math.min(...entries.map(([, h]) => h.q));
  const qMax = Math.max(...entries.map(([, h]) => h.q));
  const rMin = Math.min(...entries.map(([, h]) => h.r));
  const rMax = Math.max(...entries.map(([, h]) => h.r));
  // Size the hexes so the whole UK fills the map area's height (or width, if that binds first).
  const r = Math.min(areaH / ((rMax - rMin) * 1.5 + 2), areaW / ((qMax - qMin + 1.5) * SQRT3));
  const w = SQRT3 * r;
  const mapW = (qMax - qMin + 1.5) * w;
  const mapH = ((rMax - rMin) * 1.5 + 2) * r;
  const originX = MAP_AREA.left + (areaW - mapW) / 2 + w / 2;
  const originY = MAP_AREA.top + (areaH - mapH) / 2 + r;
  const cells = entries.map(([code, h]) => ({
    code,
    region: h.region ?? 'unknown',
    x: originX + (h.q - qMin + (h.r & 1 ? 0.5 : 0)) * w,
    y: originY + (rMax - h.r) * 1.5 * r,
  }));
  geometries.set(key, { radius: r, cells });
}

export const hasHexLayout = (key: string): boolean => geometries.has(key);

/** Makes a loaded layout the one hex maps are built with; false (and an empty map) when it has not arrived. */
export function useHexLayout(key: string): boolean {
  if (inUse === key) return true;
  const geometry = geometries.get(key);
  boxes.clear();
  inUse = geometry ? key : null;
  radius = geometry?.radius ?? 0;
  hexW = SQRT3 * radius;
  HEX_RADIUS = radius;
  HEX_CELLS = geometry?.cells ?? [];
  return geometry !== undefined;
}

/** The outline of one hex, a little inset so neighbours keep a gap between them at any zoom. */
export function hexPath(cell: HexCell): string {
  const r = radius * 0.9;
  const pts = [0, 1, 2, 3, 4, 5].map((i) => {
    const a = (Math.PI / 3) * i - Math.PI / 2;
    return `${(cell.x + r * Math.cos(a)).toFixed(1)},${(cell.y + r * Math.sin(a)).toFixed(1)}`;
  });
  return `M${pts.join('L')}Z`;
}

const boxes = new Map<string, Box | null>();

/** The box around a region's hexes, for the zoom. */
export function regionBox(region: string): Box | null {
  if (!boxes.has(region)) boxes.set(region, boxAround(HEX_CELLS.filter((c) => c.region === region)));
  return boxes.get(region)!;
}

function boxAround(cells: readonly HexCell[]): Box | null {
  if (cells.length === 0) return null;
  return {
    left: Math.min(...cells.map((c) => c.x)) - hexW / 2,
    right: Math.max(...cells.map((c) => c.x)) + hexW / 2,
    top: Math.min(...cells.map((c) => c.y)) - radius,
    bottom: Math.max(...cells.map((c) => c.y)) + radius,
  };
}

/** A zoom: stage point p is drawn at p * scale + (x, y). */
export interface Fit {
  scale: number;
  x: number;
  y: number;
}

/** Scale and offset that fit a box into the map area, never zooming past `maxScale`. */
export function fitBox(box: Box, maxScale = 4.2): Fit {
  const pad = 48;
  const scale = Math.min(maxScale, (areaW - 2 * pad) / (box.right - box.left), (areaH - 2 * pad) / (box.bottom - box.top));
  const cx = (box.left + box.right) / 2;
  const cy = (box.top + box.bottom) / 2;
  const tx = (MAP_AREA.left + MAP_AREA.right) / 2;
  const ty = (MAP_AREA.top + MAP_AREA.bottom) / 2;
  return { scale, x: tx - cx * scale, y: ty - cy * scale };
}
