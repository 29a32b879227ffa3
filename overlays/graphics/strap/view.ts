import { gsap } from 'gsap';
import type { Fields } from '../../../main/engine/show';
import type { GraphicView } from '../view';
import { strapFields } from './schema';
import { fillStrap } from './fill';
import { part } from '../dom';
import { strapIn, strapOut, strapUpdate } from './timeline';

export const strapView: GraphicView = {
  create(fields: Fields) {
    const root = part('div', 'strap');
    const main = part('div', 'strap-main');
    main.append(part('div', 'strap-bg'), part('div', 'strap-accent'), part('div', 'strap-label'), part('div', 'strap-headline'));
    const sub = part('div', 'strap-sub');
    sub.append(part('div', 'strap-subline'));
    const subWrap = part('div', 'strap-sub-wrap');
    subWrap.append(sub);
    root.append(main, subWrap);
    fillStrap(root, strapFields.parse(fields));
    return root;
  },
  animateIn: strapIn,
  animateStep: () => gsap.timeline({ paused: true }),
  animateUpdate: (el, previous, next) => strapUpdate(el, strapFields.parse(previous), strapFields.parse(next)),
  animateOut: strapOut,
};
