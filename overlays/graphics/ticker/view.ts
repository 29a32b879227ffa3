import { graphicView } from '../view';
import { part } from '../dom';
import { tickerViewSchema } from '../../../main/templates/ticker/schema';
import { TickerStrip } from './strip';
import { tickerIn, tickerOut, tickerUpdate } from './timeline';
import './ticker.css';

const strips = new WeakMap<HTMLElement, TickerStrip>();

function stripOf(el: HTMLElement): TickerStrip {
  const strip = strips.get(el);
  if (!strip) throw new Error('ticker: element was not built by its view');
  return strip;
}

/** The output's side of the ticker: a label block and a clipped window holding the moving track. */
export const tickerView = graphicView(tickerViewSchema, {
  create(view) {
    const root = part('div', 'ticker');
    const label = part('div', 'ticker-label');
    label.append(part('span', 'ticker-label-text', view.label));
    const labelClip = part('div', 'ticker-label-clip');
    labelClip.append(label);
    const windowEl = part('div', 'ticker-window');
    // A crawl: its window clips the items at its ends by design (the layout checks know it by this).
    windowEl.dataset.crawl = '';
    const track = part('div', 'ticker-track');
    windowEl.append(track);
    root.append(part('div', 'ticker-bg'), labelClip, windowEl);
    strips.set(root, new TickerStrip(windowEl, track, view.items, view.speed));
    return root;
  },
  animateIn: (el) => tickerIn(el, stripOf(el)),
  animateUpdate: (el, previous, next) => tickerUpdate(el, stripOf(el), previous, next),
  animateOut: (el) => tickerOut(el, stripOf(el)),
});
