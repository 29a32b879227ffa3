import { gsap } from 'gsap';
import { countTo } from '../common/count';
import { fitText } from '../common/fit-text';
import { changeVerdict } from '../common/verdict-change';
import { partyColour } from '../../../main/templates/palette';
import type { HemicycleView } from '../../../main/templates/hemicycle/bind';
import { buildArc, fillHemicycle, fillHemicycleVerdict, fillKey, fillText, paintSeat, partiesOf, seatFill, shownArc } from './fill';

type Timeline = ReturnType<typeof gsap.timeline>;

/** Past this many changed seats (a bulk import) the arc cross-fades whole instead of seat by seat. */
const SEAT_BY_SEAT_MAX = 60;

/**
 * The arc is painted once; the in sweeps a cover of the backdrop's colour from
 * left to right across it. One rotating flat-colour layer, no repaint of 650 circles.
 */
export function hemicycleIn(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  const { view } = shownArc(el);
  return gsap
    .timeline({ paused: true })
    .fromTo(q('.hc-backdrop'), { opacity: 0 }, { opacity: 1, duration: 0.3, ease: 'none' }, 0)
    .fromTo(q('.hc-wipe'), { autoAlpha: 0, rotation: 0 }, { autoAlpha: 1, duration: 0.3, ease: 'none' }, 0)
    .fromTo(q('.hc-svg'), { autoAlpha: 0 }, { autoAlpha: 1, duration: 0.01 }, 0.3)
    .to(q('.hc-wipe'), { rotation: 180, duration: 1.1, ease: 'power1.inOut' }, 0.3)
    .set(q('.hc-wipe'), { autoAlpha: 0 })
    .fromTo(q('.hc-title, .hc-subtitle'), { x: -60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, stagger: 0.08, ease: 'power2.out' }, 0.15)
    .fromTo(q('.hc-marker'), { scaleY: 0, opacity: 0 }, { scaleY: 1, opacity: 1, duration: 0.4, ease: 'power2.out' }, 0.8)
    .fromTo(q('.hc-centre'), { y: 30, opacity: 0 }, { y: 0, opacity: 1, duration: 0.4, ease: 'power2.out' }, 0.6)
    .add(countTo(q('.hc-declared-n')[0]!, 0, view.decided, String, 0.9), 0.6)
    .fromTo(q('.hc-chip'), { y: 24, opacity: 0 }, { y: 0, opacity: 1, duration: 0.3, stagger: 0.05, ease: 'power2.out' }, 1.0)
    .fromTo(q('.hc-verdict'), { x: 60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, ease: 'power3.out' }, 1.2);
}

export function hemicycleOut(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.hc-head, .hc-verdict, .hc-key, .hc-centre, .hc-marker'), { opacity: 0, y: 20, duration: 0.25, stagger: 0.03, ease: 'power2.in' })
    .to(q('.hc-svg'), { opacity: 0, scale: 0.96, duration: 0.35, ease: 'power2.in' }, 0.1)
    .to(q('.hc-backdrop'), { opacity: 0, duration: 0.3, ease: 'none' }, 0.3);
}

/** Seats that changed hands cross-fade to their new colour with a small pop; counts count. */
export function hemicycleUpdate(el: HTMLElement, next: HemicycleView): Timeline {
  const q = gsap.utils.selector(el);
  const before = shownArc(el);
  const tl = gsap.timeline({ paused: true });
  const after = partiesOf(next);
  const circles = q('.hc-svg circle');
  const changed = after.flatMap((p, i) => (before.parties[i] === p ? [] : [i]));
  if (before.view.total !== next.total) {
    // A House of another size is another arc: the holder fades, not the SVG, which is rebuilt.
    tl.to(q('.hc-arc'), { opacity: 0, duration: 0.25 }, 0)
      .call(() => fillHemicycle(el, next), [], 0.25)
      .to(q('.hc-arc'), { opacity: 1, duration: 0.35 }, 0.25);
  } else if (changed.length > SEAT_BY_SEAT_MAX) {
    // A bulk import: the new arc fades in over the old one. A seat that kept its colour is the
    // same pixels in both, so it never moves; one composited layer, no 650 fill tweens.
    const old = q('.hc-svg')[0]!;
    const { svg } = buildArc(next);
    old.after(svg);
    tl.fromTo(svg, { opacity: 0 }, { opacity: 1, duration: 0.6, ease: 'power1.inOut' }, 0).call(() => old.remove(), [], 0.6);
  } else {
    const byParty = new Map<string, Element[]>();
    for (const i of changed) byParty.set(after[i]!, [...(byParty.get(after[i]!) ?? []), circles[i]!]);
    for (const [party, seats] of byParty) {
      tl.to(seats, { fill: seatFill(party), duration: 0.6, ease: 'power1.inOut' }, 0)
        .call(() => seats.forEach((s) => paintSeat(s as SVGElement, party)), [], 0.6)
        .fromTo(seats, { scale: 1.6, transformOrigin: '50% 50%' }, { scale: 1, duration: 0.6, ease: 'back.out(2)' }, 0);
    }
  }
  tl.add(countTo(q('.hc-declared-n')[0]!, before.view.decided, next.decided, String, 0.6), 0);
  const sameKey = before.view.key.map((k) => k.party).join() === next.key.map((k) => k.party).join();
  // Waiting, the dashes stand (the closing fill writes them); there is nothing to count.
  if (sameKey && next.decided > 0) next.key.forEach((k, i) => tl.add(countTo(q('.hc-chip-n')[i]!, before.view.key[i]!.seats, k.seats, String, 0.6), 0));
  else if (!sameKey)
    tl.to(q('.hc-key'), { opacity: 0, duration: 0.2 }, 0)
      .call(() => fillKey(el, next), [], 0.2)
      .to(q('.hc-key'), { opacity: 1, duration: 0.3 }, 0.2);
  if (before.view.title !== next.title || before.view.subtitle !== next.subtitle) {
    tl.to(q('.hc-head'), { opacity: 0, duration: 0.15 }, 0)
      .call(() => (fillText(el, { ...next, decided: before.view.decided }), fitText(el)), [], 0.15)
      .to(q('.hc-head'), { opacity: 1, duration: 0.25 }, 0.15);
  }
  changeVerdict(tl, q('.hc-verdict')[0]!, before.view.verdict, next.verdict, partyColour(next.verdict.party), () => fillHemicycleVerdict(el, next));
  return tl.call(() => fillHemicycle(el, next));
}
