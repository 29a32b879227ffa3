import { gsap } from 'gsap';
import { part } from '../dom';
import { partyColour } from '../../../main/templates/palette';
import { fillVerdict } from '../common/verdict-change';
import { paintPartyPlate } from '../common/parts';
import { partyShort } from '../../../main/templates/common/parties';
import { figureOrDash, signed } from '../../../main/templates/common/verdict';
import type { SeatTallyView } from '../../../main/templates/seat-tally/bind';
import { SEAT_TALLY_NAME } from '../../../main/templates/seat-tally/schema';
import { placeHeadings } from '../common/headings';
import { barScale, figureY, tallyLayout, type TallyLayout } from './layout';

const shown = new WeakMap<HTMLElement, { view: SeatTallyView; layout: TallyLayout }>();

/** The view and layout an element currently shows (timelines read their figures from it). */
export function shownTally(el: HTMLElement): { view: SeatTallyView; layout: TallyLayout } {
  const s = shown.get(el);
  if (!s) throw new Error('seat tally: element was not built by seatTallyView.create');
  return s;
}

export function columnOf(el: HTMLElement, party: string): HTMLElement {
  return el.querySelector<HTMLElement>(`.st-col[data-party="${party}"]`)!;
}

function column(party: string, width: number): HTMLElement {
  const col = part('div', 'st-col');
  col.dataset.party = party;
  paintPartyPlate(col, partyColour(party));
  col.style.width = `${width}px`;
  col.append(part('div', 'st-bar'), part('div', 'st-seats'), part('div', 'st-name', partyShort(party)), part('div', 'st-change'));
  return col;
}

/** No seat in yet: the board stands with dashes for figures (common/verdict.ts AWAITING). */
export const waiting = (view: SeatTallyView): boolean => view.decided === 0;

export const declaredText = (view: SeatTallyView) => `of ${view.total} declared`;

export function fillHead(el: HTMLElement, view: SeatTallyView): void {
  // "East of England" over "East of England" says nothing twice: the second line names the board.
  const heads = placeHeadings(view.title, view.area, SEAT_TALLY_NAME);
  el.querySelector('.st-title')!.textContent = heads.title;
  el.querySelector('.st-area')!.textContent = heads.place;
  el.querySelector('.st-declared-n')!.textContent = String(view.decided);
  el.querySelector('.st-declared-of')!.textContent = declaredText(view);
  el.querySelector('.st-change-basis')!.textContent = view.changeAgainst;
}

/** Builds (or rebuilds) the columns and puts every figure at its value, with no animation. */
export function fillTally(el: HTMLElement, view: SeatTallyView): void {
  const layout = tallyLayout(view);
  const cols = el.querySelector('.st-cols')!;
  const want = view.columns.map((c) => c.party).join(' ');
  if (cols.getAttribute('data-parties') !== want) {
    cols.replaceChildren(...view.columns.map((c) => column(c.party, layout.slotWidth)));
    cols.setAttribute('data-parties', want);
  }
  for (const c of view.columns) {
    const col = columnOf(el, c.party);
    gsap.set(col, { x: layout.x[c.party] });
    gsap.set(col.querySelector('.st-bar'), { scaleY: barScale(c.seats, layout) });
    gsap.set(col.querySelector('.st-seats'), { y: figureY(c.seats, layout) });
    col.querySelector('.st-seats')!.textContent = figureOrDash(c.seats, waiting(view));
    col.querySelector('.st-change')!.textContent = figureOrDash(c.change, waiting(view), signed);
  }
  fillHead(el, view);
  fillVerdict(el, view.verdict);
  gsap.set(el.querySelector('.st-progress-fill'), { scaleX: view.total ? view.decided / view.total : 0 });
  const line = el.querySelector<HTMLElement>('.st-line')!;
  line.hidden = view.needed === null;
  if (view.needed !== null) {
    gsap.set(line, { y: figureY(view.needed, layout) });
    line.querySelector('.st-line-label')!.textContent = `${view.needed} for a majority`;
  }
  shown.set(el, { view, layout });
}
