import { useState } from 'react';
import type { Cue } from '../../main/engine/show';
import type { ConsoleStore } from '../store';
import { lineKeys } from './field-shared';
import './outside-fields.css';

interface Props {
  store: ConsoleStore;
  cue: Cue;
}

/** Strapline's own keys beside a page's values (main/templates/outside/outside-definition.ts): not the page's data. */
const OWN_KEYS = new Set(['bind', 'dataFormat']);

const valuesOf = (cue: Cue) => Object.entries(cue.fields).filter(([k]) => !OWN_KEYS.has(k));

/**
 * A CasparCG page with no schema says nothing of what update() wants, so the
 * operator writes it: key/value rows (f0, f1, … as CasparCG clients send them)
 * and, for a page with its own shape, the values as raw JSON. Both save into
 * the cue's fields; the engine merges an edit into what the cue has, so a key
 * once saved is changed, not removed (set it empty to send it empty).
 */
export function OutsideFieldsRaw({ store, cue }: Props) {
  const send = store.getState().send;
  const [newKey, setNewKey] = useState('');
  const [raw, setRaw] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (fields: Record<string, unknown>) => {
    const result = await send({ type: 'edit-cue', cueId: cue.id, fields });
    setError(result.ok ? null : result.error.message);
    return result.ok;
  };
  const addRow = async () => {
    const key = newKey.trim();
    if (key === '' || OWN_KEYS.has(key)) return setError(key === '' ? 'name the key first' : `"${key}" is Strapline's own key`);
    if (await save({ [key]: '' })) setNewKey('');
  };
  const saveRaw = async () => {
    if (raw === null) return;
    let fields: unknown;
    try {
      fields = JSON.parse(raw);
    } catch (e) {
      return setError(`Fields (JSON) is not JSON: ${(e as Error).message}`);
    }
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return setError('Fields (JSON) must be a JSON object');
    if (await save(fields as Record<string, unknown>)) setRaw(null);
  };
  return (
    <div className="form-field wide outside-raw" data-field="(rows)">
      <span className="field-head">
        <label>Data sent to update()</label>
      </span>
      <table className="rows-editor outside-rows">
        <tbody>
          {valuesOf(cue).map(([key, value]) => (
            <tr key={`${key}:${JSON.stringify(value)}`} data-row-key={key}>
              <th scope="row">{key}</th>
              <td>
                <input
                  type="text"
                  aria-label={`Value of ${key}`}
                  defaultValue={typeof value === 'string' ? value : JSON.stringify(value)}
                  onBlur={(e) => {
                    if (e.currentTarget.value !== value) void save({ [key]: e.currentTarget.value });
                  }}
                  onKeyDown={lineKeys(
                    (v) => void save({ [key]: v }),
                    () => undefined,
                  )}
                />
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <input
                type="text"
                aria-label="New key"
                placeholder="f0"
                value={newKey}
                onChange={(e) => setNewKey(e.target.value)}
                onKeyDown={lineKeys(
                  () => void addRow(),
                  () => setNewKey(''),
                )}
              />
            </td>
            <td>
              <button type="button" className="btn small" onClick={() => void addRow()}>
                + Row
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <label htmlFor={`raw-${cue.id}`}>Fields (JSON)</label>
      <textarea
        id={`raw-${cue.id}`}
        className="json"
        data-field="(raw)"
        rows={5}
        value={raw ?? JSON.stringify(Object.fromEntries(valuesOf(cue)), null, 1)}
        onChange={(e) => setRaw(e.currentTarget.value)}
        onBlur={() => void saveRaw()}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
