import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createStore } from 'zustand/vanilla';
import type { OperatorActions } from './commands';
import { actionFor, actionSpec, bindKey, chordOf, defaultKeymap, loadKeymap, saveKeymap, unbindKey, type ActionId, type Change, type Keymap } from './keymap';

/**
 * The console's one keyboard listener. Actions are registered by name
 * (onHotkey / useHotkey) by whichever part of the console owns them, so the
 * keymap can rebind any of them without knowing who handles it.
 */
type Handler = () => void;
const handlers = new Map<ActionId, Handler>();

export function onHotkey(action: ActionId, handler: Handler): () => void {
  handlers.set(action, handler);
  return () => {
    if (handlers.get(action) === handler) handlers.delete(action);
  };
}

/** Registers a handler for the component's lifetime; the latest closure always runs. */
export function useHotkey(action: ActionId, handler: Handler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => onHotkey(action, () => latest.current()), [action]);
}

interface KeymapState {
  keymap: Keymap;
  /** Why the saved keymap was not used, if it was refused; shown once as a notice. */
  loadNotice: string | null;
  sheetOpen: boolean;
  /** Each returns the reason when refused, and changes nothing then. */
  bind: (action: ActionId, chord: string) => string | null;
  unbind: (action: ActionId, chord: string) => string | null;
  reset: () => void;
  setSheetOpen: (open: boolean) => void;
}

/** localStorage can be missing or throw (private modes, file:// pages): the keymap then lives for the session. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function createKeymapStore() {
  const store = storage();
  const loaded = store ? loadKeymap(store) : { keymap: defaultKeymap(), notice: null };
  return createStore<KeymapState>((set, get) => {
    const apply = (change: Change): string | null => {
      if ('error' in change) return change.error;
      set({ keymap: change.keymap });
      if (store) saveKeymap(store, change.keymap);
      return null;
    };
    return {
      keymap: loaded.keymap,
      loadNotice: loaded.notice,
      sheetOpen: false,
      bind: (action, chord) => apply(bindKey(get().keymap, action, chord)),
      unbind: (action, chord) => apply(unbindKey(get().keymap, action, chord)),
      reset: () => void apply({ keymap: defaultKeymap() }),
      setSheetOpen: (sheetOpen) => set({ sheetOpen }),
    };
  });
}

export const keymapStore = createKeymapStore();

/**
 * Where a key is pressed, as the hotkeys see it: a text box (the key is
 * typing, and Ctrl+Z is the text's own undo), a control that takes no typing
 * but has keys of its own (a select's arrows, a checkbox's Space), or free.
 * Read structurally, not by instanceof, so the rules are tested without a DOM.
 */
export type Place = 'text' | 'control' | 'free';
interface ElementLike {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
}
const UNTYPED_INPUTS = new Set(['checkbox', 'radio', 'range', 'color', 'file', 'button', 'submit', 'reset', 'image']);

export function placeOf(target: EventTarget | ElementLike | null): Place {
  const el = target as ElementLike | null;
  if (!el || typeof el.tagName !== 'string') return 'free';
  if (el.isContentEditable === true || el.tagName === 'TEXTAREA') return 'text';
  if (el.tagName === 'INPUT') return UNTYPED_INPUTS.has(String(el.type)) ? 'control' : 'text';
  return el.tagName === 'SELECT' ? 'control' : 'free';
}

/** Whether an action fires from where its key was pressed: typing in a field never takes a graphic to air. */
export function firesFrom(action: ActionId, place: Place): boolean {
  const spec = actionSpec(action);
  return place === 'free' || spec.everywhere === true || spec.inFields === true || (place === 'control' && spec.inControls === true);
}

/** Marks the cue editor: the one part of a side panel where undo and redo mean the show. */
export const SHOW_EDITOR_ATTR = 'data-show-editor';

/** Whether a key pressed inside a side panel goes on to the console's hotkeys. */
export function passesPanel(action: ActionId | undefined, inEditor: boolean): boolean {
  const reach = action ? actionSpec(action).fromPanels : undefined;
  return reach === 'anywhere' || (reach === 'editor' && inEditor);
}

/**
 * For a side panel's onKeyDown: its keys stay in it (Space on its buttons,
 * arrows in its tabs must never also take or move a cue), except the few
 * meant from anywhere (CLEAR ALL, search) and, from the cue editor, undo and
 * redo. Those go on to the window listener, which still asks firesFrom.
 */
export function keepPanelKeys(e: ReactKeyboardEvent<HTMLElement>): void {
  const chord = chordOf(e.nativeEvent);
  const action = chord ? actionFor(keymapStore.getState().keymap, chord) : undefined;
  const inEditor = e.target instanceof Element && e.target.closest(`[${SHOW_EDITOR_ATTR}]`) !== null;
  if (!passesPanel(action, inEditor)) e.stopPropagation();
}

/** Space or Enter on a focused button belongs to the button: one press, one action. */
function activatesControl(target: EventTarget | null, chord: string): boolean {
  if (chord !== 'Space' && chord !== 'Enter') return false;
  if (!(target instanceof HTMLElement)) return false;
  const role = target.getAttribute('role');
  return target.tagName === 'BUTTON' || target.tagName === 'A' || ['button', 'tab', 'checkbox', 'switch', 'menuitem', 'link'].includes(role ?? '');
}

function operatorHandlers(a: OperatorActions): Partial<Record<ActionId, Handler>> {
  return {
    take: () => a.take(),
    next: () => a.next(),
    update: () => a.update(),
    out: () => a.outTargeted(),
    'clear-all': () => a.clearAll(),
    selectPrevious: () => a.move(-1),
    selectNext: () => a.move(1),
  };
}

/** Listens on the window; with the operator's actions, registers the air and selection keys too. */
export function installHotkeys(actions?: OperatorActions): () => void {
  const cleanups = Object.entries(actions ? operatorHandlers(actions) : {}).map(([id, h]) => onHotkey(id as ActionId, h));
  cleanups.push(onHotkey('cheatSheet', () => keymapStore.getState().setSheetOpen(true)));
  const onKey = (e: KeyboardEvent) => {
    const state = keymapStore.getState();
    // The cheat sheet is modal: it has the keyboard (Escape closes it rather than taking a layer out).
    if (e.defaultPrevented || state.sheetOpen) return;
    const chord = chordOf(e);
    const action = chord ? actionFor(state.keymap, chord) : undefined;
    if (!chord || !action) return;
    const spec = actionSpec(action);
    if (!firesFrom(action, placeOf(e.target)) || activatesControl(e.target, chord)) return;
    const handler = handlers.get(action);
    if (!handler) return;
    e.preventDefault();
    // A held key fires once: an auto-repeating take would be a double take.
    if (e.repeat && !spec.repeat) return;
    handler();
  };
  // The panic key is caught on the way down, before any field, dialog, picker or key capture can keep it.
  const onPanic = (e: KeyboardEvent) => {
    const chord = chordOf(e);
    const action = chord ? actionFor(keymapStore.getState().keymap, chord) : undefined;
    if (!action || actionSpec(action).everywhere !== true) return;
    e.preventDefault();
    e.stopPropagation();
    if (!e.repeat) handlers.get(action)?.();
  };
  window.addEventListener('keydown', onPanic, { capture: true });
  window.addEventListener('keydown', onKey);
  return () => {
    window.removeEventListener('keydown', onPanic, { capture: true });
    window.removeEventListener('keydown', onKey);
    for (const c of cleanups) c();
  };
}
