import type { Engine } from '../../main/engine/engine';

/**
 * Everything a rejected input must leave alone: the program and preview, the
 * show, and the results. The snapshot's `at` is the clock, not state, so it is left out.
 */
export function airState(engine: Engine) {
  const { at: _clock, ...program } = engine.programSnapshot();
  const { resultsRevision, totals, corrections, mode } = engine.resultsSnapshot();
  return { program, show: engine.showSnapshot(), results: { resultsRevision, totals, corrections, mode } };
}
