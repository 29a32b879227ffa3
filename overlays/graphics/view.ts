import { gsap } from 'gsap';
import type { z } from 'zod';
import type { Fields } from '../../main/engine/show';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * How a template draws itself. The output builds the element and its
 * in-timeline off-air, while the cue is in preview, so a take only appends
 * and plays. Every timeline is returned paused; its end is the steady state.
 * Animate transform and opacity where possible: the compositor draws those.
 */
export interface GraphicView {
  /** Builds the graphic's DOM at its first step, laid out and ready to animate in. */
  create(fields: Fields): HTMLElement;
  /** Animates from hidden to step 1. */
  animateIn(el: HTMLElement): Timeline;
  /** Animates from step - 1 to step (step >= 2). */
  animateStep(el: HTMLElement, step: number): Timeline;
  /** Changes the values on air, animating from the old ones (never replays the in). */
  animateUpdate(el: HTMLElement, previous: Fields, next: Fields): Timeline;
  animateOut(el: HTMLElement): Timeline;
}

/** A template's drawing as it is written: in terms of its own view, parsed. */
export interface TypedDrawing<V> {
  create(view: V): HTMLElement;
  animateIn(el: HTMLElement): Timeline;
  /** Left out by a template of one step. */
  animateStep?(el: HTMLElement, step: number): Timeline;
  animateUpdate(el: HTMLElement, previous: V, next: V): Timeline;
  animateOut(el: HTMLElement): Timeline;
}

/**
 * A template's drawing, reading what a snapshot sends through the template's
 * schema (a snapshot is an input like any other), once per view object: an
 * update finds the view on air as it was parsed when it went up, so each view
 * is parsed once, wherever it is drawn.
 */
export function graphicView<V>(schema: z.ZodType<V>, drawing: TypedDrawing<V>): GraphicView {
  const parsed = new WeakMap<Fields, V>();
  const asView = (fields: Fields): V => {
    let view = parsed.get(fields);
    if (view === undefined) {
      view = schema.parse(fields);
      parsed.set(fields, view);
    }
    return view;
  };
  return {
    create: (fields) => drawing.create(asView(fields)),
    animateIn: (el) => drawing.animateIn(el),
    animateStep: drawing.animateStep ? (el, step) => drawing.animateStep!(el, step) : () => gsap.timeline({ paused: true }),
    animateUpdate: (el, previous, next) => drawing.animateUpdate(el, asView(previous), asView(next)),
    animateOut: (el) => drawing.animateOut(el),
  };
}
