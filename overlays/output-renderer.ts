import { gsap } from 'gsap';
import { LAYERS, type Layer } from '../main/engine/show';
import type { OnAir, PreviewCue, ProgramSnapshot } from '../main/engine/protocol';
import { applyCustomAction, graphicFor } from './outside/outside-view';
import type { Fields } from '../main/engine/show';
import type { GraphicView } from './graphics/view';
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
  /** The engine's number for the view it was built from (OnAir.viewRevision): a take of the same number reuses it. */
  viewRevision: number;
  /** The view it was built from, as parsed there (graphics/view.ts): an update's previous view, never parsed again. */
  view: Fields;
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
  /**
   * The preview's view as the last snapshot left it: preloaded, or on air (a take leaves its
   * cue in preview). A snapshot with the same preview is then settled by one number compare.
   */
  private settledPreview: PreviewCue | null = null;
  /** The take held by a board on each layer, so it comes back cut, not animated in. */
  private readonly heldTakes = new Map<Layer, number>();
  private revision = 0;
  private readonly mark = rehearsalMark();
  /** The engine's time of the snapshot being drawn: every animation it starts counts from then (snapshot-clock.ts). */
  private at = 0;

  constructor(
    private readonly stage: HTMLElement,
    private readonly layers: readonly Layer[] = LAYERS,
  ) {
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
    // A cut may follow a reconnect to another engine, whose view numbers start again: build the preload afresh.
    this.dropPreloaded();
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
    if (!preview || !drawingOf(preview.template, preview.view) || !this.layers.includes(preview.layer)) return this.dropPreloaded();
    if (this.settledPreview && samePreview(this.settledPreview, preview)) return;
    this.settledPreview = preview;
    // Already on air (the take just happened): the engine refuses to take it again, so nothing to prepare.
    for (const m of this.mounted.values()) if (m.onAir.cueId === preview.cueId) return this.dropPreloaded(false);
    const slot = this.slots.get(preview.layer)!;
    const waiting = this.preloaded;
    if (waiting && waiting.cueId === preview.cueId && waiting.el.parentElement === slot && waiting.viewRevision === preview.viewRevision) return;
    this.dropPreloaded(false);
    const ready = this.prepare(preview.cueId, preview.template, preview.view, preview.viewRevision);
    ready.el.dataset.preload = preview.cueId;
    slot.append(ready.el);
    // Measured and fitted here, off air, so the take only reveals and plays.
    fitText(ready.el);
    this.preloaded = ready;
  }

  /** `forget`: the preview is to be looked at again by the next snapshot (false while settling it). */
  private dropPreloaded(forget = true): void {
    this.preloaded?.intro.kill();
    this.preloaded?.el.remove();
    this.preloaded = null;
    if (forget) this.settledPreview = null;
  }

  private prepare(cueId: string, template: string, view: Fields, viewRevision: number): Prepared {
    return { cueId, viewRevision, view, ...build(drawingOf(template, view)!, view) };
  }

  private mount(layer: Layer, onAir: OnAir, animate: boolean): void {
    const drawing = drawingOf(onAir.template, onAir.view);
    if (!drawing) return;
    const slot = this.slots.get(layer)!;
    const preloaded = this.preloaded;
    const reuse = preloaded !== null && preloaded.el.parentElement === slot && preloaded.cueId === onAir.cueId && preloaded.viewRevision === onAir.viewRevision;
    const { el, intro } = reuse ? preloaded : this.prepare(onAir.cueId, onAir.template, onAir.view, onAir.viewRevision);
    if (reuse) this.preloaded = null;
    // The same view by its number; kept as the object the preload parsed, so an update does not parse it again.
    const shown = reuse ? { ...onAir, view: preloaded.view } : onAir;
    delete el.dataset.preload;
    // A preload was fitted when it was built; a graphic built just now (a cut, a take with no preload) is fitted once here.
    place(slot, el, { layer, cueId: onAir.cueId, template: onAir.template, step: 1, phase: animate ? 'in' : 'on' }, !reuse);
    const mounted: Mounted = { onAir: { ...shown, step: 1 }, el, timeline: intro };
    this.mounted.set(layer, mounted);
    if (!animate) {
      // Straight to its steady state, by the same steps as every still of it (the gallery, the producer view).
      settleAtStep(drawing, el, intro, onAir.step);
      mounted.timeline = null;
      mounted.onAir = shown;
      return;
    }
    playOnEngineClock(
      intro.eventCallback('onComplete', () => {
        if (el.dataset.phase === 'in') el.dataset.phase = 'on';
      }),
      this.at,
    );
    // Steps past the first: animate them after the in.
    for (let step = 2; step <= onAir.step; step++) this.step(mounted, step, true);
  }

  private change(cur: Mounted, next: OnAir): void {
    const view = drawingOf(next.template, next.view)!;
    if (next.updateSeq !== cur.onAir.updateSeq) {
      cur.timeline?.progress(1);
      cur.timeline = playOnEngineClock(view.animateUpdate(cur.el, cur.onAir.view, next.view), this.at);
    }
    for (let step = cur.onAir.step + 1; step <= next.step; step++) this.step(cur, step, true);
    applyCustomAction(cur.el, cur.onAir, next);
    // No update: the same view, kept as the object already parsed.
    cur.onAir = next.updateSeq === cur.onAir.updateSeq ? { ...next, view: cur.onAir.view } : next;
  }

  private step(cur: Mounted, step: number, animate: boolean): void {
    cur.timeline?.progress(1);
    cur.timeline = drawingOf(cur.onAir.template, cur.onAir.view)!.animateStep(cur.el, step);
    if (animate) playOnEngineClock(cur.timeline, this.at);
    else cur.timeline.progress(1);
    cur.el.dataset.step = String(step);
    cur.onAir = { ...cur.onAir, step };
  }

  private animateOut(layer: Layer, cur: Mounted): void {
    this.unmount(layer);
    // Out from wherever the graphic is, even mid-in: no jump to the end first.
    cur.timeline?.kill();
    cur.el.dataset.phase = 'out';
    cur.timeline = playOnEngineClock(
      drawingOf(cur.onAir.template, cur.onAir.view)!
        .animateOut(cur.el)
        .eventCallback('onComplete', () => cur.el.remove()),
      this.at,
    );
  }

  /** A board went up over it: a short fade, the same for every template, so the board lands on a clean frame. */
  private quickOut(layer: Layer, cur: Mounted): void {
    this.unmount(layer);
    cur.timeline?.kill();
    cur.el.dataset.phase = 'out';
    cur.el.dataset.held = '';
    cur.timeline = gsap
      .timeline({ paused: true, onComplete: () => cur.el.remove() })
      .to(cur.el, { opacity: 0, duration: HELD_OUT_SECONDS, ease: 'power1.in' })
      .play(0);
  }

  private remove(layer: Layer, cur: Mounted): void {
    cur.timeline?.kill();
    cur.el.remove();
    this.unmount(layer);
  }

  /** Off the layer: a preview settled as on air may need its preload again (taken off, then taken again). */
  private unmount(layer: Layer): void {
    this.mounted.delete(layer);
    this.settledPreview = null;
  }
}

/**
 * The one place a page finds a template's drawing by its id: the output, the
 * console's monitors, the producer view and the gallery all draw through here.
 */
export function drawingOf(template: string, view: unknown): GraphicView | undefined {
  // An outside graphic's view names its host (main/templates/outside/contract.ts); a built-in's id names its drawing.
  return graphicFor(template, view);
}

/** A graphic built off the page, with its in-timeline paused at its hidden start. */
function build(drawing: GraphicView, view: Fields): { el: HTMLElement; intro: Timeline } {
  const el = drawing.create(view);
  return { el, intro: drawing.animateIn(el) };
}

interface Placement {
  layer: Layer;
  template: string;
  step: number;
  phase: 'in' | 'on';
  cueId?: string;
}

/** Marks a graphic with what it is, puts it on top of its layer's slot and, unless it was already, fits its text. */
function place(slot: HTMLElement, el: HTMLElement, at: Placement, fit: boolean): void {
  Object.assign(
    el.dataset,
    { layer: at.layer, template: at.template, step: String(at.step), phase: at.phase },
    at.cueId === undefined ? {} : { cueId: at.cueId },
  );
  // On top of whatever is leaving the layer; a preload already last stays put (a move would lay it out again).
  if (el.parentElement !== slot || el.nextElementSibling) slot.append(el);
  if (fit) fitText(el);
}

/** From its built state to the steady state of `step`: the in jumped to its end, then each step to its end. */
function settleAtStep(drawing: GraphicView, el: HTMLElement, intro: Timeline, step: number): void {
  intro.progress(1).kill();
  for (let s = 2; s <= step; s++) drawing.animateStep(el, s).progress(1).kill();
  el.dataset.step = String(step);
}

/**
 * One graphic cut to the steady state of a step, exactly as the output cuts to a
 * snapshot: for stills (the gallery, the producer's thumbnails and preview). The
 * slot must be in the document, since templates measure their text as they lay out.
 * Null when there is no drawing for the template.
 */
export function cutGraphic(slot: HTMLElement, still: { template: string; layer: Layer; view: Fields; step: number }): HTMLElement | null {
  const drawing = drawingOf(still.template, still.view);
  if (!drawing) return null;
  const { el, intro } = build(drawing, still.view);
  place(slot, el, { layer: still.layer, template: still.template, step: still.step, phase: 'on' }, true);
  settleAtStep(drawing, el, intro, still.step);
  return el;
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

/** The same cue, drawing the same view (by the engine's number, never by value), in the same place. */
function samePreview(a: PreviewCue, b: PreviewCue): boolean {
  return a.viewRevision === b.viewRevision && a.cueId === b.cueId && a.layer === b.layer && a.template === b.template;
}

function sameGraphic(a: OnAir, b: OnAir): boolean {
  return a.takeId === b.takeId;
}
