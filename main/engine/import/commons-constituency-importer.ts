/**
 * House of Commons Library constituency results (one row per seat), any election year.
 * The layout itemises only the main parties; a winner from outside them (Ind, Spk, TUV...)
 * is in `Of which other winner`, and a runner-up from outside them can be recovered exactly
 * from `Majority`. Both are itemised so winner and runner-up come out of the votes alone.
 */
import { commonsAbbreviation, OTHER_PARTY_ID, partyIdFor, type PartyId } from '../election/party-table';
import { rankSeat } from '../election/seat-ranking';
import { declaredSeatSchema, type SeatResult } from '../election/seat-result-schema';
import { declarationTimeCell, onsCodeCell, optionalWholeNumberCell, requiredTextCell, wholeNumberCell } from './cell-schemas';
import {
  CONSTITUENCY_HEADERS as H,
  REQUIRED_CONSTITUENCY_HEADERS,
  classifyConstituencyColumns,
  type ConstituencyColumns,
} from './commons-constituency-columns';
import { openCsvImport, RowReader } from './csv-table';
import type { ImportOptions, ImportOutcome } from './import-report';

export function importCommonsConstituencyResults(text: string, fileName: string, options: ImportOptions = {}): ImportOutcome<SeatResult> {
  const opened = openCsvImport<SeatResult>('commons-constituency', text, fileName, REQUIRED_CONSTITUENCY_HEADERS, options);
  if (!('table' in opened)) return opened;
  const { table, log } = opened;
  const columns = classifyConstituencyColumns(table);
  if (columns.parties.length === 0) {
    log.error('no party vote columns found (expected headers such as Con, Lab, LD)', 1);
    return opened.fatal();
  }
  const accepted: SeatResult[] = [];
  const firstLine = new Map<string, number>();
  let rejected = 0;
  for (const record of table.rows) {
    const row = new RowReader(table, record, log);
    const seat = readSeat(row, columns);
    if (seat !== undefined) {
      const seenOn = firstLine.get(seat.onsCode);
      if (seenOn !== undefined) row.fail(`seat ${seat.onsCode} already appears on line ${seenOn}`, H.onsCode);
      else firstLine.set(seat.onsCode, row.line);
    }
    if (seat !== undefined && row.ok) accepted.push(seat);
    else rejected += 1;
  }
  return opened.finish(accepted, rejected);
}

function readSeat(row: RowReader, columns: ConstituencyColumns): SeatResult | undefined {
  const onsCode = row.parse(H.onsCode, onsCodeCell);
  const electorate = row.parse(H.electorate, wholeNumberCell);
  const validVotes = row.parse(H.validVotes, wholeNumberCell);
  const invalidVotes = row.parse(H.invalidVotes, optionalWholeNumberCell);
  const majority = row.parse(H.majority, optionalWholeNumberCell);
  const declaredAt = row.parse(H.declarationTime, declarationTimeCell);
  const winnerLabel = row.parse(H.firstParty, requiredTextCell);
  const partyVotes: Record<PartyId, number> = {};
  for (const column of columns.parties) {
    const votes = row.parse(column.header, optionalWholeNumberCell) ?? 0;
    if (votes > 0) partyVotes[column.partyId] = (partyVotes[column.partyId] ?? 0) + votes;
  }
  let others = (columns.others === undefined ? undefined : row.parse(columns.others, optionalWholeNumberCell)) ?? 0;
  const otherWinner = row.parse(H.otherWinner, optionalWholeNumberCell) ?? 0;
  if (!row.ok || onsCode === undefined || validVotes === undefined || winnerLabel === undefined) return undefined;

  const itemised = new Set(columns.parties.map((c) => c.partyId));
  const winner = partyIdFor(winnerLabel);
  if (!itemised.has(winner)) {
    if (otherWinner <= 0 || otherWinner > others) {
      row.fail(
        `the winner (${winnerLabel}) has no column of its own, so its votes must be here and within "${columns.others ?? 'All other candidates'}"`,
        H.otherWinner,
      );
      return undefined;
    }
    partyVotes[winner] = otherWinner;
    others -= otherWinner;
  } else if (otherWinner > 0) {
    row.fail(`is ${otherWinner} but the winner (${winnerLabel}) has its own column`, H.otherWinner);
    return undefined;
  }
  const runnerLabel = row.text(H.secondParty) ?? '';
  const runner = runnerLabel === '' ? undefined : partyIdFor(runnerLabel);
  if (runner !== undefined && runner !== winner && !itemised.has(runner) && majority !== undefined) {
    const recovered = (partyVotes[winner] ?? 0) - majority;
    if (recovered < 0 || recovered > others) {
      row.fail(`majority ${majority} does not fit the winner's votes and the other candidates' total`, H.majority);
      return undefined;
    }
    partyVotes[runner] = recovered;
    others -= recovered;
  }
  if (others > 0) partyVotes[OTHER_PARTY_ID] = (partyVotes[OTHER_PARTY_ID] ?? 0) + others;

  const counted = {
    onsCode,
    state: 'declared' as const,
    // A results file is a complete declaration; later feed revisions supersede it.
    revision: 1,
    ...(declaredAt === undefined ? {} : { declaredAt }),
    electorate,
    validVotes,
    ...(invalidVotes === undefined ? {} : { invalidVotes }),
    partyVotes,
  };
  const [first, second] = rankSeat(counted);
  const tied = first !== undefined && second !== undefined && first.votes === second.votes;
  // A tie is settled by lot: only then does the declared winner need storing.
  const draft = tied ? { ...counted, winner } : counted;
  if (!tied && first?.partyId !== winner) {
    row.fail(`says ${winnerLabel} but the votes put ${first === undefined ? 'nobody' : commonsAbbreviation(first.partyId)} first`, H.firstParty);
  }
  const runnerVotes = runner === undefined ? undefined : partyVotes[runner];
  if (
    runner !== undefined &&
    runner !== winner &&
    runnerVotes !== undefined &&
    second !== undefined &&
    second.partyId !== runner &&
    second.votes !== runnerVotes
  ) {
    row.fail(`says ${runnerLabel} but the votes put ${commonsAbbreviation(second.partyId)} second`, H.secondParty);
  }
  if (majority !== undefined && first !== undefined && second !== undefined && first.votes - second.votes !== majority) {
    row.fail(`is ${majority} but the votes give ${first.votes - second.votes}`, H.majority);
  }
  const checked = declaredSeatSchema.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) row.fail(issue.message, issue.path[0] === 'partyVotes' ? H.validVotes : undefined);
    return undefined;
  }
  return checked.data;
}
