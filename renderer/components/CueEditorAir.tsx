import { useStore } from 'zustand';
import type { Cue, Layer } from '../../main/engine/show';
import type { ConsoleStore } from '../store';
import type { FieldModel } from '../cue-form';

/** Structural equality for field values (plain JSON), whatever the key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

interface Props {
  store: ConsoleStore;
  cue: Cue;
  model: FieldModel[];
  /** Typed but not saved: an update sends only what is saved. */
  unsaved: boolean;
}

/**
 * When the cue is on air: which saved fields differ from what went out, and
 * the one button that sends them. Nothing goes to air by itself.
 */
export function CueEditorAir({ store, cue, model, unsaved }: Props) {
  const program = useStore(store, (s) => s.program?.program);
  const send = useStore(store, (s) => s.send);
  const entry = Object.entries(program ?? {}).find(([, onAir]) => onAir?.cueId === cue.id);
  if (!entry) return null;
  const [layer, onAir] = entry as [Layer, NonNullable<(typeof entry)[1]>];
  const changed = model.filter((f) => !sameValue(onAir.fields[f.key], cue.fields[f.key]));
  return (
    <div className={`air-state${changed.length ? ' differs' : ''}`} role="status" data-air-state={changed.length ? 'differs' : 'same'}>
      <span className="air-tag">ON AIR</span>
      <span className="air-where">{layer.replace('-', ' ')}</span>
      {changed.length === 0 ? (
        <span className="air-same">On air as saved{unsaved ? ' (unsaved edits below are not on air)' : ''}</span>
      ) : (
        <>
          <span className="air-diff">Edited since it went out: {changed.map((f) => f.label).join(', ')}</span>
          <button type="button" className="btn send-update" onClick={() => void send({ type: 'update', layer })}>
            Send update
          </button>
        </>
      )}
    </div>
  );
}
