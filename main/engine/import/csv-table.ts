/**
 * A parsed CSV with its header resolved, so importers read columns by header name (files from
 * other years and spreadsheets reorder, add and drop columns) and every error can name the
 * column as the file spells it.
 */
import type { z } from 'zod';
import { parseCsv, type CsvRecord } from './csv-parser';
import { finishImport, IssueLog, oversizeMessage, type ImportFormat, type ImportOptions, type ImportOutcome } from './import-report';

/** Header names compare ignoring case, surrounding spaces and repeated inner spaces. */
export function foldHeader(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface CsvTable {
  /** Header names as written in the file, trimmed. */
  readonly headers: readonly string[];
  readonly rows: readonly CsvRecord[];
  readonly has: (header: string) => boolean;
}

/**
 * Parses the text and checks the header. Returns undefined when the file cannot be read at all
 * (no header, a required header missing, a duplicated header, an unclosed quote); the reasons
 * are in the log. Row-level syntax errors are logged and those rows left out.
 */
/** Opens a CSV import: the size cap first, then the header. Undefined means nothing can be read. */
export function openCsvTable(text: string, log: IssueLog, requiredHeaders: readonly string[], options: ImportOptions): CsvTable | undefined {
  const oversize = oversizeMessage(text, options);
  if (oversize !== undefined) {
    log.error(oversize);
    return undefined;
  }
  const parsed = parseCsv(text);
  for (const problem of parsed.errors) log.error(`CSV syntax: ${problem.message}`, problem.line);
  const [headerRecord, ...rows] = parsed.records;
  if (headerRecord === undefined) {
    log.error('the file is empty: expected a header row');
    return undefined;
  }
  const headers = headerRecord.fields.map((h) => h.trim().replace(/\s+/g, ' '));
  const positions = new Map<string, number>();
  let usable = parsed.complete;
  headers.forEach((header, index) => {
    if (header === '') return;
    const key = foldHeader(header);
    if (positions.has(key)) {
      log.error(`column "${header}" appears twice in the header`, headerRecord.line, header);
      usable = false;
    }
    positions.set(key, index);
  });
  for (const required of requiredHeaders) {
    if (!positions.has(foldHeader(required))) {
      log.error(`required column "${required}" is missing from the header`, headerRecord.line, required);
      usable = false;
    }
  }
  if (!usable) return undefined;
  return { headers, rows, has: (header) => positions.has(foldHeader(header)) };
}

/** One data row, read by header name; counts its own errors so the importer can reject it. */
export class RowReader {
  private errorCount = 0;
  private readonly byHeader: Map<string, string>;

  constructor(
    table: CsvTable,
    readonly record: CsvRecord,
    private readonly log: IssueLog,
  ) {
    this.byHeader = new Map();
    table.headers.forEach((header, index) => {
      if (header !== '') this.byHeader.set(foldHeader(header), record.fields[index] ?? '');
    });
    const extra = record.fields.slice(table.headers.length).filter((field) => field.trim() !== '');
    // Trailing empty fields are a spreadsheet habit, not an error.
    if (record.fields.length < table.headers.length || extra.length > 0) {
      this.fail(`row has ${record.fields.length} fields but the header has ${table.headers.length}`);
    }
  }

  get line(): number {
    return this.record.line;
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }

  /** Trimmed text of a column; undefined when the file has no such column. */
  text(header: string): string | undefined {
    return this.byHeader.get(foldHeader(header))?.trim();
  }

  /** Narrows a cell with a zod schema; on failure logs "column: what was wrong" and returns undefined. */
  parse<T>(header: string, schema: z.ZodType<T, string>): T | undefined {
    const raw = this.byHeader.get(foldHeader(header));
    if (raw === undefined) return undefined;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    this.fail(result.error.issues.map((issue) => issue.message).join('; '), header);
    return undefined;
  }

  fail(message: string, header?: string): void {
    this.errorCount += 1;
    this.log.error(message, this.record.line, header);
  }

  warn(message: string, header?: string): void {
    this.log.warn(message, this.record.line, header);
  }
}

/** A CSV import whose file could be read: its table and log, and how it ends. */
export interface CsvImport<T> {
  readonly table: CsvTable;
  readonly log: IssueLog;
  /** A problem with the whole file found past the header (no party columns): nothing applies. */
  readonly fatal: () => ImportOutcome<T>;
  readonly finish: (accepted: readonly T[], rejected: number) => ImportOutcome<T>;
}

/**
 * The opening every CSV importer shares: a log named for the file, the size cap, the parse
 * and the header check. Either the import to read rows from, or, when the file cannot be read
 * at all, its outcome (nothing applied, the reasons in the report).
 */
export function openCsvImport<T>(
  format: ImportFormat,
  text: string,
  fileName: string,
  requiredHeaders: readonly string[],
  options: ImportOptions,
): CsvImport<T> | ImportOutcome<T> {
  const log = new IssueLog(fileName);
  const end = (recordsRead: number, accepted: readonly T[], rejected: number, fatal: boolean) =>
    finishImport(log, { format, recordsRead, accepted, rejected, fatal }, options);
  const table = openCsvTable(text, log, requiredHeaders, options);
  if (table === undefined) return end(0, [], 0, true);
  return {
    table,
    log,
    fatal: () => end(table.rows.length, [], 0, true),
    finish: (accepted, rejected) => end(table.rows.length, accepted, rejected, false),
  };
}
