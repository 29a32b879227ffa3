import '../common/board.css';
import './swingometer.css';
import type { Fields } from '../../../main/engine/show';
import type { GraphicView } from '../view';
import { part } from '../dom';
import { writeParts } from '../common/parts';
import { fitBox, type FitOptions } from '../common/fit-text';
import { LISTED, swingometerViewSchema, type SwingometerView } from '../../../main/templates/swingometer/bind';
import { setNeedle, styleSwing, swingParts } from './fill';
import { placeForStep1, swingIn, swingOut, swingStep, swingUpdate } from './timeline';

const slot = (className: string, name: string, fit?: FitOptions): HTMLElement => {
  const el = part('div', className);
  el.dataset.part = name;
  return fit ? fitBox(el, fit) : el;
};

function head(): HTMLElement {
  const titles = part('div', 'sw-titles board-titles');
  titles.append(slot('sw-title board-bar-title', 'title', { step: 48 }), slot('sw-subtitle board-bar-subtitle', 'subtitle', {}));
  const el = part('div', 'sw-head');
  el.append(part('div', 'sw-head-bg board-bar-bg'), part('div', 'sw-accent board-accent'), titles);
  return el;
}

/** The dial moves as one layer: face, needle, pivot and the swing figure under it. */
function dial(): HTMLElement {
  const needle = part('div', 'sw-needle');
  needle.append(part('div', 'sw-needle-shape'));
  const value = part('div', 'sw-value');
  value.append(slot('sw-figure', 'value'), slot('sw-direction', 'direction'));
  const el = part('div', 'sw-dial');
  // The face is drawn by styleSwing once the parties and range are known.
  el.append(part('div', 'sw-face'), needle, part('div', 'sw-pivot'), value);
  return el;
}

function side(which: 'from' | 'to'): HTMLElement {
  const figure = part('div', 'sw-side-figure');
  figure.append(slot('sw-side-seats', `${which}-seats`), slot('sw-side-unit', `${which}-unit`));
  const el = part('div', `sw-side sw-side-${which}`);
  el.append(slot('sw-side-name', `${which}-name`, { step: 28 }), figure, slot('sw-side-note', `${which}-note`, {}));
  return el;
}

function list(prefix: 'l' | 'n', title: string): HTMLElement {
  const el = part('div', 'sw-list');
  el.append(slot('sw-list-title', title));
  for (let i = 0; i < LISTED; i++) {
    const row = part('div', 'sw-list-row');
    row.append(slot('sw-list-name', `${prefix}${i}-name`, { step: 28 }), slot('sw-list-need', `${prefix}${i}-need`));
    el.append(row);
  }
  return el;
}

function panel(): HTMLElement {
  const count = part('div', 'sw-count');
  const line = part('div', 'sw-count-line');
  line.append(slot('sw-count-figure', 'changing'), slot('sw-count-label', 'changing-label'));
  count.append(line, slot('sw-count-dir', 'changing-dir', {}));
  const el = part('div', 'sw-panel board-panel');
  el.append(count, list('l', 'last-title'), list('n', 'next-title'));
  return el;
}

/** The resolved dial from the snapshot, checked like any input. */
const asView = (fields: Fields): SwingometerView => swingometerViewSchema.parse(fields);

export const swingometerView: GraphicView = {
  create(fields) {
    const v = asView(fields);
    const root = part('div', 'swingometer board');
    root.append(head(), dial(), side('from'), side('to'), panel());
    writeParts(root, swingParts(v));
    styleSwing(root, v);
    setNeedle(root, v);
    placeForStep1(root);
    return root;
  },
  animateIn: swingIn,
  animateStep: swingStep,
  animateUpdate: (el, previous, next) => swingUpdate(el, asView(previous), asView(next)),
  animateOut: swingOut,
};
