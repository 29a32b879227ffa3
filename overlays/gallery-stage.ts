import { gsap } from 'gsap';
import type { Fields, Layer } from '../main/engine/show';
import { part } from './graphics/dom';
import { cutGraphic, drawingOf } from './output-renderer';
import { STAGE_HEIGHT, STAGE_WIDTH } from './stage';

/** One graphic to draw still: a template, its layer, the resolved view and the step to show. */
export interface StillGraphic {
  template: string;
  layer: Layer;
  view: Fields | null;
  step: number;
  /** Why there is no view, shown in its place. */
  error?: string;
}

/**
 * A 1920x1080 stage laid out as the output lays out its layers, so a
 * template's CSS sees the same tree here as on air.
 */
export function emptyStage(layer: Layer): { stage: HTMLElement; slot: HTMLElement } {
  const stage = part('div', 'stage');
  const slot = part('div', 'layer');
  slot.dataset.layerSlot = layer;
  stage.append(slot);
  return { stage, slot };
}

/**
 * Draws the graphic at the steady state of its step, by the output's own cut
 * (output-renderer.ts), so a still is exactly what airs. The stage must
 * already be in the document, since templates may measure their text as they lay out.
 */
export function cutToStep(slot: HTMLElement, still: StillGraphic): HTMLElement | null {
  if (!drawingOf(still.template, still.view) || !still.view) {
    slot.append(part('div', 'still-missing', still.error ?? `No drawing for template "${still.template}"`));
    return null;
  }
  // A paused global timeline (stills pause it) would hold back every gsap.set a template makes as it builds.
  const global = gsap.globalTimeline;
  const paused = global.paused();
  global.paused(false);
  try {
    return cutGraphic(slot, { template: still.template, layer: still.layer, view: still.view, step: still.step });
  } finally {
    global.paused(paused);
  }
}

/**
 * A scaled-down stage in a box of the given width (16:9): the real stage at
 * 1920x1080, shrunk with a transform, so thumbnails draw exactly what airs.
 */
export function thumbnail(host: HTMLElement, still: StillGraphic, width: number): HTMLElement {
  const frame = part('div', 'still-frame');
  frame.style.width = `${width}px`;
  frame.style.height = `${Math.round((width * STAGE_HEIGHT) / STAGE_WIDTH)}px`;
  const { stage, slot } = emptyStage(still.layer);
  stage.style.transform = `scale(${width / STAGE_WIDTH})`;
  frame.append(stage);
  host.append(frame);
  cutToStep(slot, still);
  return frame;
}

/** Appends ?token= to an API path when the page was opened with one (access from another machine). */
export function withToken(path: string, search: string): string {
  const token = new URLSearchParams(search).get('token');
  if (!token) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** Resolves after the browser has painted what was just built: two frames, so layout and paint have both run. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
