import { z } from 'zod';

/**
 * The console's keymap: every action the keyboard can fire, by name, with its
 * default keys. Pure: no DOM, no storage of its own, so it is tested as data.
 * A key is written as a chord: optional Ctrl+, Alt+, Shift+ then the key
 * ("Space", "ArrowRight", "F12", "Ctrl+Shift+Z", "?").
 * An action that sends a command has the command's name (protocol's command
 * map, the control API's route), so one operation has one name everywhere.
 */
export const ACTIONS = [
  { id: 'take', label: 'Take the selected cue to air', group: 'Air', keys: ['Space', 'Enter'] },
  { id: 'next', label: 'Next step of the selected layer', group: 'Air', keys: ['ArrowRight'] },
  { id: 'update', label: 'Update on air with the edited fields', group: 'Air', keys: ['U'] },
  {
    id: 'out',
    label: 'Out: take off the graphic marked in the on-air bar',
    note: 'the selected cue when it is on air, or the layer pointed at',
    group: 'Air',
    keys: ['Escape'],
  },
  {
    id: 'clear-all',
    label: 'CLEAR ALL layers at once',
    note: 'from anywhere: a text box, a picker, this sheet',
    group: 'Air',
    keys: ['F12'],
    everywhere: true,
    fromPanels: 'anywhere',
  },
  { id: 'selectPrevious', label: 'Select the cue above', group: 'Cues', keys: ['ArrowUp'], repeat: true },
  { id: 'selectNext', label: 'Select the cue below', group: 'Cues', keys: ['ArrowDown'], repeat: true },
  { id: 'search', label: 'Search cues', note: 'from anywhere, even a text box', group: 'Cues', keys: ['Ctrl+F'], inFields: true, fromPanels: 'anywhere' },
  {
    id: 'undo',
    label: 'Undo the last show edit',
    note: 'in a text box: the typing there',
    group: 'Editing',
    keys: ['Ctrl+Z'],
    inControls: true,
    fromPanels: 'editor',
  },
  {
    id: 'redo',
    label: 'Redo',
    note: 'in a text box: the typing there',
    group: 'Editing',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    inControls: true,
    fromPanels: 'editor',
  },
  { id: 'cheatSheet', label: 'Show the keys (this sheet)', group: 'Console', keys: ['?', 'F1'] },
] as const satisfies readonly ActionSpec[];

interface ActionSpec {
  id: string;
  label: string;
  group: string;
  keys: readonly string[];
  /** Held keys auto-repeat (moving through a list); never for anything that touches the air. */
  repeat?: boolean;
  /** Shown under the label on the cheat sheet: where the key behaves differently. */
  note?: string;
  /** Still fires while typing in a field (only harmless actions). */
  inFields?: boolean;
  /**
   * Fires from a control that takes no typing (select, checkbox, range), though
   * not from a text box, where the same key belongs to the text (Ctrl+Z undoes typing).
   */
  inControls?: boolean;
  /**
   * The panic key: fires from any focus (text boxes, dialogs, pickers, a key
   * capture), caught before any element can keep it (hotkeys.ts installHotkeys).
   */
  everywhere?: boolean;
  /** Gets past a side panel that keeps its keys: from anywhere in it, or only from the cue editor. */
  fromPanels?: 'anywhere' | 'editor';
}

/**
 * Keys of the cue list itself (stack-editor-input.ts), which act only while the
 * list has the focus, so a stray Delete elsewhere never costs a cue. Fixed,
 * not rebindable: the list's hint line and the editor's buttons name them.
 * The keymap refuses them for any other action, so none is ever ambiguous.
 * Each row is one line of the cheat sheet, in its group.
 */
export const LIST_KEYS = [
  // Up first: the handler reads the direction from the order.
  { id: 'move', label: 'Move the cue up / down', group: 'Stack editing', keys: ['Alt+ArrowUp', 'Alt+ArrowDown'] },
  { id: 'duplicate', label: 'Duplicate the cue', group: 'Stack editing', keys: ['Ctrl+D'] },
  { id: 'remove', label: 'Delete the cue', group: 'Stack editing', keys: ['Delete'] },
  { id: 'edit', label: 'Edit the cue', group: 'Stack editing', keys: ['F2'] },
  { id: 'ends', label: 'Select the first / last cue', group: 'Cues', keys: ['Home', 'End'] },
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/** The list key a chord is, if any. */
export function listKeyFor(chord: string): ListKey | undefined {
  return LIST_KEYS.find((k) => (k.keys as readonly string[]).includes(chord));
}

export type ActionId = (typeof ACTIONS)[number]['id'];
export type Keymap = Record<ActionId, string[]>;
export const ACTION_IDS = ACTIONS.map((a) => a.id) as ActionId[];
export const MAX_KEYS_PER_ACTION = 3;
export const actionSpec = (id: ActionId): ActionSpec => ACTIONS.find((a) => a.id === id)!;

const NAMED_KEYS = /^(Space|Enter|Escape|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Arrow(Up|Down|Left|Right)|F([1-9]|1[0-9]|2[0-4]))$/;
const CHORD = /^(Ctrl\+)?(Alt\+)?(Shift\+)?(.+)$/;
/** Tab moves focus: taking it would trap keyboard users in the console. */
const RESERVED = new Set(['Tab', 'Shift+Tab']);

export function isChord(text: string): boolean {
  const m = CHORD.exec(text);
  if (!m) return false;
  const key = m[4]!;
  // Shift is part of a printed symbol ("?"), so it is only written with letters and named keys.
  if (m[3] && !(NAMED_KEYS.test(key) || /^[A-Z]$/.test(key))) return false;
  return NAMED_KEYS.test(key) || (key.length === 1 && key !== ' ' && key === key.toUpperCase());
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The chord a key press makes, or null for a lone modifier. Cmd on a Mac counts as Ctrl. */
export function chordOf(e: KeyLike): string | null {
  if (['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Dead', 'Unidentified'].includes(e.key)) return null;
  const key = e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const shiftCounts = key.length > 1 || /^[A-Z]$/.test(key);
  return `${e.ctrlKey || e.metaKey ? 'Ctrl+' : ''}${e.altKey ? 'Alt+' : ''}${e.shiftKey && shiftCounts ? 'Shift+' : ''}${key}`;
}

export function defaultKeymap(): Keymap {
  return Object.fromEntries(ACTIONS.map((a) => [a.id, [...a.keys]])) as Keymap;
}

/** The action a chord fires, if any. */
export function actionFor(keymap: Keymap, chord: string): ActionId | undefined {
  return ACTION_IDS.find((id) => keymap[id].includes(chord));
}

/** Every chord bound twice, described for the operator; empty when the keymap is sound. */
export function conflicts(keymap: Keymap): string[] {
  const seen = new Map<string, ActionId>();
  const found: string[] = [];
  for (const id of ACTION_IDS) {
    for (const chord of keymap[id]) {
      const fixed = listKeyFor(chord);
      if (fixed) found.push(`${chord} is the fixed key for "${fixed.label}" in the cue list, and is bound to "${actionSpec(id).label}" too`);
      const other = seen.get(chord);
      if (other) found.push(`${chord} is bound to both "${actionSpec(other).label}" and "${actionSpec(id).label}"`);
      else seen.set(chord, id);
    }
  }
  return found;
}

export type Change = { keymap: Keymap } | { error: string };

/** Adds a key to an action; refused, with the reason, when it is taken, reserved or one too many. */
export function bindKey(keymap: Keymap, action: ActionId, chord: string): Change {
  if (RESERVED.has(chord)) return { error: `${chord} moves between controls and cannot be a hotkey` };
  if (!isChord(chord)) return { error: `"${chord}" is not a key the console can bind` };
  const fixed = listKeyFor(chord);
  if (fixed) return { error: `${chord} is the cue list's fixed key for "${fixed.label}" and cannot do anything else` };
  const owner = actionFor(keymap, chord);
  if (owner === action) return { error: `${chord} is already bound to "${actionSpec(action).label}"` };
  if (owner) return { error: `${chord} is already bound to "${actionSpec(owner).label}": remove it there first` };
  if (keymap[action].length >= MAX_KEYS_PER_ACTION) return { error: `"${actionSpec(action).label}" already has ${MAX_KEYS_PER_ACTION} keys` };
  return { keymap: { ...keymap, [action]: [...keymap[action], chord] } };
}

export function unbindKey(keymap: Keymap, action: ActionId, chord: string): Change {
  const keys = keymap[action].filter((k) => k !== chord);
  // The panic button never leaves the keyboard.
  if (action === 'clear-all' && keys.length === 0) return { error: 'CLEAR ALL must keep at least one key' };
  return { keymap: { ...keymap, [action]: keys } };
}

const chordSchema = z.string().max(40).refine(isChord, { message: 'is not a key chord' });
const keysSchema = <Id extends string>(ids: readonly Id[]) => z.partialRecord(z.enum(ids as [Id, ...Id[]]), z.array(chordSchema).max(MAX_KEYS_PER_ACTION));

/**
 * Action ids that changed when the actions took their commands' names. Version 1
 * keymaps (saved before) are keyed by the old ids; each is read under its new id,
 * so an operator's rebound CLEAR ALL keeps its keys.
 */
const RENAMED_SINCE_V1: Readonly<Record<string, ActionId>> = { clearAll: 'clear-all' };
const v1Id = (id: ActionId): string => Object.keys(RENAMED_SINCE_V1).find((old) => RENAMED_SINCE_V1[old] === id) ?? id;
// Version 1 knows only its own ids: a new id in it is refused with a notice, never merged over the old one.
const storedV1Schema = z.strictObject({ version: z.literal(1), keys: keysSchema(ACTION_IDS.map(v1Id)) });
const storedSchema = z.strictObject({ version: z.literal(2), keys: keysSchema(ACTION_IDS) });

function migrateV1(keys: z.infer<typeof storedV1Schema>['keys']): Partial<Keymap> {
  return Object.fromEntries(Object.entries(keys).map(([id, chords]) => [RENAMED_SINCE_V1[id] ?? id, chords]));
}

const isVersion1 = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && 'version' in raw && raw.version === 1;

export const KEYMAP_STORAGE_KEY = 'strapline.keymap';

/** Reads a stored keymap (either version); anything wrong falls back to the defaults with a notice saying what. */
export function loadKeymap(storage: Pick<Storage, 'getItem'>): { keymap: Keymap; notice: string | null } {
  const text = storage.getItem(KEYMAP_STORAGE_KEY);
  if (text === null) return { keymap: defaultKeymap(), notice: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { keymap: defaultKeymap(), notice: 'The saved keymap was not readable (not JSON): using the default keys' };
  }
  const parsed = isVersion1(raw) ? storedV1Schema.safeParse(raw) : storedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { keymap: defaultKeymap(), notice: `The saved keymap was refused (${issue.path.join('.') || 'root'}: ${issue.message}): using the default keys` };
  }
  const saved = parsed.data.version === 1 ? migrateV1(parsed.data.keys) : parsed.data.keys;
  // Actions added since it was saved keep their default keys.
  const keymap = { ...defaultKeymap(), ...saved } as Keymap;
  const clash = conflicts(keymap);
  if (clash.length) return { keymap: defaultKeymap(), notice: `The saved keymap was refused (${clash[0]}): using the default keys` };
  return { keymap, notice: null };
}

export function saveKeymap(storage: Pick<Storage, 'setItem'>, keymap: Keymap): void {
  storage.setItem(KEYMAP_STORAGE_KEY, JSON.stringify({ version: 2, keys: keymap }));
}

/** Key names as a key cap shows them. */
export const KEY_SYMBOLS: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };

/** How a chord reads on a key cap. */
export function formatChord(chord: string): string {
  return chord
    .split('+')
    .map((part) => KEY_SYMBOLS[part] ?? part)
    .join(' + ');
}

/** The aria-keyshortcuts value for an action: the ARIA spelling of its keys. */
export function ariaShortcuts(keymap: Keymap, action: ActionId): string {
  return ariaChords(keymap[action]);
}

/** Chords in ARIA's spelling, space-separated, for aria-keyshortcuts. */
export function ariaChords(chords: readonly string[]): string {
  return chords.map((c) => c.replace('Ctrl+', 'Control+').replace(/^\?$/, 'Shift+?')).join(' ');
}
