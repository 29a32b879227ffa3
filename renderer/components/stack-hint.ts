import { KEY_SYMBOLS, LIST_KEYS, type ActionId, type Keymap, type ListKey } from '../keymap';

/**
 * The key reminder under the cue list, built from the tables rather than
 * typed out: the list's fixed keys (LIST_KEYS) and, from the operator's own
 * keymap, the keys that select, take and open the sheet. Rebind Take to T and
 * the line says T; remove every key of an action and its item goes.
 */
export interface HintItem {
  id: string;
  keys: string;
  label: string;
}

/** Shorter than the cheat sheet's key caps: this is one small line. */
const SHORT: Record<string, string> = { ...KEY_SYMBOLS, Delete: 'Del' };
const short = (chord: string) =>
  chord
    .split('+')
    .map((part) => SHORT[part] ?? part)
    .join('+');

const ARROWS = /^[↑↓←→]$/;
/** Two chords as one: "Alt+↑↓" (arrows side by side), "Ctrl+K/J" under shared modifiers, "Alt+↑/↓" otherwise. */
export function pairChords(first: string | undefined, second: string | undefined): string {
  if (first === undefined || second === undefined) return short(first ?? second ?? '');
  const split = (c: string) => {
    const at = c.lastIndexOf('+', c.length - 2);
    return at < 0 ? { mods: '', key: c } : { mods: c.slice(0, at + 1), key: c.slice(at + 1) };
  };
  const [a, b] = [split(first), split(second)];
  if (a.mods !== b.mods) return `${short(first)}/${short(second)}`;
  const [x, y] = [short(a.key), short(b.key)];
  return `${a.mods}${x}${ARROWS.test(x) && ARROWS.test(y) ? '' : '/'}${y}`;
}

const fixed = (id: ListKey['id']) => LIST_KEYS.find((k) => k.id === id)!.keys as readonly string[];

export function stackHint(keymap: Keymap): HintItem[] {
  const bound = (id: ActionId): string | undefined => keymap[id][0];
  const items: (HintItem | null)[] = [
    bound('selectPrevious') || bound('selectNext') ? { id: 'select', keys: pairChords(bound('selectPrevious'), bound('selectNext')), label: 'select' } : null,
    bound('take') ? { id: 'take', keys: short(bound('take')!), label: 'take' } : null,
    { id: 'edit', keys: short(fixed('edit')[0]!), label: 'edit' },
    { id: 'move', keys: pairChords(fixed('move')[0], fixed('move')[1]), label: 'move' },
    { id: 'duplicate', keys: short(fixed('duplicate')[0]!), label: 'duplicate' },
    { id: 'remove', keys: short(fixed('remove')[0]!), label: 'delete' },
    bound('cheatSheet') ? { id: 'cheatSheet', keys: short(bound('cheatSheet')!), label: 'all keys' } : null,
  ];
  return items.filter((i): i is HintItem => i !== null);
}
