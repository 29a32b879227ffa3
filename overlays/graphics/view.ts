import type { gsap } from 'gsap';
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
