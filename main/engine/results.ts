import { fail } from './errors';
import { baselineFromSeats, type SeatResult } from './election';
import type { CommandOf } from './protocol';
import { initialResults, type ResultsState } from './results-state';
import type { EngineState, Outcome } from './state';

// The state lives in results-state.ts so that state.ts need not import this module, which imports it back; re-exported
// for the server and the tests, which know it by this name.
export { initialResults, type ResultsState } from './results-state';

export type SeatVerdict = 'applied' | 'correction' | 'stale' | 'unchanged' | 'unknown-seat';

/** What one incoming seat does to what we hold. */
export function judgeSeat(current: SeatResult | undefined, incoming: SeatResult, knownSeat: boolean): SeatVerdict {
  if (!knownSeat) return 'unknown-seat';
  if (!current) return 'applied';
  if (JSON.stringify(current) === JSON.stringify(incoming)) return 'unchanged';
  if (incoming.revision < current.revision) return 'stale';
  const fullAfterRush = current.state === 'rush' && incoming.state === 'declared';
  if (incoming.revision === current.revision && !fullAfterRush && current.state !== 'pending') return 'stale';
  // Once figures (or a winner) are out, any change is a correction for the operator to accept.
  if (current.state === 'declared' || (current.state === 'rush' && !fullAfterRush)) return 'correction';
  return 'applied';
}

function withResults(state: EngineState, results: Partial<ResultsState>, detail?: Record<string, unknown>): Outcome {
  return { state: { ...state, results: { ...state.results, ...results } }, asRun: [], detail };
}

export function declareResults(state: EngineState, cmd: CommandOf<'declare-results'>, ctx: { now: number }): Outcome {
  const { results } = state;
  const seats = new Map(results.seats);
  const corrections = new Map(results.corrections);
  const receivedAt = new Map(results.receivedAt);
  const counts: Record<SeatVerdict, number> = { applied: 0, correction: 0, stale: 0, unchanged: 0, 'unknown-seat': 0 };
  const refused: { onsCode: string; verdict: SeatVerdict }[] = [];
  for (const seat of cmd.seats) {
    const verdict = judgeSeat(seats.get(seat.onsCode), seat, results.baseline.seats.has(seat.onsCode));
    counts[verdict] += 1;
    if (verdict === 'applied') {
      seats.set(seat.onsCode, seat);
      receivedAt.set(seat.onsCode, ctx.now);
    } else if (verdict === 'correction') corrections.set(seat.onsCode, seat);
    else if (verdict !== 'unchanged') refused.push({ onsCode: seat.onsCode, verdict });
  }
  if (counts['unknown-seat'] === cmd.seats.length) {
    return { error: fail('UNKNOWN_SEAT', `${cmd.source}: none of the ${cmd.seats.length} seats is in the baseline (first: ${cmd.seats[0]!.onsCode})`) };
  }
  const changed = counts.applied + counts.correction > 0;
  const detail = { source: cmd.source, ...counts, refused: refused.slice(0, 50) };
  if (!changed) return { state, asRun: [], detail };
  return withResults(state, { seats, corrections, receivedAt, lastDeclarationAt: counts.applied ? ctx.now : results.lastDeclarationAt }, detail);
}

export function acceptCorrection(state: EngineState, cmd: CommandOf<'accept-correction'>, ctx: { now: number }): Outcome {
  const proposed = state.results.corrections.get(cmd.onsCode);
  if (!proposed) return { error: fail('NO_CORRECTION', `No correction is waiting for ${cmd.onsCode}`) };
  const seats = new Map(state.results.seats).set(cmd.onsCode, proposed);
  const corrections = new Map(state.results.corrections);
  corrections.delete(cmd.onsCode);
  const receivedAt = new Map(state.results.receivedAt).set(cmd.onsCode, ctx.now);
  return withResults(state, { seats, corrections, receivedAt, lastDeclarationAt: ctx.now });
}

export function rejectCorrection(state: EngineState, cmd: CommandOf<'reject-correction'>): Outcome {
  if (!state.results.corrections.has(cmd.onsCode)) return { error: fail('NO_CORRECTION', `No correction is waiting for ${cmd.onsCode}`) };
  const corrections = new Map(state.results.corrections);
  corrections.delete(cmd.onsCode);
  return withResults(state, { corrections });
}

export function setBaseline(state: EngineState, cmd: CommandOf<'set-baseline'>): Outcome {
  const { mode, rehearsalMark } = state.results;
  return { state: { ...state, results: { ...initialResults(baselineFromSeats(cmd.seats)), mode, rehearsalMark } }, asRun: [] };
}

export function resetResults(state: EngineState): Outcome {
  const { mode, rehearsalMark } = state.results;
  return { state: { ...state, results: { ...initialResults(state.results.baseline), mode, rehearsalMark } }, asRun: [] };
}

export function resultsSettings(state: EngineState, cmd: CommandOf<'results-settings'>): Outcome {
  return withResults(state, {
    holderBasis: cmd.holderBasis ?? state.results.holderBasis,
    speakerCountsWith: cmd.speakerCountsWith === undefined ? state.results.speakerCountsWith : cmd.speakerCountsWith,
  });
}

export function setMode(state: EngineState, cmd: CommandOf<'set-mode'>, ctx: { now: number }): Outcome {
  const rehearsalMark = cmd.mode === 'rehearsal' && cmd.mark !== false;
  if (state.results.mode === cmd.mode && state.results.rehearsalMark === rehearsalMark) return { state, asRun: [] };
  const outcome = withResults(state, { mode: cmd.mode, rehearsalMark });
  if (state.results.mode === cmd.mode || !('state' in outcome)) return outcome;
  return { ...outcome, asRun: [{ at: new Date(ctx.now).toISOString(), action: 'mode', mode: cmd.mode }] };
}
