import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { keymapStore } from '../hotkeys';
import { ACTIONS, LIST_KEYS, actionSpec, chordOf } from '../keymap';
import { FixedChips, KeyChips, type Say } from './KeymapEditor';

/** Two columns: the air beside selection, then show editing beside the list's own editing keys. */
const GROUPS = ['Air', 'Cues', 'Editing', 'Stack editing', 'Console'] as const;
const HEADINGS: Partial<Record<(typeof GROUPS)[number], string>> = { 'Stack editing': 'Stack editing (in the cue list, fixed)' };
const headingId = (group: string) => `keys-${group.toLowerCase().replace(/\s+/g, '-')}`;

/**
 * Every action and its keys, on a modal sheet ('?' or F1, or the KEYS button).
 * A native modal dialog: focus stays inside, the console behind is inert, and
 * while it is open the air keys do nothing (Escape closes the sheet, it does
 * not take a layer out), bar CLEAR ALL, which fires from anywhere. "Change keys" edits the keymap in place.
 */
export function CheatSheet() {
  const open = useStore(keymapStore, (s) => s.sheetOpen);
  const keymap = useStore(keymapStore, (s) => s.keymap);
  const dialog = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const say: Say = (m) => setMessage(m);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setMessage(null);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  const close = () => {
    setEditing(false);
    keymapStore.getState().setSheetOpen(false);
  };
  // The key that opens the sheet closes it too (captures stop their keys before they get here).
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    const chord = chordOf(e.nativeEvent);
    if (chord && keymap.cheatSheet.includes(chord) && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      close();
    }
  };

  return (
    <dialog ref={dialog} className="cheat-sheet" aria-labelledby="cheat-sheet-title" onClose={close} onKeyDown={onKeyDown}>
      <header className="sheet-head">
        <h2 id="cheat-sheet-title">Keyboard</h2>
        <span className="muted">Air keys never fire while you type in a field; CLEAR ALL fires from anywhere.</span>
        <button type="button" className="btn tiny" aria-pressed={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Change keys'}
        </button>
        {editing && (
          <button type="button" className="btn tiny" onClick={() => (keymapStore.getState().reset(), say({ ok: true, text: 'Default keys restored' }))}>
            Reset to defaults
          </button>
        )}
        <button type="button" className="btn tiny" onClick={close} aria-label="Close the keyboard sheet">
          Close
        </button>
      </header>
      <p className={`sheet-message ${message?.ok ? 'ok' : 'error'}`} role={message?.ok ? 'status' : 'alert'} data-keymap-message>
        {message?.text ?? ''}
      </p>
      <div className="sheet-groups">
        {GROUPS.map((group) => (
          <section key={group} className="sheet-group" aria-labelledby={headingId(group)}>
            <h3 id={headingId(group)}>{HEADINGS[group] ?? group}</h3>
            <table>
              <tbody>
                {ACTIONS.filter((a) => a.group === group).map((a) => (
                  <tr key={a.id} data-sheet-action={a.id}>
                    <th scope="row">
                      {a.label}
                      {/* Its own line on screen; read aloud after a pause, not run into the label. */}
                      {actionSpec(a.id).note && (
                        <span className="key-note">
                          <span className="visually-hidden">: </span>
                          {actionSpec(a.id).note}
                        </span>
                      )}
                    </th>
                    <td>
                      <KeyChips action={a.id} editing={editing} say={say} />
                    </td>
                  </tr>
                ))}
                {/* The list's own keys: shown beside the rebindable ones, never editable. */}
                {LIST_KEYS.filter((k) => k.group === group).map((k) => (
                  <tr key={k.id} data-sheet-fixed-key={k.id} data-sheet-list-key={group === 'Stack editing' ? '' : undefined}>
                    <th scope="row">{k.label}</th>
                    <td>
                      <FixedChips keys={k.keys} editing={editing} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </dialog>
  );
}
