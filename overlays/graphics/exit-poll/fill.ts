import { gsap } from 'gsap';
import { partyColour } from '../../../main/templates/palette';
import { fillVerdict } from '../common/verdict-change';
import { paintPartyPlate } from '../common/parts';
import { partyName } from '../../../main/templates/common/parties';
import { signed } from '../../../main/templates/common/verdict';
import { fitText, setBoxText } from '../common/fit-text';
import { markLength, markScale } from '../common/marks';
import type { Board, BoardRow } from './board';
import type { ExitPollFields } from '../../../main/templates/exit-poll/schema';

/** Width of the bar track in stage pixels (exit-poll.css places it). */
export const TRACK_PX = 1000;

/** A bar never thinner than the minimum mark (common/marks.ts) once its party has a seat. */
export const barScale = (seats: number, board: Board) => markScale(seats, board.scaleMax, TRACK_PX);
/** Where a figure sits on the track, to scale: the majority line. */
export const trackX = (seats: number, board: Board) => (seats / board.scaleMax) * TRACK_PX;
/** The comparison tick stands at the end of its ghost bar, so the two agree at the minimum too. */
export const tickX = (seats: number, board: Board) => markLength(seats, board.scaleMax, TRACK_PX);

// The board each element shows, so the in and step timelines know their figures.
const shownBoards = new WeakMap<HTMLElement, Board>();

export function boardOf(el: HTMLElement): Board {
  const board = shownBoards.get(el);
  if (!board) throw new Error('exit poll: element was not built by exitPollView.create');
  return board;
}

export function rowsOf(el: HTMLElement): HTMLElement[] {
  return Array.from(el.querySelectorAll<HTMLElement>('.ep-row'));
}

/** How many bars are revealed: step n shows n bars (the view keeps this on the element). */
export function revealed(el: HTMLElement): number {
  return Number(el.dataset.revealed ?? '1');
}

/** Writes one row's text and colours; its bar lengths are set by the caller (set or tweened). */
export function fillRowText(row: HTMLElement, data: BoardRow): void {
  row.dataset.party = data.party;
  paintPartyPlate(row, partyColour(data.party));
  setBoxText(row.querySelector<HTMLElement>('.ep-name')!, partyName(data.party));
  row.querySelector('.ep-seats')!.textContent = String(data.seats);
  const change = row.querySelector<HTMLElement>('.ep-change')!;
  change.textContent = data.change === null ? '' : signed(data.change);
  change.classList.toggle('is-empty', data.change === null);
  row.classList.toggle('has-previous', data.previous !== null);
}

/** Puts a row's bars at their values with no animation. */
export function setRowBars(row: HTMLElement, data: BoardRow, board: Board): void {
  gsap.set(row.querySelector('.ep-bar'), { scaleX: barScale(data.seats, board) });
  gsap.set(row.querySelector('.ep-ghost'), { scaleX: barScale(data.previous ?? 0, board) });
  gsap.set(row.querySelector('.ep-ghost-tick'), { x: tickX(data.previous ?? 0, board) });
}

export function fillHeader(el: HTMLElement, fields: ExitPollFields): void {
  setBoxText(el.querySelector<HTMLElement>('.ep-title')!, fields.title);
  el.querySelector('.ep-time')!.textContent = fields.time;
  el.querySelector<HTMLElement>('.ep-time')!.hidden = fields.time === '';
  setBoxText(el.querySelector<HTMLElement>('.ep-source')!, fields.source);
  el.querySelector('.ep-key-label')!.textContent = fields.compareLabel;
  const anyPrevious = fields.parties.some((p) => p.previous !== undefined);
  el.querySelector<HTMLElement>('.ep-key')!.hidden = !anyPrevious || fields.compareLabel === '';
  fitText(el.querySelector<HTMLElement>('.ep-head')!);
}

/** Every row at its data, shown or hidden by how many are revealed; the majority line at 326. */
export function fillBoard(el: HTMLElement, fields: ExitPollFields, board: Board): void {
  fillHeader(el, fields);
  fillVerdict(el, board.verdict);
  const shown = revealed(el);
  rowsOf(el).forEach((row, i) => {
    const data = board.rows[i];
    if (data) {
      fillRowText(row, data);
      setRowBars(row, data, board);
    }
    gsap.set(row, { autoAlpha: data && i < shown ? 1 : 0, x: 0 });
  });
  gsap.set(el.querySelector('.ep-line'), { x: trackX(board.needed, board) });
  el.querySelector('.ep-line-label')!.textContent = `${board.needed} for a majority`;
  shownBoards.set(el, board);
  fitText(el.querySelector<HTMLElement>('.ep-rows')!);
}
