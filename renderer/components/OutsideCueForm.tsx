import { useState, type KeyboardEvent } from 'react';
import type { Cue } from '../../main/engine/show';
import type { TemplateListing } from '../../main/engine/templates';
import type { ConsoleStore } from '../store';

interface Props {
  store: ConsoleStore;
  cue: Cue;
  listing: TemplateListing;
}

interface Property {
  title?: string;
  type?: string;
  default?: unknown;
}

/** A schema's number types take numbers: the text box's value goes as one where it reads as one. */
function valueFor(property: Property, text: string): unknown {
  if ((property.type === 'number' || property.type === 'integer') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (property.type === 'boolean') return text === 'true';
  return text;
}

/**
 * The first form for a cue of an outside template: one text box per property
 * of its JSON Schema, saved on Enter or leaving the box; a schema without
 * properties (a CasparCG page without a GDD) gets the fields as raw JSON.
 * The engine checks every value against the schema and refuses a bad one with
 * a notice naming the field. Bound fields (`bind`) are set through the API.
 */
export function OutsideCueForm({ store, cue, listing }: Props) {
  const send = store.getState().send;
  const properties = Object.entries((listing.schema.properties ?? {}) as Record<string, Property>);
  const [raw, setRaw] = useState(() => JSON.stringify(cue.fields, null, 1));
  const save = (key: string, property: Property, text: string) => {
    const value = valueFor(property, text);
    if (value === cue.fields[key]) return;
    void send({ type: 'edit-cue', cueId: cue.id, fields: { [key]: value } });
  };
  const enter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
  };
  const saveRaw = () => {
    try {
      const fields: unknown = JSON.parse(raw);
      if (typeof fields === 'object' && fields !== null && !Array.isArray(fields)) void send({ type: 'edit-cue', cueId: cue.id, fields: fields as Record<string, unknown> });
      else store.getState().notify('Fields must be a JSON object');
    } catch (e) {
      store.getState().notify(`Fields are not JSON: ${(e as Error).message}`);
    }
  };
  return (
    <div className="cue-editor outside-cue" data-kind={listing.kind}>
      <div className="cue-editor-head">
        <div className="cue-editor-what">
          <span className="template-name">{listing.name}</span>
          <span className="cue-editor-stack">{listing.kind} · {listing.source}</span>
        </div>
      </div>
      {listing.problems.map((p) => <p key={p} className="palette-problem" role="note">{p}</p>)}
      {properties.map(([key, property]) => (
        <label key={`${cue.id}:${key}`} className="field">
          <span className="field-label">{property.title ?? key}</span>
          <input type="text" data-field={key} defaultValue={String(cue.fields[key] ?? property.default ?? '')}
            onKeyDown={enter} onBlur={(e) => save(key, property, e.currentTarget.value)} />
        </label>
      ))}
      {properties.length === 0 && (
        <label className="field">
          <span className="field-label">Fields (JSON)</span>
          <textarea data-field="(raw)" rows={5} value={raw} onChange={(e) => setRaw(e.currentTarget.value)} onBlur={saveRaw} />
        </label>
      )}
    </div>
  );
}
