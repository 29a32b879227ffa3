import { gsap } from 'gsap';
import type { TickerStrip } from './strip';
import type { TickerView } from '../../../main/templates/ticker/schema';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * The bar wipes in from the label, the items fade up, and only then does the
 * strip start to move: a cut (the in jumped to its end) starts the scroll at
 * zero, so a paused still frame is the same every time.
 */
export function tickerIn(el: HTMLElement, strip: TickerStrip): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .call(() => strip.layout(), [], 0)
    .fromTo(q('.ticker-bg'), { scaleX: 0 }, { scaleX: 1, duration: 0.5, ease: 'power3.out' }, 0)
    .fromTo(q('.ticker-label'), { yPercent: 100 }, { yPercent: 0, duration: 0.35, ease: 'power2.out' }, 0.1)
    .fromTo(q('.ticker-window'), { opacity: 0 }, { opacity: 1, duration: 0.3, ease: 'power1.out' }, 0.35)
    .call(() => strip.start());
}

export function tickerOut(el: HTMLElement, strip: TickerStrip): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.ticker-window'), { opacity: 0, duration: 0.2, ease: 'power1.in' })
    .to(q('.ticker-label'), { yPercent: 100, duration: 0.25, ease: 'power2.in' }, 0.1)
    .to(q('.ticker-bg'), { scaleX: 0, duration: 0.35, ease: 'power3.in' }, 0.15)
    .call(() => strip.stop());
}

/** New items join the end of the queue (the scroll never resets); a new label cross-fades. */
export function tickerUpdate(el: HTMLElement, strip: TickerStrip, previous: TickerView, next: TickerView): Timeline {
  const label = el.querySelector<HTMLElement>('.ticker-label-text')!;
  const tl = gsap.timeline({ paused: true }).call(() => strip.update(next.items, next.speed), [], 0);
  if (previous.label !== next.label) {
    tl.to(label, { opacity: 0, duration: 0.15, ease: 'power1.in' }, 0)
      .call(() => void (label.textContent = next.label))
      .to(label, { opacity: 1, duration: 0.25, ease: 'power1.out' });
  } else {
    // A timeline of nothing but a call at 0 never fires when played; give it a length.
    tl.set({}, {}, 0.01);
  }
  return tl;
}
