import type { Cue } from '../../main/engine/show';
import type { TemplateListing } from '../../main/engine/templates';
import type { ConsoleStore } from '../store';
import { OutsideFields } from './OutsideFields';
import { OutsideFieldsRaw } from './OutsideFieldsRaw';

interface Props {
  store: ConsoleStore;
  cue: Cue;
  listing: TemplateListing;
}

const KIND_NAME: Record<TemplateListing['kind'], string> = { builtin: 'Built-in', ograf: 'OGraf', casparcg: 'CasparCG', spx: 'SPX' };

/**
 * The form for a cue of an outside template: fields generated from its schema
 * (OutsideFields), or for a CasparCG page without one, key/value rows and raw
 * JSON (OutsideFieldsRaw). A CasparCG cue also chooses how update() is given
 * its data, JSON or templateData XML; the page's own preference is the
 * default. Bound fields (`bind`) are set through the API.
 */
export function OutsideCueForm({ store, cue, listing }: Props) {
  const send = store.getState().send;
  const hasProperties =
    typeof listing.schema.properties === 'object' && listing.schema.properties !== null && Object.keys(listing.schema.properties).length > 0;
  const format = cue.fields.dataFormat === 'xml' || cue.fields.dataFormat === 'json' ? cue.fields.dataFormat : '';
  return (
    <section className="cue-editor outside-cue" aria-label="Cue editor" data-editing={cue.id} data-kind={listing.kind}>
      <header className="cue-editor-head">
        <div className="cue-editor-what">
          <span className="template-name">
            <span className={`palette-kind kind-${listing.kind}`}>{KIND_NAME[listing.kind]}</span> {listing.name}
          </span>
          <span className="muted">
            {listing.source} · id {cue.id}
          </span>
        </div>
      </header>
      {listing.problems.map((p) => (
        <p key={p} className="palette-problem" role="note">
          {p}
        </p>
      ))}
      <div className="cue-form">
        {hasProperties ? <OutsideFields store={store} cue={cue} schema={listing.schema} /> : <OutsideFieldsRaw store={store} cue={cue} />}
        {listing.kind === 'casparcg' && (
          <div className="form-field" data-field="dataFormat">
            <label htmlFor={`format-${cue.id}`}>Data for update()</label>
            <select
              id={`format-${cue.id}`}
              value={format}
              onChange={(e) => void send({ type: 'edit-cue', cueId: cue.id, fields: { dataFormat: e.target.value === '' ? undefined : e.target.value } })}
            >
              {/* Once chosen, the choice stays: an edit merges into the cue's fields, so it can change but not be removed. */}
              {format === '' && <option value="">As the page asks</option>}
              <option value="json">JSON</option>
              <option value="xml">XML (templateData)</option>
            </select>
          </div>
        )}
      </div>
      <p className="form-note">Saved as you leave each field (Enter in a line).</p>
    </section>
  );
}
