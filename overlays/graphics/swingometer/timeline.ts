import { gsap } from 'gsap';
import { blendVar, textPlate, updateParts } from '../common/parts';
import { partyColour } from '../../../main/templates/palette';
import type { SwingometerView } from '../../../main/templates/swingometer/bind';
import { DIAL, needleAngle } from './dial';
import { styleSwing, swingParts } from './fill';

/** Step 2 slides the whole dial left to make room for the seat lists: one transform. */
const STEP2_SHIFT = -340;

export function placeForStep1(el: HTMLElement): void {
  // Off screen until step 2: content-visibility keeps the lists out of the take's layout and paint.
  gsap.set(el.querySelector('.sw-panel'), { autoAlpha: 0, contentVisibility: 'hidden' });
}

/** The face opens, then the needle swings up from the far left and settles on the swing. */
export function swingIn(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  const needle = q('.sw-needle')[0]!;
  const angle = Number(gsap.getProperty(needle, 'rotation'));
  return gsap
    .timeline({ paused: true })
    .fromTo(q('.sw-accent'), { scaleY: 0 }, { scaleY: 1, duration: 0.2, ease: 'power3.out' })
    .fromTo(q('.sw-head-bg'), { scaleX: 0 }, { scaleX: 1, duration: 0.45, ease: 'power3.out' }, 0.08)
    .fromTo(q('.sw-titles'), { x: -40, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power2.out' }, 0.22)
    .fromTo(q('.sw-face'), { opacity: 0, scale: 0.85 }, { opacity: 1, scale: 1, duration: 0.5, ease: 'power3.out' }, 0.25)
    .fromTo(q('.sw-pivot'), { scale: 0 }, { scale: 1, duration: 0.3, ease: 'back.out(2)' }, 0.5)
    .fromTo(needle, { rotation: -DIAL.maxAngle, opacity: 0 }, { rotation: angle, opacity: 1, duration: 1.1, ease: 'elastic.out(1, 0.6)' }, 0.55)
    .fromTo(q('.sw-value'), { y: 30, opacity: 0 }, { y: 0, opacity: 1, duration: 0.35, ease: 'power2.out' }, 0.75)
    .fromTo(q('.sw-side-from'), { x: -60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, ease: 'power3.out' }, 0.85)
    .fromTo(q('.sw-side-to'), { x: 60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, ease: 'power3.out' }, 0.85);
}

/** Step 2: the dial slides left, the seat totals give way to the lists of seats falling and next to fall. */
export function swingStep(el: HTMLElement, step: number) {
  const q = gsap.utils.selector(el);
  const tl = gsap.timeline({ paused: true });
  if (step !== 2) return tl;
  return tl
    .to(q('.sw-side'), { opacity: 0, y: 30, duration: 0.25, ease: 'power2.in' })
    .fromTo(q('.sw-dial'), { x: 0 }, { x: STEP2_SHIFT, duration: 0.6, ease: 'power3.inOut' }, 0.1)
    .set(q('.sw-panel'), { contentVisibility: 'visible' }, 0)
    .fromTo(q('.sw-panel'), { autoAlpha: 0, x: 80 }, { autoAlpha: 1, x: 0, duration: 0.45, ease: 'power3.out' }, 0.4)
    .fromTo(q('.sw-list-row, .sw-list-title'), { opacity: 0, x: 30 }, { opacity: 1, x: 0, duration: 0.3, ease: 'power2.out', stagger: 0.04 }, 0.55);
}

export function swingOut(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.sw-panel, .sw-side, .sw-value'), { opacity: 0, y: 20, duration: 0.25, ease: 'power2.in' })
    .to(q('.sw-dial'), { opacity: 0, duration: 0.3, ease: 'power2.in' }, 0.1)
    .to(q('.sw-titles'), { opacity: 0, duration: 0.15 }, 0.1)
    .to(q('.sw-head-bg'), { scaleX: 0, duration: 0.3, ease: 'power3.in' }, 0.2)
    .to(q('.sw-accent'), { scaleY: 0, duration: 0.15, ease: 'power2.in' }, 0.4);
}

/** New results move the needle from where it was (a rotation), the figures count, the lists cross-fade. */
export function swingUpdate(el: HTMLElement, previous: SwingometerView, next: SwingometerView) {
  const q = gsap.utils.selector(el);
  const faceChanged = previous.from !== next.from || previous.to !== next.to || previous.range !== next.range;
  const tl = updateParts(el, swingParts(previous), swingParts(next), () => styleSwing(el, next), faceChanged ? q('.sw-face') : []);
  const at = Math.min(0.15, tl.duration());
  blendVar(tl, el, '--gainer', partyColour(next.gainer), at);
  blendVar(tl, el, '--gainer-plate', textPlate(partyColour(next.gainer)).plate, at);
  const from = needleAngle(previous.swing, previous.range);
  const to = needleAngle(next.swing, next.range);
  if (from !== to) tl.fromTo(q('.sw-needle'), { rotation: from }, { rotation: to, duration: 1.2, ease: 'power3.inOut' }, at);
  return tl;
}
