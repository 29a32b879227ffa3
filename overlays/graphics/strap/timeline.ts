import { gsap } from 'gsap';
import type { StrapFields } from './schema';
import { fillStrap } from './fill';

/**
 * The strap wipes in from its accent bar: bar, then the headline panel, then
 * the subline. Out is the same in reverse, quicker. Durations in seconds.
 */
export function strapIn(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline()
    .fromTo(q('.strap-accent'), { scaleY: 0 }, { scaleY: 1, duration: 0.2, ease: 'power3.out' })
    .fromTo(q('.strap-main'), { clipPath: 'inset(0 100% 0 0)' }, { clipPath: 'inset(0 0% 0 0)', duration: 0.45, ease: 'power3.out' }, 0.1)
    .fromTo(q('.strap-headline, .strap-label'), { x: -40, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power2.out' }, 0.25)
    .fromTo(q('.strap-sub'), { clipPath: 'inset(0 0 100% 0)' }, { clipPath: 'inset(0 0 0% 0)', duration: 0.3, ease: 'power2.out' }, 0.4);
}

export function strapOut(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline()
    .to(q('.strap-sub'), { clipPath: 'inset(0 0 100% 0)', duration: 0.2, ease: 'power2.in' })
    .to(q('.strap-main'), { clipPath: 'inset(0 100% 0 0)', duration: 0.3, ease: 'power3.in' }, 0.1)
    .to(q('.strap-accent'), { scaleY: 0, duration: 0.15, ease: 'power2.in' }, 0.3);
}

/** Text changes cross-fade in place; the accent colour blends to the new party. */
export function strapUpdate(el: HTMLElement, previous: StrapFields, next: StrapFields) {
  const q = gsap.utils.selector(el);
  const textChanged = previous.headline !== next.headline || previous.subline !== next.subline || previous.variant !== next.variant;
  const tl = gsap.timeline();
  if (textChanged) {
    tl.to(q('.strap-headline, .strap-subline, .strap-label'), { opacity: 0, duration: 0.15, ease: 'power1.in' });
  }
  tl.call(() => {
    const from = getComputedStyle(el).getPropertyValue('--accent');
    fillStrap(el, next);
    const to = getComputedStyle(el).getPropertyValue('--accent');
    if (from !== to) gsap.fromTo(el, { '--accent': from }, { '--accent': to, duration: 0.4, ease: 'none' });
  });
  if (textChanged) {
    tl.to(q('.strap-headline, .strap-subline, .strap-label'), { opacity: 1, duration: 0.25, ease: 'power1.out' });
  }
  return tl;
}
