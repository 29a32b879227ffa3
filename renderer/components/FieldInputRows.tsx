import type { ComponentType, FocusEvent } from 'react';
import { blankRow, type Raw } from '../cue-form';
import type { FieldProps } from './field-shared';

/** The control drawn in each cell: FieldInput.tsx's FieldControl, handed in so that this module need not import it back. */
type CellProps = { Cell: ComponentType<FieldProps & { label: string }> };

type Cells = Record<string, Raw>;
const rowsOf = (raw: Raw): Raw[] => (Array.isArray(raw) ? raw : []);

/** Saved when the focus leaves the whole editor, so a row is never sent half typed. */
function leaving(commit: () => void) {
  return (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
  };
}

function moved(rows: Raw[], from: number, to: number): Raw[] {
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row!);
  return next;
}

function RowTools({ label, i, count, onMove, onRemove }: { label: string; i: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  return (
    <span className="row-tools">
      <button type="button" className="icon-btn" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => onMove(i - 1)}>
        ↑
      </button>
      <button type="button" className="icon-btn" aria-label={`Move ${label} down`} disabled={i === count - 1} onClick={() => onMove(i + 1)}>
        ↓
      </button>
      <button type="button" className="icon-btn danger" aria-label={`Remove ${label}`} onClick={onRemove}>
        ✕
      </button>
    </span>
  );
}

/** Arrays of objects (exit-poll projections): one row an item, one column a property. */
export function RowsEditor({ field, id, raw, errors, onChange, onCommit, Cell }: FieldProps & CellProps) {
  const rows = rowsOf(raw);
  const full = field.maxItems !== undefined && rows.length >= field.maxItems;
  const setCell = (i: number, key: string, value: Raw) => onChange(rows.map((r, j) => (j === i ? { ...(r as Cells), [key]: value } : r)));
  return (
    <div className="rows-editor" onBlur={leaving(() => onCommit())}>
      <table id={id} aria-label={field.label}>
        <thead>
          <tr>
            {field.columns.map((c) => (
              <th key={c.key} scope="col" className={`col-${c.kind}`} title={c.help}>
                {c.label}
              </th>
            ))}
            <th className="col-tools">
              <span className="visually-hidden">Row tools</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {field.columns.map((c) => {
                const at = `${field.key}.${i}.${c.key}`;
                const cellErrors = errors.filter(([p]) => p === at);
                return (
                  <td key={c.key} className={`cell kind-${c.kind}`}>
                    <Cell
                      field={{ ...c, key: at }}
                      id={`${id}-${i}-${c.key}`}
                      label={`${c.label}, row ${i + 1}`}
                      raw={(row as Cells)[c.key] ?? ''}
                      errors={cellErrors}
                      onChange={(v) => setCell(i, c.key, v)}
                      onCommit={(v) => (v === undefined ? undefined : setCell(i, c.key, v))}
                      onRevert={() => undefined}
                    />
                    {cellErrors.map(([p, m]) => (
                      <span key={p} id={`${id}-${i}-${c.key}-err`} className="field-error">
                        {m}
                      </span>
                    ))}
                  </td>
                );
              })}
              <td>
                <RowTools
                  label={`row ${i + 1}`}
                  i={i}
                  count={rows.length}
                  onMove={(to) => onCommit(moved(rows, i, to))}
                  onRemove={() => onCommit(rows.filter((_, j) => j !== i))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors
        .filter(([p]) => /\.\d+$/.test(p))
        .map(([p, m]) => (
          <span key={p} className="field-error">
            Row {Number(p.split('.').at(-1)) + 1}: {m}
          </span>
        ))}
      <button type="button" className="btn small" disabled={full} onClick={() => onCommit([...rows, blankRow(field, rows)])}>
        + Add row{full ? ` (at most ${field.maxItems})` : ''}
      </button>
    </div>
  );
}

/** Arrays of single values (the parties a tally names, a list of seats). */
export function ListEditor({ field, id, raw, errors, onChange, onCommit, Cell }: FieldProps & CellProps) {
  const items = rowsOf(raw);
  const item = field.columns[0]!;
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const set = (i: number, v: Raw) => items.map((x, j) => (j === i ? v : x));
  return (
    <div className="list-editor" id={id} role="group" aria-label={field.label} onBlur={leaving(() => onCommit())}>
      <ol>
        {items.map((value, i) => {
          const at = `${field.key}.${i}`;
          const own = errors.filter(([p]) => p === at);
          return (
            <li key={i}>
              <Cell
                field={{ ...item, key: at }}
                id={`${id}-${i}`}
                label={`${field.label}, item ${i + 1}`}
                raw={value}
                errors={own}
                onChange={(v) => onChange(set(i, v))}
                onCommit={(v) => (v === undefined ? undefined : onChange(set(i, v)))}
                onRevert={() => undefined}
              />
              <RowTools
                label={`item ${i + 1}`}
                i={i}
                count={items.length}
                onMove={(to) => onCommit(moved(items, i, to))}
                onRemove={() => onCommit(items.filter((_, j) => j !== i))}
              />
              {own.map(([p, m]) => (
                <span key={p} className="field-error">
                  {m}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn small" disabled={full} onClick={() => onCommit([...items, blankRow(field, items)])}>
        + Add{full ? ` (at most ${field.maxItems})` : ''}
      </button>
    </div>
  );
}
