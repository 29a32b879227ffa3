/**
 * Notional results (the previous election re-cast onto new boundaries), in the long layout
 * the Commons Library republishes: one row per seat and party, `Vote column` naming the party.
 * Traps handled here: `TOTOTHV`/`MAXOTHV` rows are aggregates, not candidates; the Speaker's
 * row is `Commons Speaker`; five Scottish codes changed; some names are mis-decoded.
 */
import { knownPartyIdFor, partyIdFor, type PartyId } from '../election/party-table';
import { baselineSeatSchema, type BaselineSeat } from '../election/baseline-schema';
import { onsCodeCell, optionalWholeNumberCell, requiredTextCell, wholeNumberCell } from './cell-schemas';
import { openCsvImport, RowReader } from './csv-table';
import type { ImportOptions, ImportOutcome, IssueLog } from './import-report';
import { NOTIONAL_TO_2024_ONS_CODES } from './ons-recodes';
import { repairMacRomanMojibake } from './text-repair';

const N = {
  name: 'Boundary commission name',
  paName: 'PA name',
  onsCode: 'ONS ID',
  paNumber: 'PA number',
  electorate: 'Electorate',
  validVotes: 'Valid votes',
  majority: 'Majority',
  voteColumn: 'Vote column',
  votes: 'Votes',
  partyAbbreviation: 'Party abbreviation',
} as const;

const AGGREGATE_VOTE_COLUMNS = new Set(['TOTOTHV', 'MAXOTHV']);

export interface NotionalImportOptions extends ImportOptions {
  /** Source code to current code; defaults to the five 2024 Scottish recodes. */
  readonly recodes?: ReadonlyMap<string, string>;
}

interface SeatDraft {
  readonly line: number;
  readonly seat: Omit<BaselineSeat, 'winner' | 'partyVotes'>;
  readonly rows: { partyId: PartyId; votes: number }[];
  broken: boolean;
}

export function importNotionalResults(text: string, fileName: string, options: NotionalImportOptions = {}): ImportOutcome<BaselineSeat> {
  const opened = openCsvImport<BaselineSeat>('notional', text, fileName, [N.onsCode, N.voteColumn, N.votes, N.validVotes], options);
  if (!('table' in opened)) return opened;
  const { table, log } = opened;
  const recodes = options.recodes ?? NOTIONAL_TO_2024_ONS_CODES;
  const drafts = new Map<string, SeatDraft>();
  let unattributed = 0;
  for (const record of table.rows) {
    const row = new RowReader(table, record, log);
    const sourceCode = row.parse(N.onsCode, onsCodeCell);
    const voteColumn = row.parse(N.voteColumn, requiredTextCell);
    const votes = row.parse(N.votes, wholeNumberCell);
    const validVotes = row.parse(N.validVotes, wholeNumberCell);
    const electorate = row.parse(N.electorate, optionalWholeNumberCell);
    const majority = row.parse(N.majority, optionalWholeNumberCell);
    const paNumber = row.parse(N.paNumber, optionalWholeNumberCell);
    if (sourceCode === undefined) {
      unattributed += 1;
      continue;
    }
    const onsCode = recodes.get(sourceCode) ?? sourceCode;
    let draft = drafts.get(onsCode);
    if (draft === undefined) {
      const name = repairName(row, N.name);
      const paName = repairName(row, N.paName);
      const seat = {
        onsCode,
        validVotes: validVotes ?? 0,
        ...(onsCode === sourceCode ? {} : { sourceOnsCode: sourceCode }),
        ...(name === undefined ? {} : { name }),
        ...(paName === undefined ? {} : { paName }),
        ...(paNumber === undefined ? {} : { paNumber }),
        ...(electorate === undefined ? {} : { electorate }),
        ...(majority === undefined ? {} : { majority }),
      };
      draft = { line: row.line, seat, rows: [], broken: false };
      drafts.set(onsCode, draft);
      if (onsCode !== sourceCode) row.warn(`ONS code ${sourceCode} read as its 2024 code ${onsCode}`, N.onsCode);
    } else if (validVotes !== undefined && validVotes !== draft.seat.validVotes) {
      row.fail(`is ${validVotes} but line ${draft.line} gives ${draft.seat.validVotes} for the same seat`, N.validVotes);
    }
    if (!row.ok || voteColumn === undefined || votes === undefined) {
      draft.broken = true;
      continue;
    }
    if (AGGREGATE_VOTE_COLUMNS.has(voteColumn.toUpperCase())) continue;
    draft.rows.push({ partyId: notionalPartyId(voteColumn, row.text(N.partyAbbreviation) ?? ''), votes });
  }
  const accepted: BaselineSeat[] = [];
  let rejected = unattributed;
  for (const draft of drafts.values()) {
    const seat = draft.broken ? undefined : assembleSeat(draft, log);
    if (draft.broken) log.error(`seat ${draft.seat.onsCode} left out: one or more of its rows has errors`, draft.line, N.onsCode);
    if (seat === undefined) rejected += 1;
    else accepted.push(seat);
  }
  return opened.finish(accepted, rejected);
}

/** `CONV`, `Commons Speaker`, `IND2V` are known; others fall back to the published abbreviation. */
function notionalPartyId(voteColumn: string, abbreviation: string): PartyId {
  const known = knownPartyIdFor(voteColumn);
  if (known !== undefined) return known;
  const usable = abbreviation !== '' && abbreviation.toUpperCase() !== 'NA';
  return partyIdFor(usable ? abbreviation : voteColumn.replace(/V$/i, ''));
}

function repairName(row: RowReader, header: string): string | undefined {
  const raw = row.text(header);
  if (raw === undefined || raw === '') return undefined;
  const repaired = repairMacRomanMojibake(raw);
  if (repaired !== raw) row.warn(`mis-decoded text ${JSON.stringify(raw)} read as ${JSON.stringify(repaired)}`, header);
  return repaired;
}

function assembleSeat(draft: SeatDraft, log: IssueLog): BaselineSeat | undefined {
  // Winner and majority from single rows: partyVotes sums independents under one id.
  const ranked = [...draft.rows].sort((a, b) => b.votes - a.votes);
  const [first, second] = ranked;
  const where = `seat ${draft.seat.onsCode}`;
  if (first === undefined) {
    log.error(`${where} has no candidate rows`, draft.line);
    return undefined;
  }
  const majority = first.votes - (second?.votes ?? 0);
  if (draft.seat.majority !== undefined && draft.seat.majority !== majority) {
    log.error(`${where}: Majority is ${draft.seat.majority} but the votes give ${majority}`, draft.line, N.majority);
    return undefined;
  }
  const partyVotes: Record<PartyId, number> = {};
  for (const row of ranked) partyVotes[row.partyId] = (partyVotes[row.partyId] ?? 0) + row.votes;
  const checked = baselineSeatSchema.safeParse({ ...draft.seat, winner: first.partyId, majority, partyVotes });
  if (!checked.success) {
    for (const issue of checked.error.issues) log.error(`${where}: ${issue.message}`, draft.line, N.validVotes);
    return undefined;
  }
  return checked.data;
}
