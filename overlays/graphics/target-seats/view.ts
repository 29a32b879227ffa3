import '../common/board.css';
import './target-seats.css';
import type { Fields } from '../../../main/engine/show';
import type { GraphicView } from '../view';
import { part } from '../dom';
import { writeParts } from '../common/parts';
import { fitBox, type FitOptions } from '../common/fit-text';
import { ROWS_PER_PAGE, TARGET_PAGES, targetSeatsViewSchema, type TargetSeatsView } from '../../../main/templates/target-seats/bind';
import { showPage, styleTargets, targetParts } from './fill';
import { targetsIn, targetsOut, targetsStep, targetsUpdate } from './timeline';

const slot = (className: string, name: string, fit?: FitOptions): HTMLElement => {
  const el = part('div', className);
  el.dataset.part = name;
  return fit ? fitBox(el, fit) : el;
};

function header(): HTMLElement {
  const titles = part('div', 'ts-titles board-titles');
  titles.append(slot('ts-title board-bar-title', 'title', { step: 48 }), slot('ts-subtitle board-bar-subtitle', 'subtitle', {}));
  const score = part('div', 'ts-score');
  const figure = part('div', 'ts-score-figure');
  figure.append(slot('ts-gains', 'gains'), slot('ts-gains-of', 'gains-of'));
  score.append(slot('ts-score-label', 'gains-label'), figure, slot('ts-declared', 'declared'));
  const head = part('div', 'ts-head');
  head.append(part('div', 'ts-head-bg board-bar-bg'), part('div', 'ts-accent board-accent'), titles, score);
  return head;
}

function columns(): HTMLElement {
  const cols = part('div', 'ts-cols');
  cols.append(part('div', 'ts-rank'), slot('ts-seat', 'col-seat'), slot('ts-holder', 'col-holder'),
    slot('ts-maj', 'col-maj'), slot('ts-swing', 'col-swing'), slot('ts-status', 'col-status'));
  return cols;
}

function row(i: number): HTMLElement {
  const holder = part('div', 'ts-holder');
  // The longest chips (SINN FÉIN held, SPEAKER RE-ELECTED) condense, then step down a size.
  holder.append(slot('ts-chip', `r${i}-holder`, { step: 28 }));
  const status = part('div', 'ts-status');
  status.append(slot('ts-result', `r${i}-status`, { step: 28 }));
  const el = part('div', 'ts-row');
  el.append(part('div', 'ts-row-bg'), slot('ts-rank', `r${i}-rank`), slot('ts-seat', `r${i}-seat`, { step: 36 }), holder,
    slot('ts-maj', `r${i}-maj`), slot('ts-swing', `r${i}-swing`), status);
  return el;
}

function pages(): HTMLElement {
  const wrap = part('div', 'ts-pages');
  for (let p = 0; p < TARGET_PAGES; p++) {
    const page = part('div', 'ts-page');
    for (let i = 0; i < ROWS_PER_PAGE; i++) page.append(row(p * ROWS_PER_PAGE + i));
    page.append(slot('ts-page-no', `page${p}`));
    wrap.append(page);
  }
  return wrap;
}

/** The resolved board from the snapshot, checked like any input. */
const asView = (fields: Fields): TargetSeatsView => targetSeatsViewSchema.parse(fields);

export const targetSeatsView: GraphicView = {
  create(fields) {
    const v = asView(fields);
    const root = part('div', 'target-seats board');
    root.append(header(), columns(), pages());
    writeParts(root, targetParts(v));
    styleTargets(root, v);
    showPage(root, 1);
    return root;
  },
  animateIn: targetsIn,
  animateStep: targetsStep,
  animateUpdate: (el, previous, next) => targetsUpdate(el, asView(previous), asView(next)),
  animateOut: targetsOut,
};
