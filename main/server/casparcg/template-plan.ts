import { LAYERS, type Layer } from '../../engine/show';
import type { OnAir, ProgramSnapshot } from '../../engine/protocol';
import { TEMPLATE_SLOTS, type CasparcgOutputConfig } from './config';
import { casparcgGraphicOf, emptyPlan, type AmcpPlan, type CasparcgGraphic } from './amcp-steps';

interface Loaded extends CasparcgGraphic {
  slot: number;
}
interface OnAirHere extends Loaded {
  takeId: number;
  step: number;
  hidden: boolean;
}
interface LayerState {
  air: OnAirHere | null;
  preload: (Loaded & { cueId: string }) | null;
  /** Slots whose out is still playing, until their CG REMOVE: a preload does not cut an out short. */
  outgoing: Set<number>;
  /** Slots at opacity 0 (a held graphic's), so the next graphic there is shown again before its play. */
  dark: Set<number>;
}

/**
 * The templates mode's state, not commands: what the engine says is on air, held
 * per Strapline layer, and the AMCP that brings the server from the last state to
 * the next. The take is only CG PLAY (the cue was CG ADDed at cue time, play-on-load 0).
 */
export class TemplatePlan {
  private readonly layers = new Map<Layer, LayerState>();

  constructor(private readonly config: CasparcgOutputConfig) {
    for (const layer of LAYERS)
      if (config.layers[layer] !== undefined) this.layers.set(layer, { air: null, preload: null, outgoing: new Set(), dark: new Set() });
  }

  /** The commands that take the server from the state before to this snapshot's. */
  apply(snapshot: ProgramSnapshot): AmcpPlan {
    const plan = emptyPlan();
    for (const [layer, state] of this.layers) {
      const base = this.config.layers[layer]!;
      const onAir = snapshot.program[layer];
      const graphic = onAir ? casparcgGraphicOf(this.config, onAir.template, onAir.view) : null;
      const held = snapshot.composition.layers[layer]?.visibility === 'held';
      if (onAir && graphic && state.air?.takeId !== onAir.takeId) this.take(state, base, onAir, graphic, held, plan);
      else if (state.air && (!onAir || !graphic || state.air.takeId !== onAir.takeId)) this.out(state, base, plan);
      else if (state.air && onAir && graphic) this.change(state.air, base, onAir, graphic, plan);
      if (state.air) this.hold(state, base, held, plan);
      const preview = snapshot.preview?.layer === layer ? snapshot.preview : null;
      const wanted = preview && preview.cueId !== onAir?.cueId ? casparcgGraphicOf(this.config, preview.template, preview.view) : null;
      this.preload(state, base, preview && wanted ? { ...wanted, cueId: preview.cueId } : null, plan);
    }
    return plan;
  }

  /** After a connect, a reconnect or a server restart: what is on air, at its steady state, with no in seen. */
  reassert(): AmcpPlan {
    const plan = emptyPlan();
    for (const [layer, state] of this.layers) {
      const base = this.config.layers[layer]!;
      const air = state.air;
      // Every slot to a known state: empty, and seen, bar the one on air, which stays dark until it is in place.
      for (let s = 0; s < TEMPLATE_SLOTS; s++)
        plan.steps.push({ op: 'clear', layer: base + s }, { op: 'opacity', layer: base + s, value: s === air?.slot ? 0 : 1 });
      state.outgoing.clear();
      state.dark.clear();
      if (air) {
        // The template plays its in and steps to where it is unseen; then it cuts in, at its steady state.
        plan.steps.push({ op: 'cg-add', layer: base + air.slot, template: air.template, data: air.data, playOnLoad: true });
        for (let s = 1; s < air.step; s++) plan.steps.push({ op: 'cg-next', layer: base + air.slot });
        const takeId = air.takeId;
        if (air.hidden) state.dark.add(air.slot);
        else
          plan.deferred.push({
            afterMs: this.config.settleMs,
            steps: [{ op: 'opacity', layer: base + air.slot, value: 1 }],
            still: () => state.air?.takeId === takeId && !state.air.hidden,
          });
      }
      if (state.preload)
        plan.steps.push({ op: 'cg-add', layer: base + state.preload.slot, template: state.preload.template, data: state.preload.data, playOnLoad: false });
    }
    return plan;
  }

  /** held: taken while a board holds the layer, so it plays its in unseen and comes back at its steady state. */
  private take(state: LayerState, base: number, onAir: OnAir, graphic: CasparcgGraphic, held: boolean, plan: AmcpPlan): void {
    const previous = state.air;
    const preloaded = state.preload?.cueId === onAir.cueId && state.preload.template === graphic.template ? state.preload : null;
    const slot = preloaded ? preloaded.slot : this.freeSlot(state);
    if (!preloaded) {
      plan.steps.push({ op: 'cg-add', layer: base + slot, template: graphic.template, data: graphic.data, playOnLoad: false });
    } else if (preloaded.data !== graphic.data) {
      // The results moved between the cue and the take: the figures go in before the play.
      plan.steps.push({ op: 'cg-update', layer: base + slot, data: graphic.data });
    }
    if (preloaded) state.preload = null;
    if (held && !state.dark.has(slot)) plan.steps.push({ op: 'opacity', layer: base + slot, value: 0 });
    if (!held && state.dark.has(slot)) plan.steps.push({ op: 'opacity', layer: base + slot, value: 1 });
    if (held) state.dark.add(slot);
    else state.dark.delete(slot);
    plan.steps.push({ op: 'cg-play', layer: base + slot });
    for (let s = 1; s < onAir.step; s++) plan.steps.push({ op: 'cg-next', layer: base + slot });
    state.air = { ...graphic, slot, takeId: onAir.takeId, step: onAir.step, hidden: held };
    // The new graphic plays first, so the take is not held up by the old one's out.
    if (previous) this.retire(state, base, previous.slot, plan);
  }

  private out(state: LayerState, base: number, plan: AmcpPlan): void {
    this.retire(state, base, state.air!.slot, plan);
    state.air = null;
  }

  private retire(state: LayerState, base: number, slot: number, plan: AmcpPlan): void {
    plan.steps.push({ op: 'cg-stop', layer: base + slot });
    state.outgoing.add(slot);
    plan.deferred.push({
      afterMs: this.config.outMs,
      steps: [{ op: 'cg-remove', layer: base + slot }],
      // Only if nothing was loaded into the slot since (a re-assert clears it too).
      still: () => state.outgoing.delete(slot),
    });
  }

  private change(air: OnAirHere, base: number, onAir: OnAir, graphic: CasparcgGraphic, plan: AmcpPlan): void {
    if (graphic.data !== air.data) plan.steps.push({ op: 'cg-update', layer: base + air.slot, data: graphic.data });
    for (let s = air.step; s < onAir.step; s++) plan.steps.push({ op: 'cg-next', layer: base + air.slot });
    air.data = graphic.data;
    air.step = onAir.step;
  }

  /** A board holds this layer: off the picture, still loaded, its step and updates kept; back at its steady state. */
  private hold(state: LayerState, base: number, held: boolean, plan: AmcpPlan): void {
    const air = state.air!;
    if (held === air.hidden) return;
    air.hidden = held;
    if (held) state.dark.add(air.slot);
    else state.dark.delete(air.slot);
    plan.steps.push({ op: 'opacity', layer: base + air.slot, value: held ? 0 : 1 });
  }

  private preload(state: LayerState, base: number, wanted: (CasparcgGraphic & { cueId: string }) | null, plan: AmcpPlan): void {
    const current = state.preload;
    if (current && wanted && current.cueId === wanted.cueId && current.template === wanted.template) {
      if (current.data !== wanted.data) plan.steps.push({ op: 'cg-update', layer: base + current.slot, data: wanted.data });
      current.data = wanted.data;
      return;
    }
    if (current) plan.steps.push({ op: 'cg-remove', layer: base + current.slot });
    state.preload = null;
    if (!wanted) return;
    const slot = this.freeSlot(state);
    state.outgoing.delete(slot);
    plan.steps.push({ op: 'cg-add', layer: base + slot, template: wanted.template, data: wanted.data, playOnLoad: false });
    state.preload = { ...wanted, slot };
  }

  /** A slot neither on air nor preloaded, one whose out has finished first. */
  private freeSlot(state: LayerState): number {
    const busy = (s: number) => s === state.air?.slot || s === state.preload?.slot;
    for (let s = 0; s < TEMPLATE_SLOTS; s++) if (!busy(s) && !state.outgoing.has(s)) return s;
    for (let s = 0; s < TEMPLATE_SLOTS; s++) if (!busy(s)) return (state.outgoing.delete(s), s);
    return 0;
  }
}
