import '../common/board.css';
import './swingometer.css';
import { graphicView } from '../view';
import { part } from '../dom';
import { partSlot, writeParts } from '../common/parts';
import { LISTED, swingometerViewSchema } from '../../../main/templates/swingometer/bind';
import { setNeedle, styleSwing, swingParts } from './fill';
import { placeForStep1, swingIn, swingOut, swingStep, swingUpdate } from './timeline';

function head(): HTMLElement {
  const titles = part('div', 'sw-titles board-titles');
  titles.append(partSlot('sw-title board-bar-title', 'title', { step: 48 }), partSlot('sw-subtitle board-bar-subtitle', 'subtitle', {}));
  const el = part('div', 'sw-head');
  el.append(part('div', 'sw-head-bg board-bar-bg'), part('div', 'sw-accent board-accent'), titles);
  return el;
}

/** The dial moves as one layer: face, needle, pivot and the swing figure under it. */
function dial(): HTMLElement {
  const needle = part('div', 'sw-needle');
  needle.append(part('div', 'sw-needle-shape'));
  const value = part('div', 'sw-value');
  value.append(partSlot('sw-figure', 'value'), partSlot('sw-direction', 'direction'));
  const el = part('div', 'sw-dial');
  // The face is drawn by styleSwing once the parties and range are known.
  el.append(part('div', 'sw-face'), needle, part('div', 'sw-pivot'), value);
  return el;
}

function side(which: 'from' | 'to'): HTMLElement {
  const figure = part('div', 'sw-side-figure');
  figure.append(partSlot('sw-side-seats', `${which}-seats`), partSlot('sw-side-unit', `${which}-unit`));
  const el = part('div', `sw-side sw-side-${which}`);
  el.append(partSlot('sw-side-name', `${which}-name`, { step: 28 }), figure, partSlot('sw-side-note', `${which}-note`, {}));
  return el;
}

function list(prefix: 'l' | 'n', title: string): HTMLElement {
  const el = part('div', 'sw-list');
  el.append(partSlot('sw-list-title', title));
  for (let i = 0; i < LISTED; i++) {
    const row = part('div', 'sw-list-row');
    row.append(partSlot('sw-list-name', `${prefix}${i}-name`, { step: 28 }), partSlot('sw-list-need', `${prefix}${i}-need`));
    el.append(row);
  }
  return el;
}

function panel(): HTMLElement {
  const count = part('div', 'sw-count');
  const line = part('div', 'sw-count-line');
  line.append(partSlot('sw-count-figure', 'changing'), partSlot('sw-count-label', 'changing-label'));
  count.append(line, partSlot('sw-count-dir', 'changing-dir', {}));
  const el = part('div', 'sw-panel board-panel');
  el.append(count, list('l', 'last-title'), list('n', 'next-title'));
  return el;
}

export const swingometerView = graphicView(swingometerViewSchema, {
  create(v) {
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
  animateUpdate: swingUpdate,
  animateOut: swingOut,
});
