/**
 * House of Commons Library candidate results (one row per candidate). Gives the most detail
 * (every candidate, sitting MPs) but no electorate, so turnout needs the constituency file.
 * A seat with any bad row is rejected whole: a seat missing a candidate would have wrong
 * totals, shares and possibly the wrong winner.
 */
import { partyIdFor } from '../election/party-table';
import { declaredSeatSchema, type Candidate, type PartyVotes, type SeatResult } from '../election/seat-result-schema';
import { onsCodeCell, wholeNumberCell, yesNoCell } from './cell-schemas';
import { openCsvImport, RowReader } from './csv-table';
import type { ImportOptions, ImportOutcome, IssueLog } from './import-report';

const C = {
  onsCode: 'ONS ID',
  partyName: 'Party name',
  partyAbbreviation: 'Party abbreviation',
  firstName: 'Candidate first name',
  surname: 'Candidate surname',
  sittingMp: 'Sitting MP',
  votes: 'Votes',
} as const;

interface SeatDraft {
  readonly firstLine: number;
  readonly candidates: Candidate[];
  broken: boolean;
}

export function importCommonsCandidateResults(text: string, fileName: string, options: ImportOptions = {}): ImportOutcome<SeatResult> {
  const opened = openCsvImport<SeatResult>('commons-candidate', text, fileName, [C.onsCode, C.votes, C.partyAbbreviation], options);
  if (!('table' in opened)) return opened;
  const { table, log } = opened;
  const seats = new Map<string, SeatDraft>();
  let unattributed = 0;
  for (const record of table.rows) {
    const row = new RowReader(table, record, log);
    const onsCode = row.parse(C.onsCode, onsCodeCell);
    const votes = row.parse(C.votes, wholeNumberCell);
    const sittingMp = row.parse(C.sittingMp, yesNoCell);
    const label = row.text(C.partyAbbreviation) || row.text(C.partyName) || '';
    if (label === '') row.warn('no party given; counted as an independent', C.partyAbbreviation);
    const name = [row.text(C.firstName), row.text(C.surname)].filter((part) => part !== undefined && part !== '').join(' ');
    if (onsCode === undefined) {
      unattributed += 1;
      continue;
    }
    const draft = seats.get(onsCode) ?? { firstLine: row.line, candidates: [], broken: false };
    seats.set(onsCode, draft);
    if (!row.ok || votes === undefined) {
      draft.broken = true;
      continue;
    }
    const partyName = row.text(C.partyName);
    draft.candidates.push({
      name: name === '' ? (partyName ?? label) : name,
      partyId: label === '' ? 'ind' : partyIdFor(label),
      ...(partyName === undefined || partyName === '' ? {} : { partyName }),
      votes,
      ...(sittingMp === undefined ? {} : { sittingMp }),
    });
  }

  const accepted: SeatResult[] = [];
  let rejected = unattributed;
  for (const [onsCode, draft] of seats) {
    if (draft.broken) {
      log.error(`seat ${onsCode} left out: one or more of its candidate rows has errors`, draft.firstLine, C.onsCode);
      rejected += 1;
      continue;
    }
    const seat = assembleSeat(onsCode, draft, log);
    if (seat === undefined) rejected += 1;
    else accepted.push(seat);
  }
  return opened.finish(accepted, rejected);
}

function assembleSeat(onsCode: string, draft: SeatDraft, log: IssueLog): SeatResult | undefined {
  const candidates = [...draft.candidates].sort((a, b) => b.votes - a.votes);
  const partyVotes: PartyVotes = {};
  for (const candidate of candidates) partyVotes[candidate.partyId] = (partyVotes[candidate.partyId] ?? 0) + candidate.votes;
  const validVotes = candidates.reduce((sum, c) => sum + c.votes, 0);
  const [first, second] = candidates;
  if (first !== undefined && second !== undefined && first.votes === second.votes) {
    log.warn(`seat ${onsCode}: tie for first place; the winner decided by lot is not in this file`, draft.firstLine);
  }
  // Revision 1: a results file is a complete declaration; later feed revisions supersede it.
  const checked = declaredSeatSchema.safeParse({ onsCode, state: 'declared', revision: 1, validVotes, partyVotes, candidates });
  if (!checked.success) {
    for (const issue of checked.error.issues) log.error(`seat ${onsCode}: ${issue.message}`, draft.firstLine);
    return undefined;
  }
  return checked.data;
}
