import { gsap } from 'gsap';
import { countTo } from '../common/count';
import { signed } from '../../../main/templates/common/verdict';
import { changeVerdict, fillVerdict } from '../common/verdict-change';
import { partyColour } from '../../../main/templates/palette';
import type { SeatTallyView } from '../../../main/templates/seat-tally/bind';
import { columnOf, fillHead, fillTally, shownTally, waiting } from './fill';
import { barScale, figureY, sameParties, tallyLayout } from './layout';

type Timeline = ReturnType<typeof gsap.timeline>;
const GROW = { duration: 0.9, ease: 'power3.out' };

/** Frame first, then the columns rise left to right with their figures counting up. */
export function seatTallyIn(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  const { view, layout } = shownTally(el);
  const tl = gsap
    .timeline({ paused: true })
    .fromTo(q('.st-backdrop, .st-panel'), { opacity: 0 }, { opacity: 1, duration: 0.3, ease: 'none' })
    .fromTo(q('.st-rule, .st-baseline'), { scaleX: 0 }, { scaleX: 1, duration: 0.5, ease: 'power3.out' }, 0.1)
    .fromTo(q('.st-title, .st-area'), { x: -60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, stagger: 0.08, ease: 'power2.out' }, 0.15)
    .fromTo(q('.st-declared'), { x: 60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, ease: 'power2.out' }, 0.2)
    .fromTo(q('.st-progress-fill'), { scaleX: 0 }, { scaleX: view.total ? view.decided / view.total : 0, duration: 0.8, ease: 'power2.out' }, 0.3)
    .add(countTo(q('.st-declared-n')[0]!, 0, view.decided, String, 0.8), 0.3)
    .fromTo(q('.st-name, .st-change'), { opacity: 0, y: 16 }, { opacity: 1, y: 0, duration: 0.3, stagger: 0.03, ease: 'power2.out' }, 0.3)
    // Every figure reads 0 until its column starts to rise (the staggered counts start later).
    .call(() => q(waiting(view) ? '.st-declared-n' : '.st-seats, .st-declared-n').forEach((e) => (e.textContent = '0')), [], 0);
  view.columns.forEach((c, i) => {
    const col = columnOf(el, c.party);
    const at = 0.35 + i * 0.06;
    tl.fromTo(col.querySelector('.st-bar'), { scaleY: 0 }, { scaleY: barScale(c.seats, layout), ...GROW }, at).fromTo(
      col.querySelector('.st-seats'),
      { y: 0 },
      { y: figureY(c.seats, layout), ...GROW },
      at,
    );
    // Waiting, the dashes stand: nothing to count.
    if (!waiting(view)) tl.add(countTo(col.querySelector('.st-seats')!, 0, c.seats, String, GROW.duration), at);
  });
  if (view.needed !== null) tl.fromTo(q('.st-line'), { scaleX: 0 }, { scaleX: 1, duration: 0.5, ease: 'power2.out' }, 0.9);
  return tl.fromTo(q('.st-verdict'), { yPercent: 120, opacity: 0 }, { yPercent: 0, opacity: 1, duration: 0.4, ease: 'power3.out' }, 1.0);
}

export function seatTallyOut(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.st-verdict'), { yPercent: 120, opacity: 0, duration: 0.25, ease: 'power2.in' })
    .to(q('.st-head, .st-declared, .st-chart'), { y: 30, opacity: 0, duration: 0.3, stagger: 0.04, ease: 'power2.in' }, 0.05)
    .to(q('.st-rule'), { scaleX: 0, duration: 0.3, ease: 'power2.in' }, 0.1)
    .to(q('.st-backdrop, .st-panel'), { opacity: 0, duration: 0.3, ease: 'none' }, 0.3);
}

/** Columns grow or shrink and slide to their new rank; figures count; the headline cross-fades. */
export function seatTallyUpdate(el: HTMLElement, next: SeatTallyView): Timeline {
  const q = gsap.utils.selector(el);
  const { view: before } = shownTally(el);
  const layout = tallyLayout(next);
  const tl = gsap.timeline({ paused: true });
  const move = { duration: 0.8, ease: 'power3.inOut' };
  if (before.title !== next.title || before.area !== next.area || before.total !== next.total || before.changeAgainst !== next.changeAgainst) {
    const words = q('.st-title, .st-area, .st-declared-of, .st-change-basis');
    tl.to(words, { opacity: 0, duration: 0.15 }, 0)
      .call(() => fillHead(el, { ...next, decided: before.decided }), [], 0.15)
      .to(words, { opacity: 1, duration: 0.25 }, 0.15);
  }
  tl.add(countTo(q('.st-declared-n')[0]!, before.decided, next.decided, String, move.duration), 0).to(
    q('.st-progress-fill'),
    { scaleX: next.total ? next.decided / next.total : 0, ...move },
    0,
  );
  if (sameParties(before, next)) {
    const was = new Map(before.columns.map((c) => [c.party, c]));
    for (const c of next.columns) {
      const col = columnOf(el, c.party);
      const old = was.get(c.party)!;
      tl.to(col, { x: layout.x[c.party], ...move }, 0)
        .to(col.querySelector('.st-bar'), { scaleY: barScale(c.seats, layout), ...move }, 0)
        .to(col.querySelector('.st-seats'), { y: figureY(c.seats, layout), ...move }, 0)
        .add(countTo(col.querySelector('.st-seats')!, old.seats, c.seats, String, move.duration), 0)
        .add(countTo(col.querySelector('.st-change')!, old.change, c.change, signed, move.duration), 0);
    }
  } else {
    tl.to(q('.st-cols'), { opacity: 0, duration: 0.2 }, 0)
      .call(() => fillTally(el, next), [], 0.2)
      .to(q('.st-cols'), { opacity: 1, duration: 0.3 }, 0.2);
  }
  if (next.needed !== null && before.needed !== null) tl.to(q('.st-line'), { y: figureY(next.needed, layout), ...move }, 0);
  changeVerdict(tl, q('.st-verdict')[0]!, before.verdict, next.verdict, partyColour(next.verdict.party), () => fillVerdict(el, next.verdict));
  // Ends exactly at the steady state (and records what is shown for the next update).
  return tl.call(() => fillTally(el, next));
}
