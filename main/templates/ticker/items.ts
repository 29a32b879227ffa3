// Its own module because both halves need it: the schema (to check the items) and the binding (to draw them), and the
// schema imports the binding for its resolve, so the binding importing the schema at run time would close a cycle.

/** One item a line; blank lines are dropped. */
export function splitItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
