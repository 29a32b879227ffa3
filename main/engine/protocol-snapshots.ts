import type { Layer, Show } from './show';
import type { StraplineError } from './errors';
import type { ElectionTotals, HolderBasis, PartyId, SeatResult } from './election';
import type { Composition } from './composition';
import type { OnAir, PreviewCue } from './protocol-on-air';

// The snapshots the engine sends its views, and the answer to a command (main/engine/protocol.ts gathers them in the event map).

/** What outputs need: the program, and the preview so they can preload it. */
export interface ProgramSnapshot {
  revision: number;
  program: Partial<Record<Layer, OnAir>>;
  preview: PreviewCue | null;
  /** Which layers on air are drawn and which are held by a board, and the bands kept clear (main/engine/composition.ts). */
  composition: Composition;
  at: number;
  /** A rehearsal is running with its mark on: every output draws REHEARSAL over the picture, so no replayed figure airs unmarked. */
  rehearsalMark?: true;
}

/** What a console needs to label its Undo and Redo buttons (main/engine/show-history.ts makes it). */
export interface HistorySummary {
  undo: string | null;
  redo: string | null;
  undoDepth: number;
  redoDepth: number;
}

export interface ShowSnapshot {
  showRevision: number;
  show: Show;
  /** What Undo and Redo would do now (main/engine/show-history.ts). */
  history: HistorySummary;
}

export type CommandResult =
  | {
      ok: true;
      revision: number;
      showRevision: number;
      resultsRevision: number;
      detail?: Record<string, unknown>;
      /** Set when the change is in force but could not be written to disk (a full disk, say): why. The server keeps trying. */
      unsaved?: string;
    }
  | { ok: false; error: StraplineError };

export interface Correction {
  onsCode: string;
  current: SeatResult;
  proposed: SeatResult;
}

/** The night so far, for the console's status and for graphics bound to totals. */
export interface ResultsSnapshot {
  resultsRevision: number;
  mode: 'live' | 'rehearsal';
  holderBasis: HolderBasis;
  speakerCountsWith: PartyId | null;
  lastDeclarationAt: number | null;
  totals: ElectionTotals;
  corrections: Correction[];
}
