import { useMemo, useState } from 'react';
import type { Cue } from '../../main/engine/show';
import type { ConsoleStore } from '../store';
import type { Raw } from '../cue-form';
import { outsideFormModel, outsideRaw, outsideValue, refusalByField } from '../outside-form';
import { FieldInput } from './FieldInput';

interface Props {
  store: ConsoleStore;
  cue: Cue;
  schema: Record<string, unknown>;
}

/**
 * The fields of an outside template with a schema (OGraf, a GDD, SPX
 * DataFields), drawn by the built-ins' inputs. Each saves on its own; a value
 * the server refuses stays typed in its field with the server's message under
 * it, and the cue keeps what it had. A field left alone shows the template's
 * default, which is what the graphic is sent.
 */
export function OutsideFields({ store, cue, schema }: Props) {
  const fields = useMemo(() => outsideFormModel(schema), [schema]);
  const keys = useMemo(() => fields.map((f) => f.model.key), [fields]);
  const [drafts, setDrafts] = useState<Record<string, Raw>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = store.getState().send;

  const commit = async (key: string, raw?: Raw) => {
    const f = fields.find((x) => x.model.key === key)!;
    const typed = raw ?? drafts[key];
    if (typed === undefined) return;
    if (raw !== undefined) setDrafts((d) => ({ ...d, [key]: raw }));
    const read = outsideValue(f, typed);
    if ('error' in read) return setErrors((e) => ({ ...e, [key]: read.error }));
    const shown = cue.fields[key] ?? f.model.default;
    if (JSON.stringify(read.value) === JSON.stringify(shown) && cue.fields[key] !== undefined) {
      setDrafts(({ [key]: _, ...rest }) => rest);
      return setErrors(({ [key]: _, ...rest }) => rest);
    }
    const result = await send({ type: 'edit-cue', cueId: cue.id, fields: { [key]: read.value } });
    if (result.ok) {
      setDrafts((d) => (d[key] === typed ? (({ [key]: _, ...rest }) => rest)(d) : d));
      setErrors(({ [key]: _, ...rest }) => rest);
    } else {
      const byField = refusalByField(result.error.message, keys);
      setErrors((e) => ({ ...e, [key]: byField[key] ?? Object.values(byField).join('; ') }));
    }
  };

  return (
    <>
      {fields
        .filter((f) => !f.hidden)
        .map((f) => {
          const key = f.model.key;
          const stored = cue.fields[key];
          return (
            <FieldInput
              key={key}
              field={f.model}
              id={`outside-${key}`}
              dirty={key in drafts}
              isDefault={!(key in drafts) && stored === undefined && f.model.default !== undefined}
              raw={key in drafts ? drafts[key]! : outsideRaw(f, stored ?? f.model.default)}
              errors={errors[key] ? [[key, errors[key]]] : []}
              onChange={(raw) => setDrafts((d) => ({ ...d, [key]: raw }))}
              onCommit={(raw) => void commit(key, raw)}
              onRevert={() => {
                setDrafts(({ [key]: _, ...rest }) => rest);
                setErrors(({ [key]: _, ...rest }) => rest);
              }}
            />
          );
        })}
    </>
  );
}
