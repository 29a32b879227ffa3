import type { Cue, Fields, Layer, Show } from './show';
import type { AsRunEntry, OmitEach, OnAir } from './protocol-on-air';
import type { Baseline } from './election';
import { initialResults, type ResultsState } from './results-state';
import type { StraplineError } from './errors';
import type { BindingContext, TemplateTable } from './templates';

/** Everything the engine owns. Handlers never mutate it: they return a new one. */
export interface EngineState {
  show: Show;
  /** The cue loaded off-air, ready to take. */
  previewCueId: string | null;
  program: Partial<Record<Layer, OnAir>>;
  lastTakeAt: Partial<Record<Layer, number>>;
  nextTakeId: number;
  results: ResultsState;
}

export interface HandlerContext {
  now: number;
  templates: TemplateTable;
  minTakeIntervalMs: number;
  /** What bound templates read, for these results (totals cached per results). */
  binding: (results: ResultsState) => BindingContext;
  /**
   * What a cue draws against these results: resolved once per cue and results, so a take
   * airs the very view the preview was built from (the engine's cache, not a second resolve).
   */
  cueView: (cue: Cue, results: ResultsState) => { view: Fields } | { error: StraplineError };
  /** The number a view goes out under (OnAir.viewRevision): the same object, the same number. */
  viewRevision: (view: Fields) => number;
  /** The command's show was checked against these templates before it came in (Engine.loadCheckedShow). */
  showChecked: boolean;
}

export interface Applied {
  state: EngineState;
  asRun: OmitEach<AsRunEntry, 'revision'>[];
  /** What the command did, for its caller (e.g. how many seats a declaration applied). */
  detail?: Record<string, unknown>;
}

export type Outcome = Applied | { error: StraplineError };

export function isError(o: Outcome): o is { error: StraplineError } {
  return 'error' in o;
}

export function initialState(show: Show, baseline: Baseline): EngineState {
  return { show, previewCueId: null, program: {}, lastTakeAt: {}, nextTakeId: 1, results: initialResults(baseline) };
}
