import type { Layer } from './wire.js';
import type { StraplineView } from './view.js';

// What a button asks for, as the commands of Strapline's command map (main/engine/protocol.ts) it becomes. Pure, so
// each action's meaning is tested directly; the instance only sends the result over POST /api/command.

export type ButtonAction =
  | { kind: 'take'; cueId: string | null }
  | { kind: 'cue'; cueId: string }
  | { kind: 'cue-position'; stack: string; position: number }
  | { kind: 'next' | 'update' | 'out'; layer: Layer }
  | { kind: 'clear-all' }
  | { kind: 'custom-action'; layer: Layer; action: string; payload: unknown }
  | { kind: 'accept-correction' };

export type StraplineCommand =
  | { type: 'cue'; cueId: string }
  | { type: 'take'; cueId: string }
  | { type: 'next' | 'out'; layer: Layer }
  | { type: 'update'; layer: Layer }
  | { type: 'clear-all' }
  | { type: 'custom-action'; layer: Layer; action: string; payload?: unknown }
  | { type: 'accept-correction'; onsCode: string };

export type Planned = { ok: true; commands: StraplineCommand[] } | { ok: false; error: string };

const plan = (...commands: StraplineCommand[]): Planned => ({ ok: true, commands });

/** The commands for an action, judged against what the module last heard; a refusal says why and sends nothing. */
export function commandsFor(action: ButtonAction, view: StraplineView): Planned {
  switch (action.kind) {
    case 'take': {
      // A named cue is loaded and taken in one press; the take names it, so a preview moved by the console in between
      // makes it fail as stale rather than put the wrong graphic on air.
      if (action.cueId) return plan({ type: 'cue', cueId: action.cueId }, { type: 'take', cueId: action.cueId });
      const preview = view.program?.preview;
      if (!preview) return { ok: false, error: 'take: nothing is in preview' };
      return plan({ type: 'take', cueId: preview.cueId });
    }
    case 'cue':
      return plan({ type: 'cue', cueId: action.cueId });
    case 'cue-position': {
      const stack = view.show?.stacks.find((s) => s.id === action.stack || s.name === action.stack);
      if (!stack) return { ok: false, error: `cue: the show has no stack "${action.stack}"` };
      const cue = stack.cues[action.position - 1];
      if (!cue) return { ok: false, error: `cue: stack "${stack.name}" has ${stack.cues.length} cues, not a cue ${action.position}` };
      return plan({ type: 'cue', cueId: cue.id });
    }
    case 'next':
    case 'out':
      return plan({ type: action.kind, layer: action.layer });
    case 'update':
      return plan({ type: 'update', layer: action.layer });
    case 'clear-all':
      return plan({ type: 'clear-all' });
    case 'custom-action':
      return plan({ type: 'custom-action', layer: action.layer, action: action.action, ...(action.payload === undefined ? {} : { payload: action.payload }) });
    case 'accept-correction': {
      // The oldest waiting correction, as the console's Corrections tab lists them.
      const next = view.results?.corrections[0];
      if (!next) return { ok: false, error: 'accept correction: no correction is waiting' };
      return plan({ type: 'accept-correction', onsCode: next.onsCode });
    }
  }
}

/** A custom action's payload as typed into the button: empty for none, else JSON. */
export function parsePayload(text: string): { ok: true; payload: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, payload: undefined };
  try {
    return { ok: true, payload: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `custom action: the payload is not JSON (${(e as Error).message})` };
  }
}
