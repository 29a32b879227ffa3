/**
 * PA Media's election XML as seats: one message a file (pa-xml-messages.ts). PA numbers its
 * seats its own way, so each joins to an ONS code through the election's `PA number` column
 * (the notional file's, carried in the constituencies); PA's party abbreviations (`C`,
 * `Alliance`) map through the one party table. A result becomes a declared seat with its
 * candidates, a rush a `rush` seat (the winner, no figures: the engine counts it as decided
 * and draws its winner, the figures following with the full result), a recount a `recount`
 * seat (no winner shown until it ends). A state-of-parties file changes no seat: it comes
 * back as `stateOfParties`, for the server to hold beside Strapline's own count.
 */
import { knownPartyIdFor, partyIdFor, type PartyId } from '../election/party-table';
import { rankSeat } from '../election/seat-ranking';
import { declaredSeatSchema, type SeatResult } from '../election/seat-result-schema';
import { finishImport, IssueLog, oversizeMessage, type ImportOptions, type ImportOutcome } from './import-report';
import { lineAtPath, readPaMessage, type PaCandidate, type PaMessage } from './pa-xml-messages';

/** The feed's running totals, by our party ids, as a state-of-parties file gave them. */
export interface PaStateOfParties {
  readonly election: string;
  readonly revision: number;
  readonly seats: Readonly<Record<PartyId, number>>;
  readonly gains: Readonly<Record<PartyId, number>>;
  readonly losses: Readonly<Record<PartyId, number>>;
}

export type PaImportOutcome = ImportOutcome<SeatResult> & { readonly stateOfParties?: PaStateOfParties };

export function importPaXml(text: string, fileName: string, options: ImportOptions = {}): PaImportOutcome {
  const log = new IssueLog(fileName);
  const fatal = () => finishImport(log, { format: 'pa-xml', recordsRead: 0, accepted: [], rejected: 0, fatal: true }, options);
  const oversize = oversizeMessage(text, options);
  if (oversize !== undefined) return (log.error(oversize), fatal());
  const read = readPaMessage(text.replace(/^\uFEFF/, ''), fileName);
  if ('problem' in read) return (log.error(read.problem.message, read.problem.line), fatal());
  const { message } = read;
  if (message.kind === 'state-of-parties') {
    const stateOfParties = readStateOfParties(message, text, log);
    const outcome = finishImport(log, { format: 'pa-xml', recordsRead: 1, accepted: [], rejected: 0, fatal: false }, options);
    return {
      ...outcome,
      report: { ...outcome.report, summary: `${fileName}: PA state of parties (revision ${message.revision}); no seat changed` },
      stateOfParties,
    };
  }
  const seat = readSeat(message, text, log, options.paNumbers);
  return finishImport(log, { format: 'pa-xml', recordsRead: 1, accepted: seat ? [seat] : [], rejected: seat ? 0 : 1, fatal: false }, options);
}

/** A PA label as our party id: the abbreviation first, then the name; else a party of its own, said in a warning. */
function partyOf(party: { name: string; abbreviation: string }, log: IssueLog, line: number): PartyId {
  const known = knownPartyIdFor(party.abbreviation) ?? knownPartyIdFor(party.name);
  if (known !== undefined) return known;
  log.warn(
    `party abbreviation "${party.abbreviation}" (${party.name}) is not in the party table: counted as a party of its own, in the neutral grey`,
    line,
    'abbreviation',
  );
  return partyIdFor(party.name);
}

function readSeat(
  message: Exclude<PaMessage, { kind: 'state-of-parties' }>,
  xml: string,
  log: IssueLog,
  paNumbers: ReadonlyMap<number, string> | undefined,
): SeatResult | undefined {
  const root = message.kind === 'result' ? 'FirstPastThePostResult' : message.kind === 'rush' ? 'FirstPastThePostRush' : 'FirstPastThePostRecount';
  const seatLine = lineAtPath(xml, root, ['Election', 0, 'Constituency', 0]);
  const onsCode = paNumbers?.get(message.seat.number);
  if (onsCode === undefined) {
    const why =
      paNumbers === undefined || paNumbers.size === 0
        ? 'the loaded election has no PA numbers (its seats file needs a paNumber for each seat)'
        : 'no seat of the loaded election has that PA number';
    log.error(`PA number ${message.seat.number} (${message.seat.name}): ${why}`, seatLine, 'number');
    return undefined;
  }
  const base = { onsCode, revision: message.revision };
  if (message.kind === 'recount') return { ...base, state: 'recount' };
  const { seat } = message;
  const declaredAt = seat.declarationTime === undefined ? {} : { declaredAt: seat.declarationTime };
  const winner = partyOf({ name: seat.winningParty, abbreviation: seat.winningParty }, log, seatLine);
  if (message.kind === 'rush') return { ...base, state: 'rush', winner, ...declaredAt };
  return readDeclared(message.seat, { ...base, ...declaredAt }, winner, { xml, log, seatLine });
}

type ResultSeat = Extract<PaMessage, { kind: 'result' }>['seat'];

function readDeclared(
  seat: ResultSeat,
  base: { onsCode: string; revision: number; declaredAt?: string },
  winner: PartyId,
  at: { xml: string; log: IssueLog; seatLine: number },
): SeatResult | undefined {
  const { log, seatLine } = at;
  const partyVotes: Record<PartyId, number> = {};
  const candidates = seat.Candidate.map((c: PaCandidate, i) => {
    const line = lineAtPath(at.xml, 'FirstPastThePostResult', ['Election', 0, 'Constituency', 0, 'Candidate', i, 'Party', 0]);
    const party = c.Party[0]!;
    const partyId = partyOf(party, log, line);
    partyVotes[partyId] = (partyVotes[partyId] ?? 0) + c.votes;
    return { name: [c.firstName, c.surname].filter((n) => n !== '').join(' '), partyId, partyName: party.name, votes: c.votes, elected: c.elected };
  });
  const elected = candidates.filter((c) => c.elected);
  if (elected.length !== 1) log.error(`${elected.length} candidates are marked elected; a result has exactly one`, seatLine, 'elected');
  else if (elected[0]!.partyId !== winner)
    log.error(`winningParty is ${seat.winningParty} but the elected candidate stands for ${elected[0]!.partyName}`, seatLine, 'winningParty');
  const validVotes = candidates.reduce((sum, c) => sum + c.votes, 0);
  const counted = {
    ...base,
    state: 'declared' as const,
    electorate: seat.electorate,
    validVotes,
    partyVotes,
    candidates: candidates.map(({ elected: _e, ...c }) => c),
  };
  const [first, second] = rankSeat(counted);
  const tied = first !== undefined && second !== undefined && first.votes === second.votes;
  if (!tied && first !== undefined && first.partyId !== winner)
    log.error(`winningParty is ${seat.winningParty} but the votes put another party first`, seatLine, 'winningParty');
  if (first !== undefined && second !== undefined && first.votes - second.votes !== seat.majority)
    log.error(`majority is ${seat.majority} but the votes give ${first.votes - second.votes}`, seatLine, 'majority');
  const checked = declaredSeatSchema.safeParse(tied ? { ...counted, winner } : counted);
  if (!checked.success) for (const issue of checked.error.issues) log.error(issue.message, seatLine, String(issue.path[0] ?? ''));
  return checked.success && log.errorCount === 0 ? checked.data : undefined;
}

function readStateOfParties(message: Extract<PaMessage, { kind: 'state-of-parties' }>, xml: string, log: IssueLog): PaStateOfParties {
  const seats: Record<PartyId, number> = {};
  const gains: Record<PartyId, number> = {};
  const losses: Record<PartyId, number> = {};
  message.parties.forEach((p, i) => {
    const id = partyOf(p, log, lineAtPath(xml, 'FirstPastThePostStateOfParties', ['Parties', 0, 'Party', i]));
    seats[id] = (seats[id] ?? 0) + p.totalSeats;
    gains[id] = (gains[id] ?? 0) + p.gains;
    losses[id] = (losses[id] ?? 0) + p.losses;
  });
  return { election: message.election, revision: message.revision, seats, gains, losses };
}
