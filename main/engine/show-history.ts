import { fail } from './errors';
import { findCue, type Show } from './show';
import type { Command, CommandOf, HistorySummary } from './protocol';
import type { EngineState, HandlerContext, Outcome } from './state';

/**
 * Undo and redo for the show. Every accepted command that changes the show is
 * an edit, whatever its name (an `update` with fields writes to the cue too),
 * so that undoing never silently rolls back a change the history did not see.
 * Only the show comes back: program, preview choice and results are the air's
 * and the night's, recorded in the as-run log, never undone.
 *
 * States are whole shows: edits copy only what they touch, so two hundred of
 * them share almost everything and cost little.
 */
export const HISTORY_LIMIT = 200;

export interface HistoryEntry {
  /** The show on the other side of the edit. */
  show: Show;
  /** What the edit did, in the operator's words: "rename stack Wales". */
  label: string;
}

export interface ShowHistory {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

/** Handlers of undo and redo read the history; the engine owns and advances it. */
export type HistoryContext = HandlerContext & { history: ShowHistory };

export const emptyHistory = (): ShowHistory => ({ past: [], future: [] });

export function summarise(h: ShowHistory): HistorySummary {
  return { undo: h.past.at(-1)?.label ?? null, redo: h.future.at(-1)?.label ?? null, undoDepth: h.past.length, redoDepth: h.future.length };
}

/** Puts a show back; the preview is kept only if its cue is still there, as delete-cue does. */
function restore(state: EngineState, show: Show, label: string, verb: 'undone' | 'redone'): Outcome {
  const keep = state.previewCueId !== null && findCue(show, state.previewCueId) !== undefined;
  return { state: { ...state, show, previewCueId: keep ? state.previewCueId : null }, asRun: [], detail: { [verb]: label } };
}

export function undo(state: EngineState, _cmd: CommandOf<'undo'>, ctx: HistoryContext): Outcome {
  const entry = ctx.history.past.at(-1);
  if (!entry) return { error: fail('NOTHING_TO_UNDO', 'There is no edit to the show to undo') };
  return restore(state, entry.show, entry.label, 'undone');
}

export function redo(state: EngineState, _cmd: CommandOf<'redo'>, ctx: HistoryContext): Outcome {
  const entry = ctx.history.future.at(-1);
  if (!entry) return { error: fail('NOTHING_TO_REDO', 'There is no undone edit to redo') };
  return restore(state, entry.show, entry.label, 'redone');
}

/**
 * The history after an accepted command took the show from `before` to
 * `after`. A loaded show is a new document: its history starts empty.
 */
export function advanceHistory(h: ShowHistory, command: Command, before: Show, after: Show, limit = HISTORY_LIMIT): ShowHistory {
  if (command.type === 'load-show') return emptyHistory();
  if (command.type === 'undo' || command.type === 'redo') {
    const [from, to] = command.type === 'undo' ? [h.past, h.future] : [h.future, h.past];
    const entry = from.at(-1)!;
    const moved = { from: from.slice(0, -1), to: [...to, { show: before, label: entry.label }] };
    return command.type === 'undo' ? { past: moved.from, future: moved.to } : { past: moved.to, future: moved.from };
  }
  if (before === after) return h;
  const past = [...h.past, { show: before, label: describeEdit(command, before, after) }];
  return { past: past.slice(Math.max(0, past.length - limit)), future: [] };
}

const stackName = (show: Show, id: string) => show.stacks.find((s) => s.id === id)?.name ?? id;
const cueTitle = (show: Show, id: string) => findCue(show, id)?.cue.title ?? id;

/** A short label for the Undo button; names come from whichever side still has the thing. */
export function describeEdit(command: Command, before: Show, after: Show): string {
  switch (command.type) {
    case 'add-stack':
      return `add stack "${command.name}"`;
    case 'rename-stack':
      return `rename stack "${stackName(before, command.stackId)}"`;
    case 'delete-stack':
      return `delete stack "${stackName(before, command.stackId)}"`;
    case 'add-cue': {
      const had = new Set(before.stacks.find((s) => s.id === command.stackId)?.cues.map((c) => c.id));
      const added = after.stacks.find((s) => s.id === command.stackId)?.cues.find((c) => !had.has(c.id));
      return `add cue "${added?.title ?? command.template}"`;
    }
    case 'edit-cue':
      return `edit "${cueTitle(after, command.cueId)}"`;
    case 'delete-cue':
      return `delete "${cueTitle(before, command.cueId)}"`;
    case 'move-cue':
      return `move "${cueTitle(after, command.cueId)}"`;
    default:
      return command.type.replace(/-/g, ' ');
  }
}
