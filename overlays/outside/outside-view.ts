import { gsap } from 'gsap';
import { isOutsideView, outsideViewSchema } from '../../main/templates/outside/contract';
import type { OnAir } from '../../main/engine/protocol';
import type { GraphicView } from '../graphics/view';
import { VIEWS } from '../graphics/views';
import { OUT_TIMEOUT_MS, OutsideGraphic } from './outside-host';
import './outside.css';

type Timeline = ReturnType<typeof gsap.timeline>;

/** How long the host element says data-phase="in": the graphic's own in runs on its own clock, inside its frame. */
const IN_SECONDS = 0.5;
const hosts = new WeakMap<HTMLElement, OutsideGraphic>();

/**
 * The drawing the output renderer uses for a view: an outside view gets the
 * host (whatever template id it carries), anything else its built-in drawing.
 */
export function graphicFor(template: string, view: unknown): GraphicView | undefined {
  return outside(view) ? OUTSIDE_VIEW : VIEWS[template];
}

/** Whether a view is an outside one, parsed once per view object: the renderer asks on every change, step and out. */
const checked = new WeakMap<object, boolean>();
function outside(view: unknown): boolean {
  if (typeof view !== 'object' || view === null || !('outside' in view)) return false;
  let is = checked.get(view);
  if (is === undefined) checked.set(view, (is = isOutsideView(view)));
  return is;
}

/**
 * A custom action is state (OnAir.customAction): applied when its seq moves,
 * never replayed by an output that mounts the graphic fresh.
 */
export function applyCustomAction(el: HTMLElement, was: OnAir, now: OnAir): void {
  const action = now.customAction;
  if (!action || action.seq === was.customAction?.seq) return;
  // On the animation ticker and then in a microtask, as onStart makes a step's call: after any step
  // whose timeline has started but not yet ticked, so the graphic hears them in order.
  gsap.delayedCall(0, () => queueMicrotask(() => hosts.get(el)?.customAction(action.id, action.payload)));
}

/**
 * The renderer's timelines drive the host: each one's first moment makes the
 * call. A timeline the renderer plays makes it animated; one it jumps to its end
 * (a cut: a reconnect, a reload, a put-back) makes it with skipAnimation. That is
 * told apart after the renderer's own code has run, in a microtask, when the
 * timeline is either playing or finished.
 */
function onStart(tl: Timeline, act: (skip: boolean) => void): Timeline {
  return tl.call(() => queueMicrotask(() => act(tl.progress() >= 1 || !tl.isActive())), [], 0);
}

const OUTSIDE_VIEW: GraphicView = {
  create(fields) {
    const graphic = new OutsideGraphic(outsideViewSchema.parse(fields));
    hosts.set(graphic.el, graphic);
    return graphic.el;
  },
  animateIn(el) {
    const tl = gsap.timeline({ paused: true });
    return onStart(tl, (skip) => hosts.get(el)?.take(skip)).to({}, { duration: IN_SECONDS });
  },
  animateStep(el) {
    const tl = gsap.timeline({ paused: true });
    return onStart(tl, (skip) => hosts.get(el)?.next(skip)).to({}, { duration: IN_SECONDS });
  },
  animateUpdate(el, _previous, next) {
    const tl = gsap.timeline({ paused: true });
    return onStart(tl, () => hosts.get(el)?.update(outsideViewSchema.parse(next).data)).to({}, { duration: 0.01 });
  },
  animateOut(el) {
    // Ends when the graphic's out has ended and it is disposed, or at the host's deadline: then the renderer removes it.
    const tl = gsap.timeline({ paused: true });
    tl.call(
      () =>
        void hosts
          .get(el)
          ?.out()
          .then(() => tl.progress(1)),
      [],
      0,
    );
    return tl.to({}, { duration: (OUT_TIMEOUT_MS * 2 + 1000) / 1000 });
  },
};
