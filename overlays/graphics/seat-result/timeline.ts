import { gsap } from 'gsap';
import { partyColour } from '../../../main/templates/palette';
import { blendVar, textPlate, updateParts } from '../common/parts';
import { barScales, seatResultParts, styleSeatResult, verdictColour } from './fill';
import type { SeatResultView } from '../../../main/templates/seat-result/bind';

/**
 * Step 1 is the card alone, centred on screen; step 2 lifts it to the top and brings the full
 * result in below. The card is laid out at its step-2 place and moved down for step 1, so the
 * step only animates a transform.
 */
const STEP1_DROP = 248;

export function placeForStep1(el: HTMLElement): void {
  const q = gsap.utils.selector(el);
  gsap.set(q('.sr-card'), { y: STEP1_DROP });
  // Off screen until step 2: content-visibility keeps its rows out of the take's layout and paint.
  gsap.set(q('.sr-full'), { opacity: 0, contentVisibility: 'hidden' });
}

/**
 * Head wipes on from its accent, the verdict block wipes across, then the figures rise into
 * place. The verdict is the news: it is at full opacity, in place, by VERDICT_READABLE_S.
 */
export const VERDICT_READABLE_S = 0.5;

export function seatResultIn(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .fromTo(q('.sr-accent'), { scaleY: 0 }, { scaleY: 1, duration: 0.2, ease: 'power3.out' })
    .fromTo(q('.sr-head-bg'), { scaleX: 0 }, { scaleX: 1, duration: 0.45, ease: 'power3.out' }, 0.08)
    .fromTo(q('.sr-name, .sr-region'), { x: -40, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power2.out', stagger: 0.06 }, 0.22)
    .fromTo(q('.sr-block'), { scaleX: 0 }, { scaleX: 1, duration: 0.3, ease: 'power3.out' }, 0.1)
    .fromTo(q('.sr-verdict-text'), { y: 50, opacity: 0 }, { y: 0, opacity: 1, duration: 0.3, ease: 'power3.out' }, VERDICT_READABLE_S - 0.3)
    .fromTo(q('.sr-mp'), { y: 50, opacity: 0 }, { y: 0, opacity: 1, duration: 0.35, ease: 'power3.out' }, 0.35)
    .fromTo(q('.sr-lower'), { scaleY: 0 }, { scaleY: 1, duration: 0.3, ease: 'power2.out' }, 0.7)
    .fromTo(q('.sr-stat, .sr-note'), { y: 24, opacity: 0 }, { y: 0, opacity: 1, duration: 0.3, ease: 'power2.out', stagger: 0.07 }, 0.82);
}

/** Step 2: the card rises, the full-result panel fades up and its bars grow in turn. */
export function seatResultStep(el: HTMLElement, step: number) {
  const q = gsap.utils.selector(el);
  const tl = gsap.timeline({ paused: true });
  if (step !== 2) return tl;
  const bars = q('.sr-bar');
  const targets = bars.map((b) => Number(gsap.getProperty(b, 'scaleX')));
  tl.set(q('.sr-full'), { contentVisibility: 'visible' })
    .fromTo(q('.sr-card'), { y: STEP1_DROP }, { y: 0, duration: 0.55, ease: 'power3.inOut' })
    .fromTo(q('.sr-full'), { opacity: 0, y: 40 }, { opacity: 1, y: 0, duration: 0.4, ease: 'power2.out' }, 0.3)
    .fromTo(q('.sr-row'), { opacity: 0, x: -30 }, { opacity: 1, x: 0, duration: 0.3, ease: 'power2.out', stagger: 0.06 }, 0.4);
  bars.forEach((bar, i) => tl.fromTo(bar, { scaleX: 0 }, { scaleX: targets[i]!, duration: 0.6, ease: 'power3.out' }, 0.5 + i * 0.06));
  return tl;
}

export function seatResultOut(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.sr-full'), { opacity: 0, y: 30, duration: 0.25, ease: 'power2.in' })
    .to(q('.sr-lower, .sr-verdict'), { opacity: 0, y: 20, duration: 0.25, ease: 'power2.in', stagger: 0.05 }, 0.05)
    .to(q('.sr-name, .sr-region'), { opacity: 0, duration: 0.15 }, 0.15)
    .to(q('.sr-head-bg'), { scaleX: 0, duration: 0.3, ease: 'power3.in' }, 0.2)
    .to(q('.sr-accent'), { scaleY: 0, duration: 0.15, ease: 'power2.in' }, 0.4);
}

/**
 * A new declaration, a rush becoming a full result, or another seat: numbers count, bars grow
 * from their old lengths, the verdict colour blends. When the card's state changes (pending to
 * declared) the figures block swaps with a fade, since it shows different things.
 */
export function seatResultUpdate(el: HTMLElement, previous: SeatResultView, next: SeatResultView) {
  const q = gsap.utils.selector(el);
  const swapping = previous.state !== next.state || previous.onsCode !== next.onsCode;
  const blocks = swapping ? q('.sr-lower') : [];
  const tl = updateParts(el, seatResultParts(previous), seatResultParts(next), () => styleSeatResult(el, next, false), blocks);
  const at = Math.min(0.15, tl.duration());
  blendVar(tl, el, '--win', verdictColour(next), at);
  blendVar(tl, el, '--win-plate', textPlate(verdictColour(next)).plate, at);
  const from = barScales(previous);
  const to = barScales(next);
  q('.sr-bar').forEach((bar, i) => {
    if (from[i] !== to[i]) tl.fromTo(bar, { scaleX: from[i]! }, { scaleX: to[i]!, duration: 0.8, ease: 'power2.out' }, at);
  });
  q('.sr-row').forEach((row, i) => {
    const bar = next.bars[i];
    if (bar) blendVar(tl, row, '--party', partyColour(bar.party), at);
  });
  return tl;
}
