import { describeOutcome, seatMajority, seatOutcome, seatRunnerUp, seatWinner, turnoutPercent, type PartyId, type SeatResult } from './election';
import type { ResultsState } from './results-state';

/** One seat as the API and the console show it: the stored result and what follows from it. */
export interface SeatView {
  onsCode: string;
  name: string;
  state: SeatResult['state'];
  revision: number;
  winner: PartyId | null;
  runnerUp: PartyId | null;
  majority: number | null;
  majorityPercent: number | null;
  turnoutPercent: number | null;
  /** "Lab gain from Con", "Lab hold", against the baseline holder. */
  outcome: string | null;
  gain: boolean | null;
  correctionWaiting: boolean;
  seat: SeatResult;
}

export function seatView(results: ResultsState, seat: SeatResult): SeatView {
  const declared = seat.state === 'declared' ? seat : null;
  const majority = declared ? seatMajority(declared) : undefined;
  const outcome = seatOutcome(seat, results.baseline, results.holderBasis);
  return {
    onsCode: seat.onsCode,
    name: results.baseline.seats.get(seat.onsCode)?.name ?? seat.onsCode,
    state: seat.state,
    revision: seat.revision,
    winner: seatWinner(seat) ?? null,
    runnerUp: declared ? (seatRunnerUp(declared)?.partyId ?? null) : null,
    majority: majority?.votes ?? null,
    majorityPercent: majority?.percent ?? null,
    turnoutPercent: declared ? (turnoutPercent(declared.validVotes, declared.electorate) ?? null) : null,
    outcome: outcome ? describeOutcome(outcome) : null,
    gain: outcome ? outcome.kind === 'GAIN' : null,
    correctionWaiting: results.corrections.has(seat.onsCode),
    seat,
  };
}
