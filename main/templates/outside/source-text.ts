import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * Reading the text of an outside template's files: every problem names the
 * file and the line (and column) it is at, as the registry lists it and the
 * operator reads it in the palette.
 */

/** Line and column (from 1) of an offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function problemAt(file: string, text: string, offset: number, message: string): string {
  const { line, column } = lineColumnAt(text, offset);
  return `${file}:${line}:${column}: ${message}`;
}

/** Strict JSON (no comments, no trailing commas, as the specifications ask), or where it first fails. */
export function parseJsonText(file: string, text: string): { value: unknown } | { problem: string } {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value: unknown = parse(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first) return { problem: problemAt(file, body, first.offset, `not valid JSON (${printParseErrorCode(first.error)})`) };
  return { value };
}
