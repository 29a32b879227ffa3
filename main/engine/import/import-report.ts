/**
 * What every importer returns: the seats the caller may apply and a report a person can act
 * on. The rule is all-or-nothing unless the caller opts in to partial apply, because a half
 * applied results file on air is worse than a rejected one.
 */

export type ImportFormat = 'commons-constituency' | 'commons-candidate' | 'notional' | 'strapline-json' | 'strapline-baseline-json' | 'pa-xml';

export interface ImportIssue {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); absent for whole-file problems. */
  readonly line?: number;
  /** The column's header name as written in the file (or a JSON path). */
  readonly column?: string;
  readonly message: string;
}

export interface ImportOptions {
  /** Apply the valid seats of a file that has errors. Default false: apply nothing. */
  readonly applyValidRows?: boolean;
  /** Refuse larger inputs before parsing. Default 20 MiB. */
  readonly maxBytes?: number;
  /** PA number to ONS code, from the loaded election's seats: how a PA feed file names its seat (pa-xml only). */
  readonly paNumbers?: ReadonlyMap<number, string>;
}

export type AppliedScope = 'all' | 'valid-rows' | 'nothing';

export interface ImportReport {
  readonly file: string;
  readonly format: ImportFormat;
  /** Data records read (CSV data rows, or seats in a JSON file). */
  readonly recordsRead: number;
  /** Seats that passed every check (applied only if `applied` says so). */
  readonly seatsValid: number;
  readonly seatsRejected: number;
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
  readonly applied: AppliedScope;
  readonly summary: string;
}

export interface ImportOutcome<T> {
  /** What the caller may apply: empty unless `report.applied` is not `nothing`. */
  readonly rows: readonly T[];
  readonly report: ImportReport;
}

export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** `file, line 12, column "Lab": "12x" is not a whole number`, for logs and alerts. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.line === undefined ? undefined : `line ${issue.line}`, issue.column === undefined ? undefined : `column "${issue.column}"`];
  return `${where.filter((part) => part !== undefined).join(', ')}: ${issue.message}`;
}

/** UTF-8 size without allocating a copy of a possibly huge string. */
export function utf8ByteLength(text: string): number {
  // Every UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 units).
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 1;
      i++;
    }
  }
  return bytes;
}

/** A garbage file could otherwise produce a million issues; past this many we only count. */
export const MAX_LISTED_ISSUES = 500;

/** Collects issues with the file name filled in, so importers only say what and where. */
export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  constructor(readonly file: string) {}

  error(message: string, line?: number, column?: string): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(issue(this.file, message, line, column));
  }

  warn(message: string, line?: number, column?: string): void {
    this.warningCount += 1;
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(issue(this.file, message, line, column));
  }

  /** The listed issues, plus one line saying how many were not listed. */
  listed(kind: 'errors' | 'warnings'): ImportIssue[] {
    const list = this[kind];
    const unlisted = (kind === 'errors' ? this.errorCount : this.warningCount) - list.length;
    return unlisted > 0 ? [...list, issue(this.file, `and ${unlisted} more ${kind} not listed`, undefined, undefined)] : list;
  }
}

function issue(file: string, message: string, line: number | undefined, column: string | undefined): ImportIssue {
  return { file, message, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) };
}

/** The size check every importer runs first; returns an error message or undefined. */
export function oversizeMessage(text: string, options: ImportOptions): string | undefined {
  const max = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  // UTF-8 bytes >= UTF-16 units, and <= 3 per unit: skip the exact count when it cannot matter.
  if (text.length * 3 <= max) return undefined;
  if (text.length > max) return `file is too large to import: at least ${text.length} bytes, the limit is ${max} bytes`;
  const bytes = utf8ByteLength(text);
  return bytes > max ? `file is too large to import: ${bytes} bytes, the limit is ${max} bytes` : undefined;
}

export interface ImportTally<T> {
  readonly format: ImportFormat;
  readonly recordsRead: number;
  readonly accepted: readonly T[];
  readonly rejected: number;
  /** A problem with the whole file (size, header, syntax): nothing can be applied. */
  readonly fatal: boolean;
}

/** Applies the all-or-nothing rule and writes the one-line summary an operator reads. */
export function finishImport<T>(log: IssueLog, tally: ImportTally<T>, options: ImportOptions): ImportOutcome<T> {
  const hasErrors = log.errorCount > 0;
  const applied: AppliedScope = tally.fatal ? 'nothing' : !hasErrors ? 'all' : options.applyValidRows === true ? 'valid-rows' : 'nothing';
  const seats = `${tally.accepted.length} seat${tally.accepted.length === 1 ? '' : 's'}`;
  const errors = `${log.errorCount} error${log.errorCount === 1 ? '' : 's'}`;
  const summary =
    applied === 'all'
      ? `${log.file}: ${seats} ready to apply`
      : applied === 'valid-rows'
        ? `${log.file}: ${errors}; applying the ${seats} without errors, ${tally.rejected} rejected`
        : tally.fatal
          ? `${log.file}: ${errors}; nothing applied (the file cannot be read as ${tally.format})`
          : `${log.file}: ${errors}; nothing applied (${seats} valid, ${tally.rejected} rejected; ` +
            'fix the file, or import with applyValidRows to apply the valid seats)';
  return {
    rows: applied === 'nothing' ? [] : tally.accepted,
    report: {
      file: log.file,
      format: tally.format,
      recordsRead: tally.recordsRead,
      seatsValid: tally.accepted.length,
      seatsRejected: tally.rejected,
      errors: log.listed('errors'),
      warnings: log.listed('warnings'),
      applied,
      summary,
    },
  };
}
