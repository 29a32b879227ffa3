import { graphicView } from '../view';
import { strapFields } from '../../../main/templates/strap/schema';
import { fillStrap } from './fill';
import { part } from '../dom';
import { fitBox } from '../common/fit-text';
import { strapIn, strapOut, strapUpdate } from './timeline';

export const strapView = graphicView(strapFields, {
  create(fields) {
    const root = part('div', 'strap');
    const main = part('div', 'strap-main');
    main.append(
      part('div', 'strap-bg'),
      part('div', 'strap-accent'),
      part('div', 'strap-label'),
      // A headline of 70 capitals condenses, then steps down to 48 px and may take two lines of the plate.
      fitBox(part('div', 'strap-headline'), { step: 48, lines: 2 }),
    );
    const sub = part('div', 'strap-sub');
    sub.append(fitBox(part('div', 'strap-subline'), { step: 28 }));
    const subWrap = part('div', 'strap-sub-wrap');
    subWrap.append(sub);
    root.append(main, subWrap);
    fillStrap(root, fields);
    return root;
  },
  animateIn: strapIn,
  animateUpdate: strapUpdate,
  animateOut: strapOut,
});
