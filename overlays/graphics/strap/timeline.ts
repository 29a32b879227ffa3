import { gsap } from 'gsap';
import type { StrapFields } from '../../../main/templates/strap/schema';
import { fillStrap } from './fill';

/**
 * The strap grows from its accent bar: bar, then the panel, then the text,
 * then the subline drops out from under it. Only transform and opacity move,
 * so the compositor draws every frame and the page's main thread stays free
 * for the next take. Durations in seconds.
 */
export function strapIn(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .fromTo(q('.strap-accent'), { scaleY: 0 }, { scaleY: 1, duration: 0.2, ease: 'power3.out' })
    .fromTo(q('.strap-bg'), { scaleX: 0 }, { scaleX: 1, duration: 0.45, ease: 'power3.out' }, 0.1)
    .fromTo(q('.strap-headline, .strap-label'), { x: -40, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power2.out' }, 0.25)
    .fromTo(q('.strap-sub'), { yPercent: -100 }, { yPercent: 0, duration: 0.3, ease: 'power2.out' }, 0.4);
}

export function strapOut(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.strap-sub'), { yPercent: -100, duration: 0.2, ease: 'power2.in' })
    .to(q('.strap-headline, .strap-label'), { opacity: 0, duration: 0.15, ease: 'power1.in' }, 0.05)
    .to(q('.strap-bg'), { scaleX: 0, duration: 0.3, ease: 'power3.in' }, 0.1)
    .to(q('.strap-accent'), { scaleY: 0, duration: 0.15, ease: 'power2.in' }, 0.3);
}

/** A line that changed cross-fades in place, the others stay still; the accent colour blends to the new party. */
export function strapUpdate(el: HTMLElement, previous: StrapFields, next: StrapFields) {
  const q = gsap.utils.selector(el);
  const lines = [
    previous.headline !== next.headline ? '.strap-headline' : '',
    previous.subline !== next.subline ? '.strap-subline' : '',
    previous.variant !== next.variant ? '.strap-label' : '',
  ].filter(Boolean);
  const text = lines.length ? q(lines.join(', ')) : [];
  const textChanged = text.length > 0;
  const tl = gsap.timeline({ paused: true });
  if (textChanged) tl.to(text, { opacity: 0, duration: 0.15, ease: 'power1.in' });
  tl.call(() => {
    const from = el.style.getPropertyValue('--accent');
    fillStrap(el, next);
    const to = el.style.getPropertyValue('--accent');
    if (from !== to) gsap.fromTo(el, { '--accent': from }, { '--accent': to, duration: 0.4, ease: 'none' });
  });
  if (textChanged) tl.to(text, { opacity: 1, duration: 0.25, ease: 'power1.out' });
  else tl.set({}, {}, 0.01); // a lone call at 0 never fires when played (a new accent alone)
  return tl;
}
