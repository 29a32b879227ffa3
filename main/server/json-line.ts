/**
 * The line of a field in a JSON text, for error messages that say where to look
 * ("election.json, line 7, field seats.format"). Follows the path key by key through the
 * text; an index is skipped (arrays are rare in the files it serves). Undefined when a key
 * cannot be found, such as a field that is missing altogether.
 */
export function jsonFieldLine(text: string, path: readonly string[]): number | undefined {
  let from = 0;
  let found = -1;
  for (const key of path) {
    if (/^\d+$/.test(key)) continue;
    const at = text.indexOf(JSON.stringify(key), from);
    if (at < 0) return found < 0 ? undefined : lineAt(text, found);
    found = at;
    from = at + key.length + 2;
  }
  return found < 0 ? undefined : lineAt(text, found);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
