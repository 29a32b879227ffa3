import { graphicView } from '../view';
import { part } from '../dom';
import { fitBox } from '../common/fit-text';
import { exitPollFields, EXIT_POLL_MAX_PARTIES } from '../../../main/templates/exit-poll/schema';
import { exitPollBoard } from './board';
import { fillBoard } from './fill';
import { exitPollIn, exitPollOut, exitPollStep, exitPollUpdate } from './timeline';
import '../common/board.css';
import './exit-poll.css';

function row(): HTMLElement {
  const el = part('div', 'ep-row');
  const track = part('div', 'ep-track');
  // The tick under the bar: a small party's bar is never hidden by its comparison, whose ends still show above and below.
  track.append(part('div', 'ep-ghost'), part('div', 'ep-ghost-tick'), part('div', 'ep-bar'));
  el.append(
    part('div', 'ep-row-bg'),
    part('div', 'ep-chip'),
    fitBox(part('div', 'ep-name'), { step: 36 }),
    track,
    part('div', 'ep-seats'),
    part('div', 'ep-change'),
  );
  return el;
}

/** Every row is built up front (the output builds this off-air), so a Next only plays. */
export const exitPollView = graphicView(exitPollFields, {
  create(data) {
    const root = part('div', 'exit-poll board');
    root.dataset.revealed = '1';
    const head = part('div', 'ep-head board-head');
    head.append(fitBox(part('div', 'ep-title board-title'), { step: 64 }), fitBox(part('div', 'ep-source'), { step: 28 }));
    const key = part('div', 'ep-key');
    key.append(part('span', 'ep-key-swatch'), part('span', 'ep-key-label'));
    const rows = part('div', 'ep-rows');
    for (let i = 0; i < EXIT_POLL_MAX_PARTIES; i++) rows.append(row());
    const line = part('div', 'ep-line');
    line.append(part('div', 'ep-line-label board-line-label'));
    rows.append(line);
    const verdict = part('div', 'ep-verdict board-verdict');
    verdict.append(fitBox(part('div', 'ep-verdict-text board-verdict-text'), { step: 48 }));
    root.append(part('div', 'ep-backdrop board-backdrop'), part('div', 'ep-rule board-rule'), head, part('div', 'ep-time'), key, rows, verdict);
    fillBoard(root, data, exitPollBoard(data));
    return root;
  },
  animateIn: exitPollIn,
  animateStep: exitPollStep,
  animateUpdate: exitPollUpdate,
  animateOut: exitPollOut,
});
