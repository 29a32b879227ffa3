import { gsap } from 'gsap';
import { partyColour } from '../../../main/templates/palette';
import { blendVar, textPlate, updateParts } from '../common/parts';
import type { TargetSeatsView } from '../../../main/templates/target-seats/bind';
import { chipPlate, pageForStep, showPage, styleTargets, targetParts } from './fill';

const rowsOf = (el: HTMLElement, page: number): HTMLElement[] =>
  Array.from(el.querySelectorAll<HTMLElement>(`.ts-page:nth-child(${page}) .ts-row:not(.is-empty)`));

/** The title bar wipes on, the column heads fade up, then the first page's rows deal in one by one. */
export function targetsIn(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .fromTo(q('.ts-accent'), { scaleY: 0 }, { scaleY: 1, duration: 0.2, ease: 'power3.out' })
    .fromTo(q('.ts-head-bg'), { scaleX: 0 }, { scaleX: 1, duration: 0.45, ease: 'power3.out' }, 0.08)
    .fromTo(q('.ts-titles, .ts-score'), { x: -40, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power2.out', stagger: 0.1 }, 0.22)
    .fromTo(q('.ts-cols'), { opacity: 0 }, { opacity: 1, duration: 0.3 }, 0.4)
    .fromTo(rowsOf(el, 1), { x: 60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power3.out', stagger: 0.05 }, 0.45)
    .fromTo(q('.ts-page:nth-child(1) .ts-page-no'), { opacity: 0 }, { opacity: 1, duration: 0.3 }, 0.8);
}

/** Next page: this page's rows leave to the left as the next page's deal in from the right. */
export function targetsStep(el: HTMLElement, step: number) {
  const tl = gsap.timeline({ paused: true });
  const pages = Number(el.dataset.pages ?? '1');
  const from = Number(el.dataset.page ?? '1');
  const to = pageForStep({ pages }, step);
  if (from === to) return tl;
  const q = gsap.utils.selector(el);
  const [leaving, coming] = [q(`.ts-page:nth-child(${from})`)[0]!, q(`.ts-page:nth-child(${to})`)[0]!];
  el.dataset.page = String(to);
  return tl
    .to(rowsOf(el, from), { x: -60, opacity: 0, duration: 0.25, ease: 'power2.in', stagger: 0.03 })
    .set(leaving, { contentVisibility: 'hidden' })
    .set(rowsOf(el, from), { x: 0, opacity: 1 })
    .set(coming, { contentVisibility: 'visible' })
    .fromTo(rowsOf(el, to), { x: 60, opacity: 0 }, { x: 0, opacity: 1, duration: 0.35, ease: 'power3.out', stagger: 0.05, immediateRender: false });
}

export function targetsOut(el: HTMLElement) {
  const q = gsap.utils.selector(el);
  return gsap
    .timeline({ paused: true })
    .to(q('.ts-pages, .ts-cols'), { opacity: 0, y: 20, duration: 0.25, ease: 'power2.in' })
    .to(q('.ts-titles, .ts-score'), { opacity: 0, duration: 0.15 }, 0.1)
    .to(q('.ts-head-bg'), { scaleX: 0, duration: 0.3, ease: 'power3.in' }, 0.15)
    .to(q('.ts-accent'), { scaleY: 0, duration: 0.15, ease: 'power2.in' }, 0.35);
}

/**
 * Seats declaring: a row's result chip blends to the winner's colour and pops; the gains figure
 * counts up. A new party or region rewrites the rows with a cross-fade, never a replayed in.
 */
export function targetsUpdate(el: HTMLElement, previous: TargetSeatsView, next: TargetSeatsView) {
  const q = gsap.utils.selector(el);
  const step = Number(el.dataset.step ?? '1');
  const tl = updateParts(el, targetParts(previous), targetParts(next), () => {
    styleTargets(el, next, false);
    const page = pageForStep(next, step);
    if (String(page) !== el.dataset.page) showPage(el, page);
  });
  const at = Math.min(0.15, tl.duration());
  blendVar(tl, el, '--attacker', partyColour(next.party), at);
  blendVar(tl, el, '--attacker-plate', textPlate(partyColour(next.party)).plate, at);
  q('.ts-row').forEach((row, i) => {
    const was = previous.rows[i];
    const now = next.rows[i];
    if (!now) return;
    blendVar(tl, row, '--chip', chipPlate(now), at);
    if (was && was.onsCode === now.onsCode && was.status !== now.status) {
      tl.fromTo(row.querySelector('.ts-result'), { scale: 1.25 }, { scale: 1, duration: 0.5, ease: 'back.out(3)' }, at);
    }
  });
  return tl;
}
