import { readFile, stat } from 'node:fs/promises';
import { fail, type StraplineError } from '../engine/errors';
import { parseShow } from '../engine/show-check';
import type { Show } from '../engine/show';
import type { TemplateTable } from '../engine/templates';

export const MAX_SHOW_FILE_BYTES = 50 * 1024 * 1024;

/** Where a JSON.parse failure is, as "line L, column C". */
function jsonErrorPlace(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  // V8 gives no position for "Unexpected token" and "Unexpected end" errors: find it ourselves.
  const offset = at ? Number(at[1]) : jsonErrorOffset(text);
  if (offset === null) return message;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '');
  return `line ${line}, column ${column}: ${reason}`;
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first character that breaks the JSON grammar, or null if none does. */
function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const stop = new Error('stop');
  const fail = (): never => {
    throw stop;
  };
  const space = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i += 1;
  };
  const take = (ch: string) => (text[i] === ch ? (i += 1) : fail());
  const string = () => {
    take('"');
    for (let c = text[i]; c !== '"'; c = text[i]) {
      if (c === undefined || c < ' ') fail();
      if (c === '\\') {
        i += 1;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i += 1;
    }
    i += 1;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      space();
      if (text[i] === close) return void (i += 1);
      for (;;) {
        if (c === '{') {
          space();
          string();
          space();
          take(':');
        }
        value();
        space();
        if (text[i] !== ',') return void take(close);
        i += 1;
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) if (c === word[0]) return void [...word].forEach(take);
    JSON_NUMBER.lastIndex = i;
    if (!JSON_NUMBER.test(text)) fail();
    i = JSON_NUMBER.lastIndex;
  };
  try {
    value();
    space();
    return i < text.length ? i : null;
  } catch (e) {
    // A stack overflow on absurd nesting just means no place to report.
    return e === stop ? i : null;
  }
}

/** Reads and checks a show file; an unreadable or invalid one is refused whole. */
export async function readShowFile(file: string, templates: TemplateTable): Promise<{ show: Show } | { error: StraplineError }> {
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
    return parseShow(raw, templates, file);
  } catch (e) {
    return { error: fail('INVALID_SHOW_FILE', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`) };
  }
}
