import '../common/board.css';
import './seat-result.css';
import { graphicView } from '../view';
import { part } from '../dom';
import { partSlot, writeParts } from '../common/parts';
import { MAX_BARS, seatResultParts, setBars, styleSeatResult } from './fill';
import { seatResultIn, seatResultOut, seatResultStep, seatResultUpdate, placeForStep1 } from './timeline';
import { seatResultViewSchema } from '../../../main/templates/seat-result/bind';

function stat(kind: string, main: string, sub: string): HTMLElement {
  const tile = part('div', `sr-stat sr-stat-${kind}`);
  tile.append(partSlot('sr-stat-label', `${kind}-label`), partSlot('sr-stat-value', main), partSlot('sr-stat-sub', sub, {}));
  return tile;
}

function card(): HTMLElement {
  const head = part('div', 'sr-head');
  head.append(
    part('div', 'sr-head-bg board-bar-bg'),
    part('div', 'sr-accent board-accent'),
    partSlot('sr-name board-bar-title', 'name', { step: 48 }),
    partSlot('sr-region board-bar-subtitle', 'region', {}),
  );
  const verdict = part('div', 'sr-verdict');
  // The elected candidate under the verdict, as UK results always name the winner.
  const words = part('div', 'sr-verdict-words');
  words.append(partSlot('sr-verdict-text', 'verdict', { step: 64 }), partSlot('sr-mp', 'mp', { step: 36 }));
  verdict.append(part('div', 'sr-block'), words);
  const stats = part('div', 'sr-stats');
  stats.append(stat('maj', 'majority', 'maj-pct'), stat('turnout', 'turnout', 'turnout-sub'), stat('swing', 'swing', 'swing-dir'));
  const noteRow = part('div', 'sr-note-row');
  noteRow.append(partSlot('sr-note', 'note', { step: 36 }));
  const lower = part('div', 'sr-lower');
  lower.append(stats, noteRow);
  const el = part('div', 'sr-card');
  el.append(head, verdict, lower);
  return el;
}

function fullResult(): HTMLElement {
  const title = part('div', 'sr-full-head');
  title.append(partSlot('sr-full-title', 'full-title'), partSlot('sr-full-sub', 'full-sub'));
  const rows = part('div', 'sr-rows');
  for (let i = 0; i < MAX_BARS; i++) {
    const track = part('div', 'sr-track');
    track.append(part('div', 'sr-bar'));
    const row = part('div', 'sr-row');
    const who = part('div', 'sr-who');
    // The name and the party share the column: each condenses, then steps down to 28 px.
    who.append(partSlot('sr-candidate', `bar${i}-name`, { step: 28 }), partSlot('sr-party', `bar${i}-label`, { lines: 2 }));
    row.append(
      part('div', 'sr-swatch'),
      who,
      track,
      partSlot('sr-share', `bar${i}-share`),
      partSlot('sr-change', `bar${i}-change`),
      partSlot('sr-votes', `bar${i}-votes`),
    );
    rows.append(row);
  }
  const el = part('div', 'sr-full board-panel');
  el.append(part('div', 'sr-full-bg'), title, rows);
  return el;
}

export const seatResultView = graphicView(seatResultViewSchema, {
  create(v) {
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
  animateUpdate: seatResultUpdate,
  animateOut: seatResultOut,
});
