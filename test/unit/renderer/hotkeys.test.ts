import { describe, expect, it } from 'vitest';
import { firesFrom, passesPanel, placeOf, type Place } from '../../../renderer/hotkeys';
import { ACTION_IDS, type ActionId } from '../../../renderer/keymap';

/** Elements as the rules read them: tag, input type, editable. No DOM needed. */
const input = (type: string) => ({ tagName: 'INPUT', type });
const el = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable });

describe('placeOf: where a key was pressed', () => {
  it.each([
    ['a text input', input('text'), 'text'],
    ['a search box', input('search'), 'text'],
    ['a number box typed into', input('number'), 'text'],
    ['a textarea', el('TEXTAREA'), 'text'],
    ['an editable div', el('DIV', true), 'text'],
    ['a select', el('SELECT'), 'control'],
    ['a checkbox', input('checkbox'), 'control'],
    ['a range slider', input('range'), 'control'],
    ['a colour well', input('color'), 'control'],
    ['a button', el('BUTTON'), 'free'],
    ['the cue list', el('DIV'), 'free'],
    ['nothing focused', null, 'free'],
  ] as const)('%s is %s', (_name, target, place) => {
    expect(placeOf(target)).toBe(place);
  });
});

const firing = (place: Place) => ACTION_IDS.filter((id) => firesFrom(id, place));

describe('firesFrom: which actions a key can fire from there', () => {
  it('fires everything from a button or the list', () => {
    expect(firing('free')).toEqual(ACTION_IDS);
  });

  it("fires only CLEAR ALL and search from a text box: Ctrl+Z there is the text's own undo, and nothing takes", () => {
    expect(firing('text')).toEqual(['clear-all', 'search']);
  });

  it('fires CLEAR ALL, search, undo and redo from a select or checkbox, and nothing else that touches the air', () => {
    expect(firing('control')).toEqual(['clear-all', 'search', 'undo', 'redo']);
  });
});

describe('passesPanel: which keys get out of the results panel', () => {
  const passing = (inEditor: boolean) => ACTION_IDS.filter((id) => passesPanel(id, inEditor));

  it('lets CLEAR ALL and search out from anywhere in it', () => {
    expect(passing(false)).toEqual(['clear-all', 'search']);
  });

  it('lets undo and redo out from the cue editor only: on the declaration form they would undo a show edit nobody made there', () => {
    expect(passing(true)).toEqual(['clear-all', 'search', 'undo', 'redo']);
  });

  it('keeps keys no action has', () => {
    expect(passesPanel(undefined, true)).toBe(false);
  });

  it('keeps the air keys in, wherever in the panel', () => {
    const air: ActionId[] = ['take', 'next', 'update', 'out', 'selectPrevious', 'selectNext', 'cheatSheet'];
    for (const id of air) expect([passesPanel(id, true), passesPanel(id, false)], id).toEqual([false, false]);
  });
});
