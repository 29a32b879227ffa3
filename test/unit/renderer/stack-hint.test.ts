import { describe, expect, it } from 'vitest';
import { LIST_KEYS, bindKey, defaultKeymap, unbindKey, type Change, type Keymap } from '../../../renderer/keymap';
import { pairChords, stackHint } from '../../../renderer/components/stack-hint';

function ok(change: Change): Keymap {
  if ('error' in change) throw new Error(change.error);
  return change.keymap;
}
const line = (keymap: Keymap) =>
  stackHint(keymap)
    .map((i) => `${i.keys} ${i.label}`)
    .join(' · ');

describe('the cue list hint line', () => {
  it('reads the default keys from the keymap and the list table', () => {
    expect(line(defaultKeymap())).toBe('↑↓ select · Space take · F2 edit · Alt+↑↓ move · Ctrl+D duplicate · Del delete · ? all keys');
  });

  it('names every fixed list key of the stack-editing group by its first chord', () => {
    const items = new Map(stackHint(defaultKeymap()).map((i) => [i.id, i.keys]));
    for (const k of LIST_KEYS.filter((k) => k.group === 'Stack editing' && k.id !== 'move')) {
      expect(items.get(k.id), k.id).toBe(k.keys[0].replace('Delete', 'Del'));
    }
  });

  it('follows a rebound key: Take on T, selection on K and J', () => {
    let keymap = ok(unbindKey(defaultKeymap(), 'take', 'Space'));
    keymap = ok(unbindKey(keymap, 'take', 'Enter'));
    keymap = ok(bindKey(keymap, 'take', 'T'));
    keymap = ok(unbindKey(ok(bindKey(keymap, 'selectPrevious', 'K')), 'selectPrevious', 'ArrowUp'));
    keymap = ok(unbindKey(ok(bindKey(keymap, 'selectNext', 'J')), 'selectNext', 'ArrowDown'));
    const items = new Map(stackHint(keymap).map((i) => [i.id, i.keys]));
    expect(items.get('take')).toBe('T');
    expect(items.get('select')).toBe('K/J');
  });

  it('leaves out an action with no key rather than show an empty one', () => {
    const keymap = ok(unbindKey(ok(unbindKey(defaultKeymap(), 'take', 'Space')), 'take', 'Enter'));
    expect(stackHint(keymap).map((i) => i.id)).not.toContain('take');
    const oneWay = ok(unbindKey(defaultKeymap(), 'selectPrevious', 'ArrowUp'));
    expect(stackHint(oneWay).find((i) => i.id === 'select')?.keys).toBe('↓');
  });

  it('writes a pair of chords short: arrows side by side, anything else with a slash', () => {
    expect(pairChords('Alt+ArrowUp', 'Alt+ArrowDown')).toBe('Alt+↑↓');
    expect(pairChords('Ctrl+Shift+K', 'Ctrl+Shift+J')).toBe('Ctrl+Shift+K/J');
    expect(pairChords('Alt+ArrowUp', 'ArrowDown')).toBe('Alt+↑/↓');
    expect(pairChords('Ctrl++', 'Ctrl+-')).toBe('Ctrl++/-');
    expect(pairChords(undefined, 'PageDown')).toBe('PageDown');
  });
});
