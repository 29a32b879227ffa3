import type { Fields, Layer } from './show';

// What is on air and what the as-run log says of it: the engine's state, composition and every view use these, so this
// module imports nothing of the engine but the show's types (a module that did would close a cycle through state.ts).

/** What is on one layer of the program. */
export interface OnAir {
  /** Unique per take, so a re-take of the same cue is seen as a new graphic. */
  takeId: number;
  cueId: string;
  title: string;
  template: string;
  /** The cue's fields as the operator set them. */
  fields: Fields;
  /** What the output draws: the fields, with bound sources resolved from the accepted results. */
  view: Fields;
  /** Names this view: one number per view the engine resolved, so outputs tell two views apart by a number compare. */
  viewRevision: number;
  step: number;
  steps: number;
  /** Bumped by every update, so outputs know to animate the change. */
  updateSeq: number;
  since: number;
  /** Put back after a crash: outputs mount it in its steady state, with no in-animation. */
  restored?: true;
  /** Outside (OGraf) graphics: the last custom action sent, applied by outputs when its seq moves (main/templates/outside/contract.ts). */
  customAction?: { seq: number; id: string; payload: unknown };
}

export interface PreviewCue {
  cueId: string;
  template: string;
  layer: Layer;
  fields: Fields;
  view: Fields;
  /** A take of this cue with the results unmoved airs this very view, under this number (OnAir.viewRevision). */
  viewRevision: number;
}

export type AsRunEntry =
  | {
      at: string;
      revision: number;
      action: 'take' | 'next' | 'update' | 'out' | 'clear-all' | 'custom-action';
      layer: Layer;
      cueId: string;
      template: string;
      title: string;
      step: number;
      /** Set when it went out during a rehearsal, not on the night. */
      rehearsal?: true;
      /** Set on a take that put back what was on air before a crash (restore-program). */
      restored?: true;
      /** custom-action only: the action's id. */
      customAction?: string;
    }
  | {
      at: string;
      revision: number;
      /** Held: still in the program, no longer drawn, because `by` is on air; released: drawn again. */
      action: 'hold' | 'release';
      layer: Layer;
      by: Layer;
      cueId: string;
      template: string;
      title: string;
      step: number;
      rehearsal?: true;
    }
  | { at: string; revision: number; action: 'mode'; mode: 'live' | 'rehearsal' };

/** Omit that keeps a union a union. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
