/**
 * What the drop folder does with files once they have settled: read each as a results file
 * (the importers' rules and reports), then apply every seat from the batch as one
 * `declare-results` command, so a burst of 650 files derives totals once, not 650 times.
 */
import type { Engine } from '../engine/engine';
import type { SeatResult } from '../engine/election';
import { detectImportFormat, importResults, type ImportIssue, type ImportOutcome, type PaStateOfParties } from '../engine/import';
import { judgeSeat, type SeatVerdict } from '../engine/results';
import { holdStateOfParties } from './pa-feed';
import { applyImport, asResultsFile } from './results-api';

/** `superseded`: a higher revision of the same seat arrived in the same batch and won. */
export type DropVerdict = SeatVerdict | 'superseded';

export interface DropFileReport {
  /** The file's name inside the drop folder. */
  readonly file: string;
  /** What became of each seat in the file; empty when the file was refused. */
  readonly seats: readonly { readonly onsCode: string; readonly verdict: DropVerdict }[];
  /** Why nothing from the file was applied, with line and column where the importer knows them. */
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
  readonly summary: string;
}

/**
 * Whether the folder is done with a file: nothing refused and every seat one the baseline
 * knows. Anything else stays in the folder, listed for the operator, to be fixed in place.
 */
export const wasTaken = (report: DropFileReport): boolean => report.errors.length === 0 && !report.seats.some((s) => s.verdict === 'unknown-seat');

/** The engine refuses larger commands; a bigger batch is split. */
const MAX_SEATS_PER_COMMAND = 2000;
const MAX_SOURCE_CHARS = 200;

/** A settled file's text as seats, or the importer's report of why not. */
export function readDropText(text: string, file: string, maxBytes: number, paNumbers: ReadonlyMap<number, string>): ImportOutcome<SeatResult> {
  if (text.replace(/^\uFEFF/, '').trim() === '') return refused(file, 'the file is empty: nothing to declare');
  // A bare seat object (as POST /api/results takes) is wrapped so it takes the same path; a
  // file that already says what it is skips the extra parse (a burst is 650 of them).
  const own = detectImportFormat(text);
  const wrapped = own === undefined ? asResultsFile(text) : text;
  const detected = own ?? detectImportFormat(wrapped);
  if (detected === 'strapline-json' || detected === 'commons-constituency') return importResults(wrapped, file, detected, { maxBytes });
  if (detected === 'pa-xml') return importResults(text, file, detected, { maxBytes, paNumbers });
  // Anything that looks like JSON goes to the JSON importer: it reports the syntax error's line.
  if (detected === undefined && /^\uFEFF?\s*[{[]/.test(text)) return importResults(wrapped, file, 'strapline-json', { maxBytes });
  const what = detected === undefined ? 'not a results file' : `a ${detected} file`;
  return refused(
    file,
    `${what}: the drop folder takes strapline-results JSON, a bare seat object, a House of Commons Library constituency results CSV or a PA Media XML file`,
  );
}

export function refused(file: string, message: string): ImportOutcome<SeatResult> {
  const summary = `${file}: ${message}; nothing applied`;
  const report = {
    file,
    format: 'strapline-json' as const,
    recordsRead: 0,
    seatsValid: 0,
    seatsRejected: 0,
    errors: [{ file, message }],
    warnings: [],
    applied: 'nothing' as const,
    summary,
  };
  return { rows: [], report };
}

/** Which of two versions of one seat the feed means: the higher revision, then a full result over a rush. */
function supersedes(a: SeatResult, b: SeatResult): boolean {
  if (a.revision !== b.revision) return a.revision > b.revision;
  return a.state === 'declared' && b.state !== 'declared';
}

/** `drop:a.json,b.json,+648 more`: as many names as fit the engine's limit on a source. */
function sourceFor(files: readonly string[]): string {
  const all = `drop:${files.join(',')}`;
  if (all.length <= MAX_SOURCE_CHARS) return all;
  const room = MAX_SOURCE_CHARS - `,+${files.length} more`.length;
  let source = 'drop:';
  let shown = 0;
  while (shown < files.length && source.length + 1 + files[shown]!.length <= room) source += `${shown ? ',' : ''}${files[shown++]}`;
  return `${source}${shown ? ',' : ''}+${files.length - shown} more`.slice(0, MAX_SOURCE_CHARS);
}

/** Applies the seats of every readable file in the batch; one report a file, never a throw. */
export function applyDropBatch(engine: Engine, files: readonly { file: string; outcome: ImportOutcome<SeatResult> }[]): DropFileReport[] {
  const verdicts = new Map<string, Map<string, DropVerdict>>(files.map((f) => [f.file, new Map()]));
  const latest = new Map<string, { file: string; seat: SeatResult }>();
  for (const { file, outcome } of files) {
    for (const seat of outcome.rows) {
      const held = latest.get(seat.onsCode);
      if (held && !supersedes(seat, held.seat)) {
        verdicts.get(file)!.set(seat.onsCode, 'superseded');
        continue;
      }
      if (held) verdicts.get(held.file)!.set(held.seat.onsCode, 'superseded');
      latest.set(seat.onsCode, { file, seat });
    }
  }
  const batch = [...latest.values()];
  const engineErrors = new Map<string, string>();
  for (let start = 0; start < batch.length; start += MAX_SEATS_PER_COMMAND) {
    const chunk = batch.slice(start, start + MAX_SEATS_PER_COMMAND);
    // Judged with the engine's own rule before dispatch: one seat each, so the verdicts are
    // exactly the engine's, where its detail lists only the first 50 refusals.
    const held = engine.resultsState();
    for (const { file, seat } of chunk) {
      verdicts.get(file)!.set(seat.onsCode, judgeSeat(held.seats.get(seat.onsCode), seat, held.baseline.seats.has(seat.onsCode)));
    }
    const names = [...new Set(chunk.map((c) => c.file))];
    const rows = chunk.map((c) => c.seat);
    const summary = `${names.length} dropped files: ${rows.length} seats`;
    const report = {
      ...files[0]!.outcome.report,
      file: sourceFor(names),
      recordsRead: rows.length,
      seatsValid: rows.length,
      seatsRejected: 0,
      errors: [],
      warnings: [],
      applied: 'all' as const,
      summary,
    };
    const result = applyImport(engine, { rows, report }, 'strapline-json');
    // All-unknown seats are refused as a whole; their verdicts already say why.
    if (result && !result.ok && result.error.code !== 'UNKNOWN_SEAT') for (const name of names) engineErrors.set(name, result.error.message);
  }
  // A PA state of parties changes no seat: it is held beside the engine's count, a higher revision winning.
  for (const { outcome } of files) {
    if ('stateOfParties' in outcome && outcome.report.errors.length === 0) holdStateOfParties(engine, outcome.stateOfParties as PaStateOfParties, Date.now());
  }
  return files.map(({ file, outcome }) => {
    const { errors, warnings } = outcome.report;
    const engineError = engineErrors.get(file);
    if (engineError !== undefined) {
      const message = `the engine refused the batch: ${engineError}`;
      return { file, seats: [], errors: [...errors, { file, message }], warnings, summary: `${file}: ${message}; nothing applied` };
    }
    if (errors.length > 0) return { file, seats: [], errors, warnings, summary: outcome.report.summary };
    const seats = [...verdicts.get(file)!].map(([onsCode, verdict]) => ({ onsCode, verdict }));
    return { file, seats, errors, warnings, summary: 'stateOfParties' in outcome ? outcome.report.summary : summarise(file, seats) };
  });
}

const VERDICT_WORDS: Record<DropVerdict, string> = {
  applied: 'applied',
  correction: 'held as a correction for the operator to accept',
  stale: 'stale (the engine holds a newer or equal revision)',
  unchanged: 'unchanged',
  'unknown-seat': 'not a seat in the baseline',
  superseded: 'superseded by a higher revision in the same batch',
};

function summarise(file: string, seats: readonly { verdict: DropVerdict }[]): string {
  const counts = new Map<DropVerdict, number>();
  for (const s of seats) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  const parts = [...counts].map(([verdict, n]) => `${n} seat${n === 1 ? '' : 's'} ${VERDICT_WORDS[verdict]}`);
  return `${file}: ${parts.join(', ') || 'no seats'}`;
}
