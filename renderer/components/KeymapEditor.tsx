import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { keymapStore } from '../hotkeys';
import { actionSpec, chordOf, formatChord, MAX_KEYS_PER_ACTION, type ActionId } from '../keymap';

export type Say = (message: { ok: boolean; text: string }) => void;

/**
 * One action's keys as key caps; while editing, each can be removed and a new
 * one caught from the keyboard. Refusals (a key already taken, Tab, the last
 * key of CLEAR ALL) come back as a message and change nothing.
 */
export function KeyChips({ action, editing, say }: { action: ActionId; editing: boolean; say: Say }) {
  const keys = useStore(keymapStore, (s) => s.keymap[action]);
  const label = actionSpec(action).label;
  const remove = (chord: string) => {
    const refused = keymapStore.getState().unbind(action, chord);
    say(refused ? { ok: false, text: refused } : { ok: true, text: `${formatChord(chord)} no longer does "${label}"` });
  };
  return (
    <span className="key-chips" data-action={action}>
      {keys.length === 0 && <span className="muted">no key</span>}
      {keys.map((chord) => (
        <span key={chord} className="key-chip">
          <kbd data-chord={chord}>{formatChord(chord)}</kbd>
          {editing && (
            <button type="button" className="chip-remove" onClick={() => remove(chord)} aria-label={`Remove ${chord} from ${label}`}>
              ×
            </button>
          )}
        </span>
      ))}
      {editing && keys.length < MAX_KEYS_PER_ACTION && <KeyCapture action={action} label={label} say={say} />}
    </span>
  );
}

/** A fixed key's caps (the cue list's own keys, LIST_KEYS): shown like the others, never editable. */
export function FixedChips({ keys, editing }: { keys: readonly string[]; editing: boolean }) {
  return (
    <span className="key-chips">
      {keys.map((chord) => (
        <span key={chord} className="key-chip">
          <kbd data-chord={chord}>{formatChord(chord)}</kbd>
        </span>
      ))}
      {editing && <span className="fixed-tag">fixed</span>}
    </span>
  );
}

/** A button that, once pressed, takes the next key press as the new key: every key, Escape and Space included. */
function KeyCapture({ action, label, say }: { action: ActionId; label: string; say: Say }) {
  const [listening, setListening] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Space activates a button on key-up: the press just caught must not start listening again.
  const caught = useRef(false);
  useEffect(() => {
    if (listening) button.current?.focus();
  }, [listening]);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!listening) return;
    // Ours alone: not the dialog's Escape, not the console's hotkeys, not the button's own Space.
    e.preventDefault();
    e.stopPropagation();
    const chord = chordOf(e.nativeEvent);
    if (!chord) return; // a lone modifier: wait for the key it modifies
    caught.current = true;
    setListening(false);
    const refused = keymapStore.getState().bind(action, chord);
    say(refused ? { ok: false, text: refused } : { ok: true, text: `${formatChord(chord)} now does "${label}"` });
  };
  const onKeyUp = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!caught.current) return;
    e.preventDefault();
    // Any click the key-up still sends runs before this.
    setTimeout(() => (caught.current = false), 0);
  };
  return (
    <button
      ref={button}
      type="button"
      className={`btn tiny capture${listening ? ' listening' : ''}`}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onClick={() => !caught.current && setListening(true)}
      onBlur={() => setListening(false)}
      aria-label={listening ? `Press the new key for ${label}` : `Add a key to ${label}`}
    >
      {listening ? 'press a key…' : '+ key'}
    </button>
  );
}
