import { gsap } from 'gsap';
import { graphicView } from '../view';
import { part } from '../dom';
import { fitBox } from '../common/fit-text';
import { hemicycleView as viewSchema } from '../../../main/templates/hemicycle/bind';
import { fillHemicycle } from './fill';
import { hemicycleIn, hemicycleOut, hemicycleUpdate } from './timeline';
import '../common/board.css';
import './hemicycle.css';

/** The 650 seats as one SVG, built with every fill off-air; the take only sweeps it in. */
export const hemicycleView = graphicView(viewSchema, {
  create(view) {
    const root = part('div', 'hemicycle board');
    const head = part('div', 'hc-head board-head');
    // The subtitle keeps left of the arc's rising ring: it condenses, then steps down, to fit.
    head.append(part('div', 'hc-title board-title'), fitBox(part('div', 'hc-subtitle board-subtitle'), { step: 28 }));
    const clip = part('div', 'hc-wipe-clip');
    clip.append(part('div', 'hc-wipe'));
    const centre = part('div', 'hc-centre');
    centre.append(part('div', 'hc-declared-n board-declared-n'), part('div', 'hc-declared-of board-declared-of'));
    const marker = part('div', 'hc-marker');
    marker.append(part('div', 'hc-marker-label board-line-label'), part('div', 'hc-marker-line'));
    const verdict = part('div', 'hc-verdict board-verdict');
    verdict.append(part('div', 'hc-verdict-text board-verdict-text'));
    root.append(part('div', 'hc-backdrop board-backdrop'), part('div', 'hc-arc'), clip, marker, head, centre, verdict, part('div', 'hc-key'));
    fillHemicycle(root, view);
    gsap.set(root.querySelector('.hc-wipe'), { autoAlpha: 0 });
    return root;
  },
  animateIn: hemicycleIn,
  animateUpdate: (el, _previous, next) => hemicycleUpdate(el, next),
  animateOut: hemicycleOut,
});
