/**
 * A small RFC 4180 parser that remembers where each record starts, so an import error can
 * name the line a person sees in a text editor. Lenient where spreadsheets are sloppy
 * (LF or CRLF, spaces around a quoted field, trailing empty fields, blank lines); strict
 * where guessing would corrupt data (text after a closing quote, an unterminated quote).
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvSyntaxError {
  readonly line: number;
  readonly message: string;
}

export interface ParsedCsv {
  readonly records: readonly CsvRecord[];
  readonly errors: readonly CsvSyntaxError[];
  /** False when an unclosed quote swallowed the rest of the file. */
  readonly complete: boolean;
}

export const BYTE_ORDER_MARK = '\uFEFF';

export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

export function parseCsv(input: string): ParsedCsv {
  const text = stripByteOrderMark(input);
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let recordBroken = false;
    for (;;) {
      // One field. Leading spaces before an opening quote are tolerated.
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      let value = '';
      if (text[j] === '"') {
        j++;
        let closed = false;
        while (j < n) {
          const ch = text[j];
          if (ch === '"') {
            if (text[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          if (ch === '\n') line++;
          value += ch;
          j++;
        }
        if (!closed) {
          errors.push({ line: recordLine, message: 'a quoted field is never closed' });
          return { records, errors, complete: false };
        }
        while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j < n && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') {
          const start = j;
          while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
          errors.push({ line, message: `unexpected text after a closing quote: ${JSON.stringify(text.slice(start, Math.min(j, start + 20)))}` });
          recordBroken = true;
        }
      } else {
        const start = i;
        while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        value = text.slice(start, j);
      }
      fields.push(value);
      i = j;
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      // End of record: CRLF, LF, a lone CR, or end of input.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    const blank = fields.length === 1 && fields[0]?.trim() === '';
    if (!blank && !recordBroken) records.push({ line: recordLine, fields });
  }
  return { records, errors, complete: true };
}
