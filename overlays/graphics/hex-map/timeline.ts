import { gsap } from 'gsap';
import { buildFocus, hexColour, hexMapParts, KEY_OFF, markKeyline, type FocusLayer, type HexMapParts } from './draw';
import { tallyFor, updateKey } from './key';
import { regionBox, type Fit } from './layout';
import type { HexMapView } from '../../../main/templates/hex-map/schema';

type Timeline = ReturnType<typeof gsap.timeline>;
const DIMMED = 0.1;
const ZOOM = { duration: 1, ease: 'power3.inOut' };

/** North to south, so the map fills in the way the eye reads it. */
function regionsNorthFirst(parts: HexMapParts): SVGSVGElement[] {
  return [...parts.regions.entries()].sort(([a], [b]) => regionBox(a)!.top - regionBox(b)!.top).map(([, svg]) => svg);
}

/**
 * The backdrop cuts in (a full-frame fade would make the software compositor
 * redraw all 1920x1080 pixels every frame), then the key slides in while the
 * twelve region layers fade up north to south. Every tween is opacity or
 * transform on a composited layer: the 650 hexes are rasterised once,
 * off-air, and never repainted by the in.
 */
export function hexMapIn(el: HTMLElement): Timeline {
  const parts = hexMapParts(el);
  return gsap
    .timeline({ paused: true })
    .fromTo(parts.key, { x: KEY_OFF }, { x: 0, duration: 0.55, ease: 'power3.out' }, 0)
    .fromTo(regionsNorthFirst(parts), { opacity: 0 }, { opacity: 1, duration: 0.35, ease: 'power1.out', stagger: 0.06 }, 0.1);
}

/** The transform that shrinks a zoomed region copy back onto its place in the overview. */
const inPlace = (fit: Fit): Fit => ({ scale: 1 / fit.scale, x: -fit.x / fit.scale, y: -fit.y / fit.scale });

/**
 * Brings a region out of the map (null: puts it back). The region's own copy,
 * drawn at its zoomed size, grows from its place in the overview to fill the
 * map area while the rest of the map dims where it is. Only that one layer
 * scales: a camera move over the whole map would have the software compositor
 * redraw every pixel of the frame, every frame.
 */
function focusOn(tl: Timeline, parts: HexMapParts, view: HexMapView, region: string | null, at: number): void {
  const old = parts.focus;
  let next: FocusLayer | null = old?.region === region ? old : null;
  if (region && !next) {
    next = buildFocus(region, view);
    if (next) parts.key.before(next.el);
  }
  // Each region layer dims on its own: an opacity on their container would make the compositor draw it through a full-frame offscreen pass.
  tl.to([...parts.regions.values()], { opacity: next ? DIMMED : 1, duration: 0.6, ease: 'power1.inOut' }, at);
  if (old && old !== next) {
    tl.to(old.el, { ...inPlace(old.fit), ...ZOOM }, at)
      .to(old.el, { opacity: 0, duration: 0.3, ease: 'power1.in' }, at + ZOOM.duration - 0.3)
      .call(() => old.el.remove(), [], at + ZOOM.duration);
  }
  if (next) tl.fromTo(next.el, { ...inPlace(next.fit), opacity: 1 }, { scale: 1, x: 0, y: 0, opacity: 1, ...ZOOM, immediateRender: false }, at);
  parts.focus = next;
}

/** Step 2: zoom to the focus region and switch the key to it. With no focus region, nothing moves. */
export function hexMapStep(el: HTMLElement, step: number): Timeline {
  const parts = hexMapParts(el);
  const tl = gsap.timeline({ paused: true });
  const from = tallyFor(parts.view, parts.step);
  parts.step = step;
  if (step !== 2 || !parts.view.focus) return tl;
  focusOn(tl, parts, parts.view, parts.view.region, 0);
  updateKey(tl, parts, parts.view, from, tallyFor(parts.view, step), 0.3);
  return tl;
}

/**
 * New results: only seats whose winner changed cross-fade to their new colour
 * (one staggered tween over just those hexes), and the key counts to its new
 * figures. A new focus region re-zooms at step 2 (or is made ready at step 1).
 * The in never replays.
 */
export function hexMapUpdate(el: HTMLElement, previous: HexMapView, next: HexMapView): Timeline {
  const parts = hexMapParts(el);
  const tl = gsap.timeline({ paused: true });
  if (previous.region !== next.region) {
    if (parts.step >= 2) focusOn(tl, parts, next, next.focus ? next.region : null, 0);
    else {
      parts.focus?.el.remove();
      parts.focus = next.focus ? buildFocus(next.region, next) : null;
      if (parts.focus) parts.key.before(parts.focus.el);
    }
  }
  const changed: SVGPathElement[] = [];
  for (const [code, hex] of parts.hexes) {
    if (previous.winners[code] === next.winners[code]) continue;
    changed.push(hex);
    const zoomed = parts.focus?.hexes.get(code);
    if (zoomed) changed.push(zoomed);
  }
  if (changed.length) {
    tl.to(
      changed,
      {
        fill: (_: number, hex: SVGPathElement) => hexColour(next.winners[hex.dataset.code!]),
        duration: 0.6,
        ease: 'power1.inOut',
        stagger: { each: Math.min(0.03, 0.9 / changed.length) },
        onComplete: () => changed.forEach((hex) => markKeyline(hex, next.winners[hex.dataset.code!])),
      },
      0,
    );
  }
  updateKey(tl, parts, next, tallyFor(previous, parts.step), tallyFor(next, parts.step), 0);
  if (tl.duration() === 0) tl.set({}, {}, 0.01); // a lone call at 0 never fires when played
  parts.view = next;
  return tl;
}

export function hexMapOut(el: HTMLElement): Timeline {
  const parts = hexMapParts(el);
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(parts.key, { x: KEY_OFF, duration: 0.4, ease: 'power3.in' })
    .to([...parts.regions.values(), ...(parts.focus ? [parts.focus.el] : [])], { opacity: 0, duration: 0.35, ease: 'power1.in' }, 0.05)
    .to(q('.hex-map-backdrop'), { opacity: 0, duration: 0.3, ease: 'power1.in' }, 0.25);
}
