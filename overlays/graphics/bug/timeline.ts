import { gsap } from 'gsap';
import type { BugFields } from '../../../main/templates/bug/schema';
import { accentColour, fillBug, runClock, stopClock } from './fill';

type Timeline = ReturnType<typeof gsap.timeline>;

/** Top corners drop in from above, bottom ones rise: the bug always arrives from its own edge. */
const fromEdge = (el: HTMLElement) => (el.dataset.corner?.startsWith('bottom') ? 24 : -24);

export function bugIn(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .call(() => runClock(el), [], 0)
    .fromTo(el, { opacity: 0, y: fromEdge(el) }, { opacity: 1, y: 0, duration: 0.35, ease: 'power2.out' }, 0)
    .fromTo(q('.bug-tag'), { scaleX: 0 }, { scaleX: 1, duration: 0.3, ease: 'power3.out' }, 0.1)
    .fromTo(q('.bug-text, .bug-time'), { opacity: 0 }, { opacity: 1, duration: 0.25, ease: 'power1.out' }, 0.3);
}

export function bugOut(el: HTMLElement): Timeline {
  return gsap
    .timeline({ paused: true })
    .to(el, { opacity: 0, y: fromEdge(el), duration: 0.3, ease: 'power2.in' })
    .call(() => stopClock(el));
}

/**
 * New text cross-fades; a new accent blends; a new corner fades out, moves and
 * fades back in; a change of mode starts or stops the clock.
 */
export function bugUpdate(el: HTMLElement, previous: BugFields, next: BugFields): Timeline {
  const q = gsap.utils.selector(el);
  const tl = gsap.timeline({ paused: true });
  const moved = previous.corner !== next.corner || previous.mode !== next.mode;
  // Only the line that changed fades; a clock's ticking time is not an update.
  const retext = [previous.text !== next.text ? '.bug-text' : '', previous.time !== next.time ? '.bug-time' : ''].filter(Boolean);
  const fade = moved ? [el] : retext.length ? q(retext.join(', ')) : [];
  if (fade.length) tl.to(fade, { opacity: 0, duration: 0.2, ease: 'power1.in' });
  tl.call(() => {
    const from = el.style.getPropertyValue('--accent');
    fillBug(el, next);
    if (next.mode === 'clock' && next.time === '') runClock(el);
    else stopClock(el);
    if (from !== accentColour(next.accent)) gsap.fromTo(el, { '--accent': from }, { '--accent': accentColour(next.accent), duration: 0.4, ease: 'none' });
  });
  if (fade.length) tl.to(fade, { opacity: 1, duration: 0.25, ease: 'power1.out' });
  else tl.set({}, {}, 0.01); // a lone call at 0 never fires when played
  return tl;
}
