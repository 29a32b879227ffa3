import type { Raw } from '../cue-form';
import { lineKeys, type FieldProps } from './field-shared';
import { ColourField, ConstituencyField, PartySelect, RegionSelect } from './FieldInputPickers';
import { ListEditor, RowsEditor } from './FieldInputRows';

const text = (raw: Raw) => (typeof raw === 'string' ? raw : '');

/** The input for one field's kind, bare: no label (a row editor's cell uses it as it is). */
function FieldControl(props: FieldProps & { label: string }) {
  const { field, id, raw, errors, onChange, onCommit, onRevert, label } = props;
  const invalid = errors.some(([at]) => at === field.key || at === id);
  const common = { id, 'aria-label': label, 'aria-invalid': invalid, 'aria-describedby': invalid ? `${id}-err` : undefined };
  switch (field.kind) {
    case 'multiline':
      return (
        <textarea
          {...common}
          rows={3}
          value={text(raw)}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => onCommit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onCommit();
            if (e.key === 'Escape') {
              e.preventDefault();
              onRevert();
            }
          }}
        />
      );
    case 'number':
      return (
        <input
          {...common}
          className="number"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text(raw)}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => onCommit()}
          onKeyDown={lineKeys((value) => onCommit(value), onRevert)}
        />
      );
    case 'choice':
      return (
        <select {...common} value={text(raw)} onChange={(e) => onCommit(e.target.value)}>
          {field.optional && <option value="">(none)</option>}
          {field.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return <input {...common} type="checkbox" checked={raw === true} onChange={(e) => onCommit(e.target.checked)} />;
    case 'party':
      return <PartySelect {...common} field={field} value={text(raw)} onChoose={(v) => onCommit(v)} />;
    case 'region':
      return <RegionSelect {...common} field={field} value={text(raw)} onChoose={(v) => onCommit(v)} />;
    case 'constituency':
      return <ConstituencyField {...common} value={text(raw)} onChoose={(v) => onCommit(v)} />;
    case 'colour':
      return <ColourField {...common} value={text(raw)} onChange={onChange} onChoose={(v) => onCommit(v)} onRevert={onRevert} />;
    case 'rows':
      return <RowsEditor {...props} Cell={FieldControl} />;
    case 'list':
      return <ListEditor {...props} Cell={FieldControl} />;
    case 'json':
      return <textarea {...common} className="json" rows={4} value={text(raw)} onChange={(e) => onChange(e.target.value)} onBlur={() => onCommit()} />;
    default: {
      const length = text(raw).length;
      return (
        <span className="text-wrap">
          <input
            {...common}
            type="text"
            autoComplete="off"
            value={text(raw)}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => onCommit()}
            onKeyDown={lineKeys((value) => onCommit(value), onRevert)}
          />
          {field.maxLength !== undefined && (
            <span className={`char-count${length > field.maxLength ? ' over' : ''}`} aria-hidden="true">
              {length}/{field.maxLength}
            </span>
          )}
        </span>
      );
    }
  }
}

/** Beside a field the cue leaves to its template: the value shown is the one the graphic draws. */
const DEFAULT_TAG_TITLE = 'The template\u2019s default: the graphic draws this until you change it';

/** A labelled field: label, control, help, and its messages beside it; `isDefault` greys it with a "default" tag. */
export function FieldInput(props: FieldProps & { dirty: boolean; isDefault: boolean }) {
  const { field, id, errors, dirty, isDefault } = props;
  const own = errors.filter(([at]) => at === field.key);
  const wide = field.kind === 'rows' || field.kind === 'list' || field.kind === 'multiline';
  return (
    <div
      className={`form-field kind-${field.kind}${wide ? ' wide' : ''}${dirty ? ' dirty' : ''}${isDefault ? ' default' : ''}`}
      data-field={field.key}
      data-default={isDefault ? '' : undefined}
    >
      {/* The tag sits beside the label, not in it: the field's accessible name stays its label. */}
      <span className="field-head">
        <label htmlFor={id}>
          {field.label}
          {dirty && (
            <span className="unsaved" title="Not saved yet">
              {' '}
              ●
            </span>
          )}
        </label>
        {isDefault && (
          <span className="default-tag" title={DEFAULT_TAG_TITLE}>
            default
          </span>
        )}
      </span>
      <FieldControl {...props} label={field.label} />
      {field.help && <span className="field-help">{field.help}</span>}
      {own.map(([at, message]) => (
        <span key={at} id={`${id}-err`} className="field-error" role="alert">
          {message}
        </span>
      ))}
    </div>
  );
}
