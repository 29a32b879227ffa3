/**
 * The project's own JSON files: results (`strapline-results`) and baselines
 * (`strapline-baseline`). The envelope is checked first, then each seat on its own, so a file
 * with one bad seat can still be applied partially when the caller asks for that.
 */
import { z } from 'zod';
import { baselineSeatSchema, type BaselineSeat } from '../election/baseline-schema';
import { seatResultSchema, type SeatResult } from '../election/seat-result-schema';
import { stripByteOrderMark } from './csv-parser';
import { finishImport, IssueLog, oversizeMessage, type ImportFormat, type ImportOptions, type ImportOutcome } from './import-report';

const buildEnvelope = (format: string) =>
  z.object({
    format: z.literal(format),
    version: z.literal(1),
    election: z.string().min(1),
    seats: z.array(z.unknown()),
  });

/** One schema per format, built once: zod compiles a schema on first use, which cost more than parsing a one-seat file. */
const envelopes = new Map<string, ReturnType<typeof buildEnvelope>>();
const envelope = (format: string) => envelopes.get(format) ?? envelopes.set(format, buildEnvelope(format)).get(format)!;

export function importStraplineResultsJson(text: string, fileName: string, options: ImportOptions = {}): ImportOutcome<SeatResult> {
  return importJsonSeats(text, fileName, options, 'strapline-json', 'strapline-results', seatResultSchema);
}

export function importStraplineBaselineJson(text: string, fileName: string, options: ImportOptions = {}): ImportOutcome<BaselineSeat> {
  return importJsonSeats(text, fileName, options, 'strapline-baseline-json', 'strapline-baseline', baselineSeatSchema);
}

function importJsonSeats<T extends { onsCode: string }>(
  text: string,
  fileName: string,
  options: ImportOptions,
  format: ImportFormat,
  fileFormat: string,
  seatSchema: z.ZodType<T>,
): ImportOutcome<T> {
  const log = new IssueLog(fileName);
  const fatal = () => finishImport<T>(log, { format, recordsRead: 0, accepted: [], rejected: 0, fatal: true }, options);
  const oversize = oversizeMessage(text, options);
  if (oversize !== undefined) {
    log.error(oversize);
    return fatal();
  }
  const body = stripByteOrderMark(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`not valid JSON: ${message}`, jsonErrorLine(body, message));
    return fatal();
  }
  const file = envelope(fileFormat).safeParse(parsed);
  if (!file.success) {
    for (const issue of file.error.issues) log.error(issue.message, undefined, jsonPath(issue.path));
    return fatal();
  }
  const accepted: T[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  file.data.seats.forEach((raw, index) => {
    const seat = seatSchema.safeParse(raw);
    if (!seat.success) {
      rejected += 1;
      for (const issue of seat.error.issues) log.error(issue.message, undefined, jsonPath(['seats', index, ...issue.path]));
      return;
    }
    if (seen.has(seat.data.onsCode)) {
      rejected += 1;
      log.error(`seat ${seat.data.onsCode} appears more than once`, undefined, jsonPath(['seats', index, 'onsCode']));
      return;
    }
    seen.add(seat.data.onsCode);
    accepted.push(seat.data);
  });
  return finishImport(log, { format, recordsRead: file.data.seats.length, accepted, rejected, fatal: false }, options);
}

/** `seats[3].partyVotes.lab`: where in the document the problem is. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out === '' ? '' : '.'}${String(key)}`), '');
}

/** V8 reports `... at position 123` (and newer versions `(line 4 column 2)`); turn it into a line. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line?.[1] !== undefined) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] === undefined) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}
