import '../common/board.css';
import './seat-result.css';
import type { Fields } from '../../../main/engine/show';
import type { GraphicView } from '../view';
import { part } from '../dom';
import { writeParts } from '../common/parts';
import { fitBox, type FitOptions } from '../common/fit-text';
import { MAX_BARS, seatResultParts, setBars, styleSeatResult } from './fill';
import { seatResultIn, seatResultOut, seatResultStep, seatResultUpdate, placeForStep1 } from './timeline';
import { seatResultViewSchema, type SeatResultView } from '../../../main/templates/seat-result/bind';

/** A `[data-part]` element: its text comes from seatResultParts; `fit` for a text that can run long. */
const slot = (tag: string, className: string, name: string, fit?: FitOptions): HTMLElement => {
  const el = part(tag, className);
  el.dataset.part = name;
  return fit ? fitBox(el, fit) : el;
};

function stat(kind: string, main: string, sub: string): HTMLElement {
  const tile = part('div', `sr-stat sr-stat-${kind}`);
  tile.append(slot('div', 'sr-stat-label', `${kind}-label`), slot('div', 'sr-stat-value', main), slot('div', 'sr-stat-sub', sub, {}));
  return tile;
}

function card(): HTMLElement {
  const head = part('div', 'sr-head');
  head.append(part('div', 'sr-head-bg board-bar-bg'), part('div', 'sr-accent board-accent'),
    slot('div', 'sr-name board-bar-title', 'name', { step: 48 }), slot('div', 'sr-region board-bar-subtitle', 'region', {}));
  const verdict = part('div', 'sr-verdict');
  // The elected candidate under the verdict, as UK results always name the winner.
  const words = part('div', 'sr-verdict-words');
  words.append(slot('div', 'sr-verdict-text', 'verdict', { step: 64 }), slot('div', 'sr-mp', 'mp', { step: 36 }));
  verdict.append(part('div', 'sr-block'), words);
  const stats = part('div', 'sr-stats');
  stats.append(stat('maj', 'majority', 'maj-pct'), stat('turnout', 'turnout', 'turnout-sub'), stat('swing', 'swing', 'swing-dir'));
  const noteRow = part('div', 'sr-note-row');
  noteRow.append(slot('div', 'sr-note', 'note', { step: 36 }));
  const lower = part('div', 'sr-lower');
  lower.append(stats, noteRow);
  const el = part('div', 'sr-card');
  el.append(head, verdict, lower);
  return el;
}

function fullResult(): HTMLElement {
  const title = part('div', 'sr-full-head');
  title.append(slot('div', 'sr-full-title', 'full-title'), slot('div', 'sr-full-sub', 'full-sub'));
  const rows = part('div', 'sr-rows');
  for (let i = 0; i < MAX_BARS; i++) {
    const track = part('div', 'sr-track');
    track.append(part('div', 'sr-bar'));
    const row = part('div', 'sr-row');
    const who = part('div', 'sr-who');
    // The name and the party share the column: each condenses, then steps down to 28 px.
    who.append(slot('div', 'sr-candidate', `bar${i}-name`, { step: 28 }), slot('div', 'sr-party', `bar${i}-label`, { lines: 2 }));
    row.append(part('div', 'sr-swatch'), who, track,
      slot('div', 'sr-share', `bar${i}-share`), slot('div', 'sr-change', `bar${i}-change`), slot('div', 'sr-votes', `bar${i}-votes`));
    rows.append(row);
  }
  const el = part('div', 'sr-full board-panel');
  el.append(part('div', 'sr-full-bg'), title, rows);
  return el;
}

/** The resolved card from the snapshot, checked like any input. */
const asView = (fields: Fields): SeatResultView => seatResultViewSchema.parse(fields);

export const seatResultView: GraphicView = {
  create(fields) {
    const v = asView(fields);
    const root = part('div', 'seat-result board');
    root.append(card(), fullResult());
    writeParts(root, seatResultParts(v));
    styleSeatResult(root, v);
    setBars(root, v);
    placeForStep1(root);
    return root;
  },
  animateIn: seatResultIn,
  animateStep: seatResultStep,
  animateUpdate: (el, previous, next) => seatResultUpdate(el, asView(previous), asView(next)),
  animateOut: seatResultOut,
};
