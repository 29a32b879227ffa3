import { partyColour } from '../../../main/templates/palette';
import { needsKeyline } from '../common/parts';

/** Dial geometry in stage pixels (1920x1080). */
export const DIAL = { cx: 960, cy: 740, r: 400, band: 64, maxAngle: 80 } as const;
const SVG = 'http://www.w3.org/2000/svg';

/** Width of the ring the scale's numbers stand on: 36 px type and room round it. */
const SCALE_PLATE = 64;

/** Needle angle in degrees for a swing: full deflection at the dial's range, pinned a little past it. */
export function needleAngle(swing: number | null, range: number): number {
  const t = Math.max(-1.06, Math.min(1.06, (swing ?? 0) / range));
  return t * DIAL.maxAngle;
}

function point(angle: number, radius: number): [number, number] {
  const rad = (angle * Math.PI) / 180;
  return [DIAL.cx + radius * Math.sin(rad), DIAL.cy - radius * Math.cos(rad)];
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function arc(from: number, to: number, radius: number): string {
  const [x1, y1] = point(from, radius);
  const [x2, y2] = point(to, radius);
  return `M ${x1.toFixed(1)} ${y1.toFixed(1)} A ${radius} ${radius} 0 0 1 ${x2.toFixed(1)} ${y2.toFixed(1)}`;
}

/** Where the labels go: every 5 points on a wide dial, every point on a narrow one. */
function labelStep(range: number): number {
  return range >= 10 ? 5 : 1;
}

/** One party's half of the band; a colour too dark for the navy track (Plaid Cymru) on a light keyline. */
function band(from: number, to: number, colour: string): SVGPathElement[] {
  const fill = svg('path', { d: arc(from, to, DIAL.r), stroke: colour, class: 'sw-band', 'stroke-width': DIAL.band });
  if (!needsKeyline(colour)) return [fill];
  const keyline = svg('path', { d: arc(from, to, DIAL.r), class: 'sw-band sw-band-keyline', 'stroke-width': DIAL.band });
  fill.setAttribute('stroke-width', String(DIAL.band - 2 * KEYLINE_PX));
  return [keyline, fill];
}
/** --keyline-width in output.css, in the face's own units (stage pixels). */
const KEYLINE_PX = 2;

/**
 * The static face: each party's half of the band in its colour, ticks and the scale in points.
 * One SVG drawn once in create(); only the needle (an HTML layer) moves.
 */
export function dialFace(from: string, to: string, range: number): SVGSVGElement {
  // Only as big as the dial and its scale (stage coordinates kept by the viewBox): a full-stage
  // layer would cost the compositor a 1920x1080 blend on every frame of the in.
  // swingometer.css places .sw-face on the same box (450, 230, 1020 x 510).
  const box = { x: DIAL.cx - DIAL.r - 110, y: DIAL.cy - DIAL.r - 110, w: 2 * (DIAL.r + 110), h: DIAL.r + 110 };
  const face = svg('svg', { width: box.w, height: box.h, viewBox: `${box.x} ${box.y} ${box.w} ${box.h}` });
  const max = DIAL.maxAngle;
  // The scale's numbers sit on a navy ring of their own, joined to the track: over a bright
  // studio picture bare white numbers vanish.
  const labelRadius = DIAL.r + DIAL.band / 2 + 36;
  face.append(
    svg('path', { d: arc(-max - 5, max + 5, labelRadius), class: 'sw-track sw-scale-plate', 'stroke-width': SCALE_PLATE }),
    svg('path', { d: arc(-max - 2, max + 2, DIAL.r), class: 'sw-track', 'stroke-width': DIAL.band + 16 }),
    ...band(-max, 0, partyColour(from)),
    ...band(0, max, partyColour(to)),
  );
  const minor = range > 15 ? 2 : 1;
  const step = labelStep(range);
  for (let v = -range; v <= range; v += minor) {
    const a = (v / range) * max;
    const major = v % step === 0;
    const [x1, y1] = point(a, DIAL.r - DIAL.band / 2);
    const [x2, y2] = point(a, DIAL.r - DIAL.band / 2 + (major ? 30 : 16));
    face.append(svg('line', { x1, y1, x2, y2, class: major ? 'sw-tick sw-major' : 'sw-tick' }));
    if (!major) continue;
    const [lx, ly] = point(a, labelRadius);
    const label = svg('text', { x: lx, y: ly + 12, class: 'sw-scale' });
    label.textContent = String(Math.abs(v));
    face.append(label);
  }
  return face;
}
