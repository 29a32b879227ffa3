import type { Layer } from '../main/engine/show';
import { findCue } from '../main/engine/show';
import type { ConsoleStore } from './store';
import { outTarget } from './out-target';

/** The operator's actions, shared by the buttons and the hotkeys. */
export function operatorActions(store: ConsoleStore) {
  const state = () => store.getState();
  const selectedLayer = (): Layer | null => {
    const { show, selectedCueId } = state();
    return show && selectedCueId ? (findCue(show, selectedCueId)?.cue.layer ?? null) : null;
  };
  const allCues = () => state().show?.stacks.flatMap((s) => s.cues) ?? [];
  return {
    take() {
      const id = state().selectedCueId;
      // The take is the operator's latest act: the out key follows the selected cue again.
      store.setState({ outPick: null });
      if (id) void state().send({ type: 'take', cueId: id });
    },
    next() {
      const layer = selectedLayer();
      if (layer) void state().send({ type: 'next', layer });
    },
    /** Sends the selected cue's current (edited) fields to its layer on air, without a new in. */
    update(layer: Layer | null = selectedLayer()) {
      if (layer) void state().send({ type: 'update', layer });
    },
    /** One layer's OUT: the operator named the layer. */
    out(layer: Layer) {
      void state().send({ type: 'out', layer });
    },
    /** The out key and the transport's OUT: only what the on-air bar shows as targeted, else nothing, saying why. */
    outTargeted() {
      const target = outTarget(state());
      if (target.layer === null) return state().notify(`Out: nothing taken off, ${target.reason}`);
      void state().send({ type: 'out', layer: target.layer });
    },
    clearAll() {
      void state().send({ type: 'clear-all' });
    },
    move(delta: 1 | -1) {
      // While a search hides cues, Up and Down walk only the ones shown.
      const ids = state().visibleCueIds ?? allCues().map((c) => c.id);
      if (ids.length === 0) return;
      const at = ids.indexOf(state().selectedCueId ?? '');
      state().select(ids[Math.max(0, Math.min(ids.length - 1, at < 0 ? 0 : at + delta))]!);
    },
  };
}

export type OperatorActions = ReturnType<typeof operatorActions>;
