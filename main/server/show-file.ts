import { readFile, stat } from 'node:fs/promises';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { fail, type StraplineError } from '../engine/errors';
import { parseShow } from '../engine/show-check';
import { jsonBoundsProblem } from '../engine/json-bounds';
import { migrateShow } from '../engine/show-migrations';
import type { Show } from '../engine/show';
import type { TemplateTable } from '../engine/templates';

export const MAX_SHOW_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Where a JSON.parse failure is, as "line L, column C: what". Node's own
 * message often has no position, so a tolerant parser that reports offsets
 * (jsonc-parser, in strict mode) finds the first bad token.
 */
function jsonErrorPlace(text: string, message: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return message;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${printParseErrorCode(first.error)}`;
}

/** Reads, migrates from any earlier format version and checks a show file; `fromVersion` is the version it was written in. */
export async function readShowFile(file: string, templates: TemplateTable): Promise<{ show: Show; fromVersion: number } | { error: StraplineError }> {
  try {
    const info = await stat(file);
    if (info.size > MAX_SHOW_FILE_BYTES) {
      return { error: fail('INVALID_SHOW_FILE', `${file}: ${info.size} bytes is over the ${MAX_SHOW_FILE_BYTES}-byte limit`) };
    }
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { error: fail('INVALID_SHOW_FILE', `${file}: not valid JSON at ${jsonErrorPlace(text, (e as Error).message)}`) };
    }
    const tooBig = jsonBoundsProblem(raw);
    if (tooBig) return { error: fail('INVALID_SHOW_FILE', `${file}: ${tooBig}`) };
    const migrated = migrateShow(raw, file);
    if ('error' in migrated) return migrated;
    const parsed = parseShow(migrated.raw, templates, file);
    return 'error' in parsed ? parsed : { show: parsed.show, fromVersion: migrated.fromVersion };
  } catch (e) {
    return { error: fail('INVALID_SHOW_FILE', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`) };
  }
}
