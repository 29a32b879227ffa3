/**
 * One bound on the shape of every JSON value that comes in (HTTP bodies,
 * WebSocket messages, IPC, commands from files and imports), checked before
 * any schema sees it. V8 parses deep JSON without complaint, but serialising
 * it again (a snapshot, session.json, a structured clone) recurses and throws
 * RangeError: a value 20,000 levels deep once killed the server a microtask
 * after it was accepted. Nothing Strapline reads nests past about 10 levels
 * (a show: stacks, cues, fields, a ticker's items), and no list is longer
 * than a stack's 10,000 cues.
 */
export const MAX_JSON_DEPTH = 32;
/** Keys of one object, or items of one array. */
export const MAX_JSON_ITEMS = 10_000;

interface Pending {
  value: unknown;
  depth: number;
  key: string;
  parent: Pending | null;
}

/** Where a value sits, as `seats[3].partyVotes.lab`; long paths keep their start, which says the most. */
function placeOf(node: Pending): string {
  const keys: string[] = [];
  for (let n: Pending | null = node; n?.parent; n = n.parent) keys.push(n.key);
  keys.reverse();
  const shown = keys.slice(0, 8).map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k.length > 24 ? `${k.slice(0, 24)}…` : k}`));
  const path = shown.join('').replace(/^\./, '') + (keys.length > 8 ? `… (${keys.length} levels)` : '');
  return path === '' ? '(root)' : path;
}

/**
 * Null when the value is within the bound, else what was wrong and where.
 * Iterative, so a value of any depth (or a cycle, which an IPC structured
 * clone can carry) is measured without recursing.
 */
export function jsonBoundsProblem(value: unknown): string | null {
  const stack: Pending[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.value === null || typeof node.value !== 'object') continue;
    if (node.depth >= MAX_JSON_DEPTH) return `${placeOf(node)}: nested deeper than ${MAX_JSON_DEPTH} levels`;
    const isArray = Array.isArray(node.value);
    const keys = isArray ? null : Object.keys(node.value);
    const count = isArray ? (node.value as unknown[]).length : keys!.length;
    if (count > MAX_JSON_ITEMS) {
      return `${placeOf(node)}: ${count} ${isArray ? 'items' : 'keys'} is over the ${MAX_JSON_ITEMS} allowed in one ${isArray ? 'list' : 'object'}`;
    }
    if (isArray) {
      const items = node.value as unknown[];
      for (let i = items.length - 1; i >= 0; i -= 1) stack.push({ value: items[i], depth: node.depth + 1, key: String(i), parent: node });
    } else {
      const record = node.value as Record<string, unknown>;
      for (let i = keys!.length - 1; i >= 0; i -= 1) stack.push({ value: record[keys![i]!], depth: node.depth + 1, key: keys![i]!, parent: node });
    }
  }
  return null;
}
