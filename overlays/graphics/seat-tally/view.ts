import { graphicView } from '../view';
import { part } from '../dom';
import { seatTallyView as viewSchema } from '../../../main/templates/seat-tally/bind';
import { fillTally } from './fill';
import { seatTallyIn, seatTallyOut, seatTallyUpdate } from './timeline';
import '../common/board.css';
import './seat-tally.css';

/** The state of the parties: one column a party, built whole off-air. */
export const seatTallyView = graphicView(viewSchema, {
  create(view) {
    const root = part('div', 'seat-tally board');
    const head = part('div', 'st-head board-head');
    head.append(part('div', 'st-title board-title'), part('div', 'st-area board-subtitle'));
    const declared = part('div', 'st-declared');
    const figures = part('div', 'st-declared-figures');
    figures.append(part('span', 'st-declared-n board-declared-n'), part('span', 'st-declared-of board-declared-of'));
    const progress = part('div', 'st-progress');
    progress.append(part('div', 'st-progress-fill'));
    declared.append(figures, progress);
    const chart = part('div', 'st-chart');
    const line = part('div', 'st-line');
    line.append(part('div', 'st-line-label board-line-label'));
    chart.append(part('div', 'st-baseline'), part('div', 'st-cols'), line, part('div', 'st-change-basis'));
    const verdict = part('div', 'st-verdict board-verdict');
    verdict.append(part('div', 'st-verdict-text board-verdict-text'));
    root.append(part('div', 'st-backdrop board-backdrop'), part('div', 'st-panel'), part('div', 'st-rule board-rule'), head, declared, chart, verdict);
    fillTally(root, view);
    return root;
  },
  animateIn: seatTallyIn,
  animateUpdate: (el, _previous, next) => seatTallyUpdate(el, next),
  animateOut: seatTallyOut,
});
