/** Pure election model and maths: no I/O, safe in the engine, the console and the outputs. */
export {
  PARTY_TABLE,
  OTHER_PARTY_ID,
  UNLISTED_PARTY_COLOUR,
  partyIdSchema,
  partyInfoSchema,
  partyIdFor,
  knownPartyIdFor,
  partyInfo,
  commonsAbbreviation,
  predecessorOf,
  type PartyId,
  type PartyInfo,
} from './party-table';
export {
  onsCodeSchema,
  partyVotesSchema,
  candidateSchema,
  seatResultSchema,
  resultsFileSchema,
  pendingSeatSchema,
  recountSeatSchema,
  rushSeatSchema,
  declaredSeatSchema,
  type Candidate,
  type PartyVotes,
  type SeatResult,
  type DeclaredSeat,
  type ResultsFile,
} from './seat-result-schema';
export {
  baselineSeatSchema,
  baselineFileSchema,
  baselineFromSeats,
  baselineHolder,
  type BaselineSeat,
  type BaselineFile,
  type Baseline,
  type HolderBasis,
} from './baseline-schema';
export { rankSeat, seatWinner, seatRunnerUp, seatMajority, turnoutPercent, roundTo, type Placing, type Majority } from './seat-ranking';
export { voteShares, shareOf, baselineShareOf, shareChange, shareChanges, foldMinorParties, addVotesInto, type PartyShares } from './vote-shares';
export { butlerSwing, butlerSwingBetween, seatSwingBetween, swingRequired, swingRequiredFromMajority, type ShareMove } from './swing';
export { gainOrHold, seatOutcome, describeOutcome, type SeatOutcome } from './gain-hold';
export { deriveTotals, baselineSeatTotals, type ElectionTotals, type TotalsSettings } from './seat-totals';
export {
  HOUSE_OF_COMMONS_SEATS,
  SPEAKER_PARTY_ID,
  seatsNeededForMajority,
  majorityPosition,
  largestParty,
  type MajoritySettings,
  type MajorityPosition,
} from './commons-majority';
export {
  NATIONS,
  constituencySchema,
  constituenciesFileSchema,
  partiesFileSchema,
  hexJsonSchema,
  type Constituency,
  type ConstituenciesFile,
  type PartiesFile,
  type HexJson,
} from './reference-schemas';
export {
  electionManifestSchema,
  SEATS_FORMATS,
  BASELINE_FORMATS,
  CANDIDATE_FORMATS,
  RESULTS_FORMATS,
  type ElectionManifest,
  type ElectionFacts,
} from './election-manifest';
export { baselineFromResults, withCandidates, boundaryMismatch } from './previous-results';
