import { gsap } from 'gsap';
import { LAYERS, type Layer } from '../main/engine/show';
import type { OnAir, PreviewCue, ProgramSnapshot } from '../main/engine/protocol';
import { VIEWS } from './graphics/views';
import { sameValue } from '../main/engine/same-value';
import { playOnEngineClock } from './snapshot-clock';
import { fitText } from './graphics/common/fit-text';
import { placeMark, rehearsalMark } from './rehearsal-mark';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * A graphic built off-air with its in-timeline ready (paused at its hidden
 * start). A preload waits in its layer's slot, hidden ([data-preload] in
 * output.css): styled and laid out already, so its take only reveals and plays.
 */
interface Prepared {
  cueId: string;
  view: OnAir['view'];
  el: HTMLElement;
  intro: Timeline;
}

interface Mounted {
  onAir: OnAir;
  el: HTMLElement;
  timeline: Timeline | null;
}

/**
 * Draws program snapshots on the 1920x1080 stage. The first snapshot after a
 * (re)connect is cut to its steady state; every later one is animated from the
 * one before: in, next step, update or out, per layer.
 */
export class OutputRenderer {
  private readonly mounted = new Map<Layer, Mounted>();
  private readonly slots = new Map<Layer, HTMLElement>();
  private preloaded: Prepared | null = null;
  /** The take held by a board on each layer, so it comes back cut, not animated in. */
  private readonly heldTakes = new Map<Layer, number>();
  private revision = 0;
  private readonly mark = rehearsalMark();
  /** The engine's time of the snapshot being drawn: every animation it starts counts from then (snapshot-clock.ts). */
  private at = 0;

  constructor(private readonly stage: HTMLElement, private readonly layers: readonly Layer[] = LAYERS) {
    for (const layer of LAYERS) {
      const slot = document.createElement('div');
      slot.className = 'layer';
      slot.dataset.layerSlot = layer;
      stage.append(slot);
      this.slots.set(layer, slot);
    }
    // Above every layer, whichever this output draws: no rehearsal figure may air unmarked.
    stage.append(this.mark);
  }

  get shownRevision(): number {
    return this.revision;
  }

  /**
   * Cut: show exactly this snapshot, now, with no animation. `ghostHeld` draws
   * the layers a board holds faded and marked instead of leaving them out (the
   * console's preview, so the operator sees what a take will send away).
   */
  cut(snapshot: ProgramSnapshot, { ghostHeld = false }: { ghostHeld?: boolean } = {}): void {
    for (const layer of this.layers) {
      const held = isHeld(snapshot, layer);
      const next = held && !ghostHeld ? undefined : snapshot.program[layer];
      const cur = this.mounted.get(layer);
      if (cur && next && sameGraphic(cur.onAir, next) && cur.onAir.step === next.step && cur.onAir.updateSeq === next.updateSeq) {
        markHeld(cur.el, held);
      } else {
        if (cur) this.remove(layer, cur);
        if (next) this.mount(layer, next, false);
        if (next) markHeld(this.mounted.get(layer)?.el, held);
      }
      if (held) this.heldTakes.set(layer, snapshot.program[layer]!.takeId);
      else this.heldTakes.delete(layer);
    }
    this.finish(snapshot);
  }

  /** Animate from what is shown to this snapshot. Older snapshots are ignored. */
  render(snapshot: ProgramSnapshot): void {
    if (snapshot.revision <= this.revision) return;
    this.at = snapshot.at;
    for (const layer of this.layers) {
      const held = isHeld(snapshot, layer);
      // A held graphic stays in the program but is not drawn: to the output it is as good as gone.
      const next = held ? undefined : snapshot.program[layer];
      const cur = this.mounted.get(layer);
      if (!next) {
        if (cur && held && sameGraphic(cur.onAir, snapshot.program[layer]!)) this.quickOut(layer, cur);
        else if (cur) this.animateOut(layer, cur);
      } else if (!cur || !sameGraphic(cur.onAir, next)) {
        if (cur) this.animateOut(layer, cur);
        // Put back after a crash, or back from under a board: it was on air all along, so no in-animation.
        const back = next.restored === true || this.heldTakes.get(layer) === next.takeId;
        this.mount(layer, next, !back);
      } else {
        this.change(cur, next);
      }
      if (held) this.heldTakes.set(layer, snapshot.program[layer]!.takeId);
      else this.heldTakes.delete(layer);
    }
    this.finish(snapshot);
  }

  private finish(snapshot: ProgramSnapshot): void {
    this.revision = snapshot.revision;
    // Placed from the snapshot's composition, clear of every drawn layer's text (rehearsal-mark.ts).
    placeMark(this.mark, snapshot);
    // Boards read this to keep out of a band (the ticker's): see "Layers together" in overlays/graphics/README.md.
    if (snapshot.composition.reserved.length) this.stage.dataset.reserved = snapshot.composition.reserved.join(' ');
    else delete this.stage.dataset.reserved;
    this.preload(snapshot.preview);
  }

  /** Builds the previewed cue off-air, in its layer but hidden, so its take only reveals it and plays. */
  private preload(preview: PreviewCue | null): void {
    if (!preview || !VIEWS[preview.template] || !this.layers.includes(preview.layer)) return this.dropPreloaded();
    // Already on air (the take just happened): the engine refuses to take it again, so nothing to prepare.
    for (const m of this.mounted.values()) if (m.onAir.cueId === preview.cueId) return this.dropPreloaded();
    const slot = this.slots.get(preview.layer)!;
    const waiting = this.preloaded;
    if (waiting && waiting.cueId === preview.cueId && waiting.el.parentElement === slot && sameValue(waiting.view, preview.view)) return;
    this.dropPreloaded();
    const ready = this.prepare(preview.cueId, preview.template, preview.view);
    ready.el.dataset.preload = preview.cueId;
    slot.append(ready.el);
    // Measured and fitted here, off air, so the take only reveals and plays.
    fitText(ready.el);
    this.preloaded = ready;
  }

  private dropPreloaded(): void {
    this.preloaded?.intro.kill();
    this.preloaded?.el.remove();
    this.preloaded = null;
  }

  private prepare(cueId: string, template: string, view: OnAir['view']): Prepared {
    const graphic = VIEWS[template]!;
    const el = graphic.create(view);
    return { cueId, view, el, intro: graphic.animateIn(el) };
  }

  private mount(layer: Layer, onAir: OnAir, animate: boolean): void {
    if (!VIEWS[onAir.template]) return;
    const slot = this.slots.get(layer)!;
    const preloaded = this.preloaded;
    const reuse = preloaded !== null && preloaded.el.parentElement === slot && preloaded.cueId === onAir.cueId && sameValue(preloaded.view, onAir.view);
    const { el, intro } = reuse ? preloaded : this.prepare(onAir.cueId, onAir.template, onAir.view);
    if (reuse) this.preloaded = null;
    Object.assign(el.dataset, { layer, cueId: onAir.cueId, template: onAir.template, step: '1', phase: animate ? 'in' : 'on' });
    delete el.dataset.preload;
    // On top of whatever is leaving the layer; a preload already last stays put (a move would lay it out again).
    if (el.parentElement !== slot || el.nextElementSibling) slot.append(el);
    // A preload was fitted when it was built; a graphic built just now (a cut, a take with no preload) is fitted once here.
    if (!reuse) fitText(el);
    const mounted: Mounted = { onAir: { ...onAir, step: 1 }, el, timeline: intro };
    this.mounted.set(layer, mounted);
    if (animate) {
      playOnEngineClock(intro.eventCallback('onComplete', () => {
        if (el.dataset.phase === 'in') el.dataset.phase = 'on';
      }), this.at);
    } else {
      intro.progress(1).kill();
    }
    // Steps past the first: animate them after the in, or jump to the last.
    for (let step = 2; step <= onAir.step; step++) this.step(mounted, step, animate);
  }

  private change(cur: Mounted, next: OnAir): void {
    const view = VIEWS[next.template]!;
    if (next.updateSeq !== cur.onAir.updateSeq) {
      cur.timeline?.progress(1);
      cur.timeline = playOnEngineClock(view.animateUpdate(cur.el, cur.onAir.view, next.view), this.at);
    }
    for (let step = cur.onAir.step + 1; step <= next.step; step++) this.step(cur, step, true);
    cur.onAir = next;
  }

  private step(cur: Mounted, step: number, animate: boolean): void {
    cur.timeline?.progress(1);
    cur.timeline = VIEWS[cur.onAir.template]!.animateStep(cur.el, step);
    if (animate) playOnEngineClock(cur.timeline, this.at);
    else cur.timeline.progress(1);
    cur.el.dataset.step = String(step);
    cur.onAir = { ...cur.onAir, step };
  }

  private animateOut(layer: Layer, cur: Mounted): void {
    this.mounted.delete(layer);
    // Out from wherever the graphic is, even mid-in: no jump to the end first.
    cur.timeline?.kill();
    cur.el.dataset.phase = 'out';
    cur.timeline = playOnEngineClock(VIEWS[cur.onAir.template]!.animateOut(cur.el).eventCallback('onComplete', () => cur.el.remove()), this.at);
  }

  /** A board went up over it: a short fade, the same for every template, so the board lands on a clean frame. */
  private quickOut(layer: Layer, cur: Mounted): void {
    this.mounted.delete(layer);
    cur.timeline?.kill();
    cur.el.dataset.phase = 'out';
    cur.el.dataset.held = '';
    cur.timeline = gsap.timeline({ paused: true, onComplete: () => cur.el.remove() })
      .to(cur.el, { opacity: 0, duration: HELD_OUT_SECONDS, ease: 'power1.in' })
      .play(0);
  }

  private remove(layer: Layer, cur: Mounted): void {
    cur.timeline?.kill();
    cur.el.remove();
    this.mounted.delete(layer);
  }
}

/** The quick out of a graphic a board holds. */
export const HELD_OUT_SECONDS = 0.2;

function isHeld(snapshot: ProgramSnapshot, layer: Layer): boolean {
  return snapshot.composition.layers[layer]?.visibility === 'held';
}

function markHeld(el: HTMLElement | undefined, held: boolean): void {
  if (!el) return;
  if (held) el.dataset.held = '';
  else delete el.dataset.held;
}

function sameGraphic(a: OnAir, b: OnAir): boolean {
  return a.takeId === b.takeId;
}
