import { graphicView } from '../view';
import { part } from '../dom';
import { bugFields } from '../../../main/templates/bug/schema';
import { fillBug } from './fill';
import { bugIn, bugOut, bugUpdate } from './timeline';
import './bug.css';

/** A small corner badge: an accent tag with the text, and a clock block beside it in clock mode. */
export const bugView = graphicView(bugFields, {
  create(fields) {
    const root = part('div', 'bug');
    const tag = part('div', 'bug-tag');
    tag.append(part('span', 'bug-dot'), part('span', 'bug-text'));
    const clock = part('div', 'bug-clock');
    clock.append(part('span', 'bug-time'));
    root.append(tag, clock);
    fillBug(root, fields);
    return root;
  },
  animateIn: bugIn,
  animateUpdate: bugUpdate,
  animateOut: bugOut,
});
