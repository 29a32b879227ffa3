import '../common/board.css';
import './target-seats.css';
import { graphicView } from '../view';
import { part } from '../dom';
import { partSlot, writeParts } from '../common/parts';
import { ROWS_PER_PAGE, TARGET_PAGES, targetSeatsViewSchema } from '../../../main/templates/target-seats/bind';
import { showPage, styleTargets, targetParts } from './fill';
import { targetsIn, targetsOut, targetsStep, targetsUpdate } from './timeline';

function header(): HTMLElement {
  const titles = part('div', 'ts-titles board-titles');
  titles.append(partSlot('ts-title board-bar-title', 'title', { step: 48 }), partSlot('ts-subtitle board-bar-subtitle', 'subtitle', {}));
  const score = part('div', 'ts-score');
  const figure = part('div', 'ts-score-figure');
  figure.append(partSlot('ts-gains', 'gains'), partSlot('ts-gains-of', 'gains-of'));
  score.append(partSlot('ts-score-label', 'gains-label'), figure, partSlot('ts-declared', 'declared'));
  const head = part('div', 'ts-head');
  head.append(part('div', 'ts-head-bg board-bar-bg'), part('div', 'ts-accent board-accent'), titles, score);
  return head;
}

function columns(): HTMLElement {
  const cols = part('div', 'ts-cols');
  cols.append(
    part('div', 'ts-rank'),
    partSlot('ts-seat', 'col-seat'),
    partSlot('ts-holder', 'col-holder'),
    partSlot('ts-maj', 'col-maj'),
    partSlot('ts-swing', 'col-swing'),
    partSlot('ts-status', 'col-status'),
  );
  return cols;
}

function row(i: number): HTMLElement {
  const holder = part('div', 'ts-holder');
  // The longest chips (SINN FÉIN held, SPEAKER RE-ELECTED) condense, then step down a size.
  holder.append(partSlot('ts-chip', `r${i}-holder`, { step: 28 }));
  const status = part('div', 'ts-status');
  status.append(partSlot('ts-result', `r${i}-status`, { step: 28 }));
  const el = part('div', 'ts-row');
  el.append(
    part('div', 'ts-row-bg'),
    partSlot('ts-rank', `r${i}-rank`),
    partSlot('ts-seat', `r${i}-seat`, { step: 36 }),
    holder,
    partSlot('ts-maj', `r${i}-maj`),
    partSlot('ts-swing', `r${i}-swing`),
    status,
  );
  return el;
}

function pages(): HTMLElement {
  const wrap = part('div', 'ts-pages');
  for (let p = 0; p < TARGET_PAGES; p++) {
    const page = part('div', 'ts-page');
    for (let i = 0; i < ROWS_PER_PAGE; i++) page.append(row(p * ROWS_PER_PAGE + i));
    page.append(partSlot('ts-page-no', `page${p}`));
    wrap.append(page);
  }
  return wrap;
}

export const targetSeatsView = graphicView(targetSeatsViewSchema, {
  create(v) {
    const root = part('div', 'target-seats board');
    root.append(header(), columns(), pages());
    writeParts(root, targetParts(v));
    styleTargets(root, v);
    showPage(root, 1);
    return root;
  },
  animateIn: targetsIn,
  animateStep: targetsStep,
  animateUpdate: targetsUpdate,
  animateOut: targetsOut,
});
