import type { Layer, Show } from './show';
import type { AsRunEntry, OnAir } from './protocol';
import type { StraplineError } from './errors';
import type { TemplateTable } from './templates';

/** Everything the engine owns. Handlers never mutate it: they return a new one. */
export interface EngineState {
  show: Show;
  /** The cue loaded off-air, ready to take. */
  previewCueId: string | null;
  program: Partial<Record<Layer, OnAir>>;
  lastTakeAt: Partial<Record<Layer, number>>;
  nextTakeId: number;
}

export interface HandlerContext {
  now: number;
  templates: TemplateTable;
  minTakeIntervalMs: number;
}

export interface Applied {
  state: EngineState;
  asRun: Omit<AsRunEntry, 'revision'>[];
}

export type Outcome = Applied | { error: StraplineError };

export function isError(o: Outcome): o is { error: StraplineError } {
  return 'error' in o;
}

export function initialState(show: Show): EngineState {
  return { show, previewCueId: null, program: {}, lastTakeAt: {}, nextTakeId: 1 };
}
