import type { Baseline, HolderBasis, PartyId, SeatResult } from './election';

/**
 * The night's results as the engine holds them. A change to a seat already
 * declared is not applied: it waits as a correction until the operator accepts
 * it, so nothing bound to that seat changes on air by surprise.
 */
export interface ResultsState {
  baseline: Baseline;
  seats: ReadonlyMap<string, SeatResult>;
  corrections: ReadonlyMap<string, SeatResult>;
  holderBasis: HolderBasis;
  speakerCountsWith: PartyId | null;
  mode: 'live' | 'rehearsal';
  /** In a rehearsal, whether every output draws the REHEARSAL mark: on unless the operator chose otherwise. */
  rehearsalMark: boolean;
  lastDeclarationAt: number | null;
  /**
   * When the engine took each seat's current result (its clock, ms). Feeds that
   * carry no declaration time (the Commons files leave it empty) still have an
   * order of arrival, which is what "latest declarations" means on air.
   */
  receivedAt: ReadonlyMap<string, number>;
}

/** Every baseline seat starts pending, so "N of 650 declared" counts from the baseline. */
export function initialResults(baseline: Baseline): ResultsState {
  const seats = new Map<string, SeatResult>();
  for (const code of baseline.seats.keys()) seats.set(code, { onsCode: code, revision: 0, state: 'pending' });
  return {
    baseline,
    seats,
    corrections: new Map(),
    holderBasis: 'notional',
    speakerCountsWith: 'lab',
    mode: 'live',
    rehearsalMark: false,
    lastDeclarationAt: null,
    receivedAt: new Map(),
  };
}
