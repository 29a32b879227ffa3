import type { OnAir, ProgramSnapshot } from '../main/engine/protocol';
import { findCue, type Layer, type Show } from '../main/engine/show';

/** What the out key would take off now, or why it would take nothing. */
export type OutTarget = { layer: Layer; onAir: OnAir; why: 'picked' | 'selected' } | { layer: null; reason: string };

export interface OutTargetInput {
  show: Show | null;
  selectedCueId: string | null;
  program: ProgramSnapshot | null;
  /** A graphic the operator pointed the key at in the on-air bar: by its take, so a later graphic on that layer is not it. */
  outPick: { layer: Layer; takeId: number } | null;
}

const NAMES: Record<Layer, string> = { fullscreen: 'FULL SCREEN', 'lower-third': 'LOWER THIRD', ticker: 'TICKER', bug: 'BUG' };

/**
 * Escape is everyone's cancel key, so the out key takes off only what the
 * operator is looking at: the graphic pointed at in the on-air bar, or else
 * the selected cue when it is itself on air. Never a layer merely shared with
 * the selected cue: an unrelated strap selected must not take the live one off.
 */
export function outTarget({ show, selectedCueId, program, outPick }: OutTargetInput): OutTarget {
  const onAir = program?.program ?? {};
  if (outPick) {
    const picked = onAir[outPick.layer];
    if (picked?.takeId === outPick.takeId) return { layer: outPick.layer, onAir: picked, why: 'picked' };
  }
  const cue = show && selectedCueId ? findCue(show, selectedCueId)?.cue : undefined;
  const live = cue ? onAir[cue.layer] : undefined;
  if (cue && live?.cueId === cue.id) return { layer: cue.layer, onAir: live, why: 'selected' };
  const layers = Object.keys(onAir) as Layer[];
  if (layers.length === 0) return { layer: null, reason: 'nothing is on air' };
  const hint = 'point it at a layer in the on-air bar (its name) or press that layer’s OUT';
  if (!cue) return { layer: null, reason: `no cue on air is selected: ${hint}` };
  const sharing = live ? ` (${NAMES[cue.layer]} shows "${live.title}")` : '';
  return { layer: null, reason: `the selected cue "${cue.title}" is not on air${sharing}: ${hint}` };
}

/** How the on-air bar names a target. */
export function describeTarget(target: OutTarget): string {
  return target.layer === null ? 'nothing' : `${NAMES[target.layer]} · ${target.onAir.title}`;
}
