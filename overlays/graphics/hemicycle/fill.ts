import { gsap } from 'gsap';
import { part } from '../dom';
import { setBoxText } from '../common/fit-text';
import { partyColour } from '../../../main/templates/palette';
import { needsKeyline, paintPartyPlate } from '../common/parts';
import { partyShort } from '../../../main/templates/common/parties';
import { figureOrDash } from '../../../main/templates/common/verdict';
import { PENDING, type HemicycleView } from '../../../main/templates/hemicycle/bind';
import { parliamentArc, seatParties, type Arc } from './geometry';

/** The arc on the stage (hemicycle.css places the text around it). */
export const ARC = { cx: 960, cy: 872, inner: 270, outer: 720 };
const SVG_NS = 'http://www.w3.org/2000/svg';
const PENDING_FILL = '#2b3c60';

export const seatFill = (party: string) => (party === PENDING ? PENDING_FILL : partyColour(party));

/** A party colour too dark for the navy gets the light keyline (hemicycle.css); the undeclared slate is meant to recede. */
const keylined = (party: string) => party !== PENDING && needsKeyline(seatFill(party));

/** A seat's colour, and its keyline. */
export function paintSeat(circle: SVGElement, party: string): void {
  circle.style.fill = seatFill(party);
  circle.classList.toggle('keyline', keylined(party));
}
export const keyLabel = (party: string) => (party === PENDING ? 'To declare' : partyShort(party));

interface Shown {
  view: HemicycleView;
  arc: Arc;
  /** Party of each circle, left to right. */
  parties: string[];
}
const shown = new WeakMap<HTMLElement, Shown>();

export function shownArc(el: HTMLElement): Shown {
  const s = shown.get(el);
  if (!s) throw new Error('hemicycle: element was not built by hemicycleView.create');
  return s;
}

export const partiesOf = (view: HemicycleView) => seatParties(view.seating, view.total, PENDING);

/** One SVG, one circle a seat, in seating order; fills are inline so an update can tween them. */
export function buildArc(view: HemicycleView): { svg: SVGSVGElement; arc: Arc } {
  const arc = parliamentArc(view.total, ARC);
  const pad = arc.dotRadius + 6;
  const box = { x: ARC.cx - ARC.outer - pad, y: ARC.cy - ARC.outer - pad, w: 2 * (ARC.outer + pad), h: ARC.outer + 2 * pad };
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'hc-svg');
  svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
  Object.assign(svg.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, height: `${box.h}px` });
  const parties = partiesOf(view);
  arc.dots.forEach((dot, i) => {
    const c = document.createElementNS(SVG_NS, 'circle');
    c.setAttribute('cx', String(dot.x));
    c.setAttribute('cy', String(dot.y));
    c.setAttribute('r', String(arc.dotRadius));
    c.dataset.party = parties[i]!;
    paintSeat(c, parties[i]!);
    svg.append(c);
  });
  return { svg, arc };
}

function chip(party: string, seats: number, waiting: boolean): HTMLElement {
  const el = part('div', 'hc-chip');
  el.dataset.party = party;
  const swatch = part('span', 'hc-chip-swatch');
  swatch.style.background = seatFill(party);
  swatch.classList.toggle('keyline', keylined(party));
  el.append(swatch, part('span', 'hc-chip-name', keyLabel(party)), part('span', 'hc-chip-n', party === PENDING ? String(seats) : figureOrDash(seats, waiting)));
  return el;
}

export function fillKey(el: HTMLElement, view: HemicycleView): void {
  // Before the first declaration every party reads a dash beside the 650 to declare.
  el.querySelector('.hc-key')!.replaceChildren(...view.key.map((k) => chip(k.party, k.seats, view.decided === 0)));
}

export function fillText(el: HTMLElement, view: HemicycleView): void {
  el.querySelector('.hc-title')!.textContent = view.title;
  setBoxText(el.querySelector<HTMLElement>('.hc-subtitle')!, view.subtitle);
  el.querySelector('.hc-declared-n')!.textContent = String(view.decided);
  el.querySelector('.hc-declared-of')!.textContent = `of ${view.total} declared`;
  el.querySelector('.hc-marker-label')!.textContent = `${view.needed} for a majority`;
}

export function fillVerdict(el: HTMLElement, view: HemicycleView): void {
  const verdict = el.querySelector<HTMLElement>('.hc-verdict')!;
  const colour = partyColour(view.verdict.party);
  paintPartyPlate(verdict, colour);
  verdict.querySelector('.hc-verdict-text')!.textContent = view.verdict.text;
  // The waiting line is longer than any verdict: a size down keeps it clear of the majority label.
  verdict.classList.toggle('is-waiting', view.decided === 0);
}

/** Everything at its value with no animation; the arc is rebuilt only if the House changed size. */
export function fillHemicycle(el: HTMLElement, view: HemicycleView): void {
  const holder = el.querySelector('.hc-arc')!;
  let current = shown.get(el);
  if (!current || current.view.total !== view.total) {
    const { svg, arc } = buildArc(view);
    holder.replaceChildren(svg);
    current = { view, arc, parties: partiesOf(view) };
  } else {
    const parties = partiesOf(view);
    const circles = holder.querySelectorAll<SVGCircleElement>('circle');
    parties.forEach((p, i) => {
      if (current!.parties[i] === p) return;
      circles[i]!.dataset.party = p;
      gsap.set(circles[i]!, { scale: 1 });
      paintSeat(circles[i]!, p);
    });
    current = { view, arc: current.arc, parties };
  }
  fillText(el, view);
  fillKey(el, view);
  fillVerdict(el, view);
  shown.set(el, current);
}
