import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  KEYMAP_STORAGE_KEY,
  LIST_KEYS,
  actionFor,
  ariaChords,
  ariaShortcuts,
  bindKey,
  chordOf,
  conflicts,
  defaultKeymap,
  formatChord,
  isChord,
  listKeyFor,
  loadKeymap,
  saveKeymap,
  unbindKey,
  type Change,
  type Keymap,
  type KeyLike,
} from '../../../renderer/keymap';

/** A Storage stand-in over a Map: the keymap code only ever calls getItem and setItem. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

const press = (key: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

function ok(change: Change): Keymap {
  if ('error' in change) throw new Error(change.error);
  return change.keymap;
}

describe('the default keymap', () => {
  it('binds every key the issue names to its action, and no key twice', () => {
    const k = defaultKeymap();
    const expected: Record<string, string> = {
      Space: 'take',
      Enter: 'take',
      ArrowRight: 'next',
      Escape: 'out',
      F12: 'clear-all',
      ArrowUp: 'selectPrevious',
      ArrowDown: 'selectNext',
      'Ctrl+F': 'search',
      'Ctrl+Z': 'undo',
      'Ctrl+Shift+Z': 'redo',
      '?': 'cheatSheet',
      F1: 'cheatSheet',
    };
    for (const [chord, action] of Object.entries(expected)) expect(actionFor(k, chord), chord).toBe(action);
    expect(conflicts(k)).toEqual([]);
    for (const id of ACTION_IDS) for (const chord of k[id]) expect(isChord(chord), chord).toBe(true);
  });
});

describe('chordOf reads a key press', () => {
  it.each([
    [press(' '), 'Space'],
    [press('Enter'), 'Enter'],
    [press('f', { ctrlKey: true }), 'Ctrl+F'],
    [press('z', { metaKey: true }), 'Ctrl+Z'],
    [press('Z', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Z'],
    // Shift is how "?" is typed, so it is not written again.
    [press('?', { shiftKey: true }), '?'],
    [press('ArrowDown', { shiftKey: true }), 'Shift+ArrowDown'],
    [press('u'), 'U'],
    [press('F12'), 'F12'],
  ])('%o is %s', (event, chord) => {
    expect(chordOf(event)).toBe(chord);
  });

  it('gives nothing for a lone modifier, so capture waits for the real key', () => {
    for (const key of ['Control', 'Shift', 'Alt', 'Meta']) expect(chordOf(press(key, { ctrlKey: key === 'Control' }))).toBeNull();
  });
});

describe('changing keys', () => {
  it('binds a free key and the keymap then fires it', () => {
    const k = ok(bindKey(defaultKeymap(), 'next', 'N'));
    expect(actionFor(k, 'N')).toBe('next');
    expect(actionFor(k, 'ArrowRight')).toBe('next');
  });

  it('refuses a key another action holds, naming that action, and changes nothing', () => {
    const before = defaultKeymap();
    const change = bindKey(before, 'take', 'F12');
    expect(change).toEqual({ error: 'F12 is already bound to "CLEAR ALL layers at once": remove it there first' });
    expect(before).toEqual(defaultKeymap());
  });

  it('refuses Tab (focus must keep moving), junk keys and a fourth key', () => {
    expect(bindKey(defaultKeymap(), 'take', 'Tab')).toMatchObject({ error: expect.stringContaining('moves between controls') });
    expect(bindKey(defaultKeymap(), 'take', 'Ctrl+')).toMatchObject({ error: expect.stringContaining('not a key') });
    expect(bindKey(defaultKeymap(), 'take', 'space')).toMatchObject({ error: expect.stringContaining('not a key') });
    const three = ok(bindKey(defaultKeymap(), 'take', 'T'));
    expect(bindKey(three, 'take', 'G')).toMatchObject({ error: expect.stringContaining('already has 3 keys') });
  });

  it('moves a key: unbind it from one action, bind it to another', () => {
    const freed = ok(unbindKey(defaultKeymap(), 'update', 'U'));
    expect(actionFor(freed, 'U')).toBeUndefined();
    expect(actionFor(ok(bindKey(freed, 'out', 'U')), 'U')).toBe('out');
  });

  it('never leaves CLEAR ALL without a key', () => {
    expect(unbindKey(defaultKeymap(), 'clear-all', 'F12')).toEqual({ error: 'CLEAR ALL must keep at least one key' });
    const two = ok(bindKey(defaultKeymap(), 'clear-all', 'Ctrl+Shift+X'));
    expect(ok(unbindKey(two, 'clear-all', 'F12'))['clear-all']).toEqual(['Ctrl+Shift+X']);
  });
});

describe("the cue list's fixed keys", () => {
  it('are real chords, none of them a default hotkey, each found from its chord', () => {
    for (const row of LIST_KEYS) {
      for (const chord of row.keys) {
        expect(isChord(chord), chord).toBe(true);
        expect(actionFor(defaultKeymap(), chord), chord).toBeUndefined();
        expect(listKeyFor(chord)?.id).toBe(row.id);
      }
    }
    expect(listKeyFor('Ctrl+Shift+D')).toBeUndefined();
  });

  it('are the chords a key press makes in the list', () => {
    expect(listKeyFor(chordOf(press('ArrowUp', { altKey: true }))!)?.id).toBe('move');
    expect(listKeyFor(chordOf(press('d', { ctrlKey: true }))!)?.id).toBe('duplicate');
    expect(listKeyFor(chordOf(press('Delete'))!)?.id).toBe('remove');
    expect(listKeyFor(chordOf(press('F2'))!)?.id).toBe('edit');
  });

  it('cannot be bound to anything else: refused, naming the list key, nothing changed', () => {
    const before = defaultKeymap();
    expect(bindKey(before, 'out', 'Delete')).toEqual({ error: 'Delete is the cue list\'s fixed key for "Delete the cue" and cannot do anything else' });
    expect(bindKey(before, 'take', 'Alt+ArrowDown')).toMatchObject({ error: expect.stringContaining('"Move the cue up / down"') });
    expect(before).toEqual(defaultKeymap());
  });

  it('make a saved keymap that binds one fall back to the defaults, saying why', () => {
    const storage = memoryStorage({ [KEYMAP_STORAGE_KEY]: JSON.stringify({ version: 1, keys: { update: ['F2'] } }) });
    const { keymap, notice } = loadKeymap(storage);
    expect(keymap).toEqual(defaultKeymap());
    expect(notice).toContain('F2 is the fixed key for "Edit the cue" in the cue list');
  });

  it('read as ARIA shortcuts', () => {
    expect(ariaChords(LIST_KEYS.find((k) => k.id === 'duplicate')!.keys)).toBe('Control+D');
  });
});

describe('stored keymaps', () => {
  it('round-trip through storage', () => {
    const storage = memoryStorage();
    const k = ok(bindKey(ok(unbindKey(defaultKeymap(), 'take', 'Enter')), 'take', 'T'));
    saveKeymap(storage, k);
    expect(loadKeymap(storage)).toEqual({ keymap: k, notice: null });
  });

  it('give the defaults, quietly, when nothing was saved', () => {
    expect(loadKeymap(memoryStorage())).toEqual({ keymap: defaultKeymap(), notice: null });
  });

  it('fill actions added since the save with their default keys', () => {
    const storage = memoryStorage({ [KEYMAP_STORAGE_KEY]: JSON.stringify({ version: 1, keys: { take: ['T'] } }) });
    const { keymap, notice } = loadKeymap(storage);
    expect(notice).toBeNull();
    expect(keymap).toEqual({ ...defaultKeymap(), take: ['T'] });
  });

  it('save version 2, keyed by the command names', () => {
    const storage = memoryStorage();
    saveKeymap(storage, defaultKeymap());
    const saved = JSON.parse(storage.items.get(KEYMAP_STORAGE_KEY)!) as { version: number; keys: Record<string, string[]> };
    expect(saved.version).toBe(2);
    expect(saved.keys['clear-all']).toEqual(['F12']);
    expect(saved.keys).not.toHaveProperty('clearAll');
  });

  it('read a version 1 save keyed clearAll as clear-all: the rebound panic key and every other binding are kept', () => {
    const old = { version: 1, keys: { clearAll: ['Ctrl+Shift+X', 'F11'], take: ['T'], selectNext: ['J'] } };
    const { keymap, notice } = loadKeymap(memoryStorage({ [KEYMAP_STORAGE_KEY]: JSON.stringify(old) }));
    expect(notice).toBeNull();
    expect(keymap).toEqual({ ...defaultKeymap(), 'clear-all': ['Ctrl+Shift+X', 'F11'], take: ['T'], selectNext: ['J'] });
    expect(actionFor(keymap, 'F11')).toBe('clear-all');
    expect(actionFor(keymap, 'F12')).toBeUndefined();
    // Saved again, it is a version 2 keymap that reads back the same.
    const storage = memoryStorage();
    saveKeymap(storage, keymap);
    expect(loadKeymap(storage)).toEqual({ keymap, notice: null });
  });

  it.each([
    ['not JSON', '{take', 'not readable (not JSON)'],
    ['a wrong version', JSON.stringify({ version: 3, keys: {} }), 'version'],
    ['an unknown action', JSON.stringify({ version: 1, keys: { launch: ['L'] } }), 'launch'],
    ['a bad chord', JSON.stringify({ version: 1, keys: { take: ['ctrl-t'] } }), 'keys.take.0: is not a key chord'],
    ['a clash', JSON.stringify({ version: 1, keys: { take: ['F12'] } }), 'F12 is bound to both'],
    ['an old id in a new save', JSON.stringify({ version: 2, keys: { clearAll: ['F11'] } }), 'clearAll'],
    ['a new id in an old save', JSON.stringify({ version: 1, keys: { clearAll: ['F11'], 'clear-all': ['F10'] } }), 'clear-all'],
  ])('fall back to the defaults with a notice on %s', (_name, text, says) => {
    const { keymap, notice } = loadKeymap(memoryStorage({ [KEYMAP_STORAGE_KEY]: text }));
    expect(keymap).toEqual(defaultKeymap());
    expect(notice).toContain(says);
    expect(notice).toContain('using the default keys');
  });
});

describe('showing keys', () => {
  it('reads well on a key cap and in aria-keyshortcuts', () => {
    expect(formatChord('ArrowRight')).toBe('→');
    expect(formatChord('Ctrl+Shift+Z')).toBe('Ctrl + Shift + Z');
    expect(ariaShortcuts(defaultKeymap(), 'redo')).toBe('Control+Shift+Z Control+Y');
    expect(ariaShortcuts(defaultKeymap(), 'take')).toBe('Space Enter');
  });
});
