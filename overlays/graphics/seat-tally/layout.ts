/**
 * Where the seat tally puts things, from the resolved view alone. Columns grow
 * up from a baseline; the scale leaves headroom over the tallest column and
 * the majority line, in round steps so it changes rarely on a live night.
 */
import type { SeatTallyView } from '../../../main/templates/seat-tally/bind';
import { markScale } from '../common/marks';

export const CHART_WIDTH = 1728;
/** Tallest a column can be, in stage pixels (seat-tally.css: .st-bar height). */
export const BAR_PX = 460;

export interface TallyLayout {
  scaleMax: number;
  slotWidth: number;
  /** Horizontal position of each party's column, by party id. */
  x: Record<string, number>;
}

export function tallyScale(view: Pick<SeatTallyView, 'columns' | 'needed' | 'total'>): number {
  const tallest = Math.max(0, ...view.columns.map((c) => c.seats));
  if (view.needed !== null) return Math.ceil(Math.max(view.needed * 1.15, tallest * 1.08) / 50) * 50;
  // A region: half its seats at least, so one early declaration does not fill the board.
  const step = view.total > 100 ? 20 : 5;
  return Math.max(step, Math.ceil(Math.max(view.total / 2, tallest * 1.1) / step) * step);
}

export function tallyLayout(view: SeatTallyView): TallyLayout {
  const slotWidth = CHART_WIDTH / view.columns.length;
  return {
    scaleMax: tallyScale(view),
    slotWidth,
    x: Object.fromEntries(view.columns.map((c, i) => [c.party, i * slotWidth])),
  };
}

/** A column never shorter than the minimum mark (common/marks.ts) once its party has a seat. */
export const barScale = (seats: number, layout: TallyLayout) => markScale(seats, layout.scaleMax, BAR_PX);
/** The seat figure rides on top of its column. */
export const figureY = (seats: number, layout: TallyLayout) => -barScale(seats, layout) * BAR_PX;

/** Same parties (in any order): columns can move and grow in place. */
export function sameParties(a: SeatTallyView, b: SeatTallyView): boolean {
  const set = new Set(a.columns.map((c) => c.party));
  return a.columns.length === b.columns.length && b.columns.every((c) => set.has(c.party));
}
