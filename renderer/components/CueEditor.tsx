import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { LAYERS, findCue, type Cue, type Layer } from '../../main/engine/show';
import type { TemplateDefinition } from '../../main/engine/templates';
import { TEMPLATES } from '../../main/templates/definitions';
import type { ConsoleStore } from '../store';
import { checkDraft, errorsOf, formModel, shownFields, toRaw, type Raw } from '../cue-form';
import { FieldInput } from './FieldInput';
import { lineKeys } from './field-shared';
import { CueEditorAir, sameValue } from './CueEditorAir';
import { OutsideCueForm } from './OutsideCueForm';
import { editActions } from './stack-editor-actions';
import { CUE_TITLE_INPUT_ID } from './stack-editor-input';
import { SHOW_EDITOR_ATTR } from '../hotkeys';
import { LIST_KEYS, ariaChords, type ListKey } from '../keymap';

const listChords = (id: ListKey['id']) => ariaChords(LIST_KEYS.find((k) => k.id === id)!.keys);
// Undo and redo reach the show from this form's buttons and pickers (hotkeys.ts keepPanelKeys).
const editorMark = { [SHOW_EDITOR_ATTR]: '' };

/**
 * The selected cue's form, generated from its template's field schema. It
 * follows the selection a beat behind the list (a deferred value), so moving
 * through a long stack paints the list first.
 */
export function CueEditor({ store }: { store: ConsoleStore }) {
  const show = useStore(store, (s) => s.show);
  const selected = useDeferredValue(useStore(store, (s) => s.selectedCueId));
  const found = show && selected ? findCue(show, selected) : undefined;
  const template = found && TEMPLATES.get(found.cue.template);
  const outside = useStore(store, (s) => s.templates)?.templates.find((t) => t.id === found?.cue.template && t.kind !== 'builtin');
  if (found && !template && outside) return <OutsideCueForm key={found.cue.id} store={store} cue={found.cue} listing={outside} />;
  if (!found)
    return (
      <div className="cue-editor empty">
        <p>
          Select a cue to edit it, or add one with <strong>+ Cue</strong>.
        </p>
      </div>
    );
  if (!template)
    return (
      <div className="cue-editor empty">
        <p>
          “{found.cue.title}” uses a template this console does not know ({found.cue.template}).
        </p>
      </div>
    );
  // Keyed by cue: another cue starts with a clean form, never with this one's half-typed values.
  return <CueForm key={found.cue.id} store={store} cue={found.cue} stackName={found.stack.name} template={template} />;
}

interface FormProps {
  store: ConsoleStore;
  cue: Cue;
  stackName: string;
  template: TemplateDefinition;
}

function CueForm({ store, cue, stackName, template }: FormProps) {
  const model = formModel(template.fields);
  const actions = useMemo(() => editActions(store), [store]);
  const send = store.getState().send;
  const [drafts, setDrafts] = useState<Record<string, Raw>>({});
  const [title, setTitle] = useState<string | null>(null);
  const check = useMemo(() => checkDraft(template.fields, model, cue.fields, drafts), [template, model, cue.fields, drafts]);
  // What the graphic draws, defaults included: never an empty form over a full graphic.
  const shown = useMemo(() => shownFields(template.fields, model, cue.fields), [template, model, cue.fields]);
  // Enter and then the blur that follows would send the same value twice: two steps of undo for one edit.
  const inFlight = useRef(new Map<string, unknown>());
  const once = async (key: string, value: unknown, send: () => Promise<{ ok: boolean }>): Promise<boolean> => {
    if (inFlight.current.has(key) && sameValue(inFlight.current.get(key), value)) return false;
    inFlight.current.set(key, value);
    try {
      return (await send()).ok;
    } finally {
      if (inFlight.current.get(key) === value) inFlight.current.delete(key);
    }
  };

  const drop = (key: string, sent: Raw) =>
    setDrafts((d) => {
      if (d[key] !== sent) return d; // typed on since: keep it
      const { [key]: _, ...rest } = d;
      return rest;
    });

  /** Saves one field, only if it is valid: a refused value stays in the form with its message. */
  const commit = async (key: string, raw?: Raw) => {
    const next = raw === undefined ? drafts : { ...drafts, [key]: raw };
    if (raw !== undefined) setDrafts(next);
    if (!(key in next)) return;
    const c = checkDraft(template.fields, model, cue.fields, next);
    if (errorsOf(c.errors, key).length > 0 || '' in c.errors) return;
    // The value the graphic already draws (the stored one, or the default): nothing to send.
    if (sameValue(c.fields[key], shown.values[key])) return drop(key, next[key]!);
    const value = c.fields[key];
    if (await once(key, value, () => send({ type: 'edit-cue', cueId: cue.id, fields: { [key]: value } }))) drop(key, next[key]!);
  };
  const revert = (key: string) => setDrafts(({ [key]: _, ...rest }) => rest);

  /** A typed title is the operator's and sticks; an emptied one goes back to the automatic title. */
  const saveTitle = async () => {
    if (title === null) return;
    const next = title.trim().slice(0, 200);
    if (next === cue.title || (next === '' && cue.autoTitle)) return setTitle(null);
    const edit = next === '' ? { autoTitle: true as const } : { title: next };
    if (await once('title', next, () => send({ type: 'edit-cue', cueId: cue.id, ...edit }))) setTitle(null);
  };

  const unsaved = Object.keys(drafts).length > 0 || title !== null;
  return (
    <section className="cue-editor" aria-label="Cue editor" data-editing={cue.id} {...editorMark}>
      <header className="cue-editor-head">
        <div className="cue-editor-what">
          <span className="template-name">
            {template.name}
            {template.resolve && (
              <span className="bound-tag" title="Draws the accepted results when it is cued and taken">
                LIVE DATA
              </span>
            )}
          </span>
          <span className="muted">
            In {stackName} · id {cue.id}
          </span>
        </div>
        <div className="cue-editor-tools">
          <button type="button" className="btn small" aria-keyshortcuts={listChords('duplicate')} onClick={() => void actions.duplicate(cue.id)}>
            Duplicate
          </button>
          <button
            type="button"
            className="btn small danger"
            aria-keyshortcuts={listChords('remove')}
            onClick={() =>
              void actions.remove(cue.id, store.getState().visibleCueIds ?? store.getState().show?.stacks.flatMap((s) => s.cues.map((c) => c.id)) ?? [])
            }
          >
            Delete
          </button>
        </div>
      </header>
      <CueEditorAir store={store} cue={cue} model={model} unsaved={unsaved} />
      <div className="cue-form">
        <div
          className={`form-field${title !== null ? ' dirty' : ''}${cue.autoTitle && title === null ? ' default' : ''}`}
          data-field="title"
          data-auto-title={cue.autoTitle ? '' : undefined}
        >
          <span className="field-head">
            <label htmlFor={CUE_TITLE_INPUT_ID}>Cue title (the list and the as-run log)</label>
            {cue.autoTitle && title === null && (
              <span className="default-tag" title="Made from the fields: it changes with them">
                automatic
              </span>
            )}
          </span>
          <input
            id={CUE_TITLE_INPUT_ID}
            type="text"
            value={title ?? cue.title}
            maxLength={200}
            placeholder="Empty: the template's title, following the graphic"
            onChange={(e) => setTitle(e.target.value)}
            onBlur={() => void saveTitle()}
            onKeyDown={lineKeys(
              () => void saveTitle(),
              () => setTitle(null),
            )}
          />
          <span className="field-help">
            {cue.autoTitle
              ? 'Follows the graphic (the seat, the region) until you type a title'
              : 'Your title: it stays whatever the fields become. Empty it to follow the graphic again'}
          </span>
        </div>
        <div className="form-field">
          <label htmlFor="cue-layer">Layer</label>
          <select id="cue-layer" value={cue.layer} onChange={(e) => void send({ type: 'edit-cue', cueId: cue.id, layer: e.target.value as Layer })}>
            {LAYERS.map((l) => (
              <option key={l} value={l}>
                {l.replace('-', ' ')}
                {l === template.layer ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </div>
        {model.map((f) => (
          <FieldInput
            key={f.key}
            field={f}
            id={`field-${f.key}`}
            dirty={f.key in drafts}
            isDefault={!(f.key in drafts) && shown.defaults.has(f.key)}
            raw={f.key in drafts ? drafts[f.key]! : toRaw(f, shown.values[f.key])}
            errors={f.key in drafts ? errorsOf(check.errors, f.key) : []}
            onChange={(raw) => setDrafts((d) => ({ ...d, [f.key]: raw }))}
            onCommit={(raw) => void commit(f.key, raw)}
            onRevert={() => revert(f.key)}
          />
        ))}
        {check.errors[''] && (
          <p className="field-error" role="alert">
            {check.errors['']}
          </p>
        )}
      </div>
      <p className="form-note">Saved as you leave each field (Enter in a line). {unsaved ? 'Fields marked ● are not saved yet.' : 'All saved.'}</p>
    </section>
  );
}
