import { gsap } from 'gsap';
import { countTo } from '../common/count';
import { signed } from '../../../main/templates/common/verdict';
import { changeVerdict, fillVerdict } from '../common/verdict-change';
import { partyColour } from '../../../main/templates/palette';
import { exitPollBoard, sameOrder, type Board } from './board';
import { barScale, boardOf, fillBoard, fillHeader, fillRowText, revealed, rowsOf, tickX, trackX } from './fill';
import type { ExitPollFields } from '../../../main/templates/exit-poll/schema';

type Timeline = ReturnType<typeof gsap.timeline>;

/** One bar arrives: the row slides in, the bar grows from the axis while its figure counts up. */
function revealRow(el: HTMLElement, index: number, board: Board): Timeline {
  const tl = gsap.timeline({ paused: true });
  const row = rowsOf(el)[index];
  const data = board.rows[index];
  if (!row || !data) return tl; // fewer parties than steps: the later Nexts hold the board
  const q = gsap.utils.selector(row);
  tl.call(() => q('.ep-seats, .ep-change').forEach((e) => (e.textContent = e.classList.contains('ep-change') ? signed(0) : '0')), [], 0)
    .fromTo(row, { autoAlpha: 0, x: -48 }, { autoAlpha: 1, x: 0, duration: 0.3, ease: 'power2.out' })
    .fromTo(q('.ep-bar'), { scaleX: 0 }, { scaleX: barScale(data.seats, board), duration: 0.8, ease: 'power3.out' }, 0.1)
    .fromTo(q('.ep-ghost, .ep-ghost-tick'), { opacity: 0 }, { opacity: 1, duration: 0.3, ease: 'none' }, 0.6)
    .add(countTo(q('.ep-seats')[0]!, 0, data.seats, String, 0.8), 0.1);
  if (data.change !== null) tl.add(countTo(q('.ep-change')[0]!, 0, data.change, signed, 0.8), 0.1);
  return tl;
}

/** The frame builds top-down, then the first (largest) bar and the headline. */
export function exitPollIn(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .fromTo(q('.ep-backdrop'), { opacity: 0 }, { opacity: 1, duration: 0.3, ease: 'none' })
    .fromTo(q('.ep-rule'), { scaleX: 0 }, { scaleX: 1, duration: 0.5, ease: 'power3.out' }, 0.1)
    .fromTo(q('.ep-title, .ep-source'), { x: -60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.4, stagger: 0.08, ease: 'power2.out' }, 0.15)
    .fromTo(q('.ep-time'), { scaleX: 0 }, { scaleX: 1, duration: 0.35, ease: 'power3.out' }, 0.25)
    .fromTo(q('.ep-key'), { opacity: 0 }, { opacity: 1, duration: 0.3, ease: 'none' }, 0.4)
    .fromTo(q('.ep-line'), { scaleY: 0 }, { scaleY: 1, duration: 0.5, ease: 'power2.out' }, 0.3)
    .add(revealRow(el, 0, boardOf(el)).paused(false), 0.4)
    .fromTo(q('.ep-verdict'), { yPercent: 120, opacity: 0 }, { yPercent: 0, opacity: 1, duration: 0.4, ease: 'power3.out' }, 0.9);
}

export function exitPollStep(el: HTMLElement, step: number): Timeline {
  el.dataset.revealed = String(Math.max(revealed(el), step));
  return revealRow(el, step - 1, boardOf(el));
}

export function exitPollOut(el: HTMLElement): Timeline {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.ep-verdict'), { yPercent: 120, opacity: 0, duration: 0.25, ease: 'power2.in' })
    .to(q('.ep-head, .ep-time, .ep-key, .ep-rows'), { x: -60, opacity: 0, duration: 0.3, stagger: 0.04, ease: 'power2.in' }, 0.05)
    .to(q('.ep-rule'), { scaleX: 0, duration: 0.3, ease: 'power2.in' }, 0.1)
    .to(q('.ep-backdrop'), { opacity: 0, duration: 0.3, ease: 'none' }, 0.3);
}

/** Bars glide to the new figures and the numbers count; a new running order cross-fades the rows. */
export function exitPollUpdate(el: HTMLElement, previous: ExitPollFields, next: ExitPollFields): Timeline {
  const q = gsap.utils.selector(el);
  const before = boardOf(el);
  const after = exitPollBoard(next);
  const tl = gsap.timeline({ paused: true });
  const headChanged = ['title', 'time', 'source', 'compareLabel'].some((k) => previous[k as keyof ExitPollFields] !== next[k as keyof ExitPollFields]);
  if (headChanged) {
    tl.to(q('.ep-head, .ep-time, .ep-key'), { opacity: 0, duration: 0.15, ease: 'power1.in' }, 0)
      .call(() => fillHeader(el, next), [], 0.15)
      .to(q('.ep-head, .ep-time, .ep-key'), { opacity: 1, duration: 0.25, ease: 'power1.out' }, 0.15);
  }
  if (sameOrder(before, after)) moveBars(el, tl, before, after);
  else {
    tl.to(q('.ep-rows'), { opacity: 0, duration: 0.2, ease: 'power1.in' }, 0)
      .call(() => fillBoard(el, next, after), [], 0.2)
      .to(q('.ep-rows'), { opacity: 1, duration: 0.3, ease: 'power1.out' }, 0.2);
  }
  changeVerdict(tl, q('.ep-verdict')[0]!, before.verdict, after.verdict, partyColour(after.verdict.party), () => fillVerdict(el, after.verdict));
  return tl.call(() => fillBoard(el, next, after)); // ends exactly at the steady state
}

function moveBars(el: HTMLElement, tl: Timeline, before: Board, after: Board): void {
  rowsOf(el).forEach((row, i) => {
    const was = before.rows[i];
    const now = after.rows[i];
    if (!was || !now) return;
    const q = gsap.utils.selector(row);
    tl.call(() => fillRowText(row, { ...now, seats: was.seats, change: now.change === null ? null : (was.change ?? 0) }), [], 0)
      .to(q('.ep-bar'), { scaleX: barScale(now.seats, after), duration: 0.8, ease: 'power3.inOut' }, 0)
      .to(q('.ep-ghost'), { scaleX: barScale(now.previous ?? 0, after), duration: 0.8, ease: 'power3.inOut' }, 0)
      .to(q('.ep-ghost-tick'), { x: tickX(now.previous ?? 0, after), duration: 0.8, ease: 'power3.inOut' }, 0)
      .add(countTo(q('.ep-seats')[0]!, was.seats, now.seats, String, 0.8), 0);
    if (now.change !== null) tl.add(countTo(q('.ep-change')[0]!, was.change ?? 0, now.change, signed, 0.8), 0);
  });
  tl.to(el.querySelector('.ep-line'), { x: trackX(after.needed, after), duration: 0.8, ease: 'power3.inOut' }, 0);
}
