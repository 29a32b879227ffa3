import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { constituencySchema, type Constituency } from '../../main/engine/election';
import { partyColour } from '../../main/templates/palette';
import type { FieldModel } from '../cue-form';
import { searchConstituencies } from '../declaration';
import { lineKeys } from './field-shared';

interface Common {
  id: string;
  'aria-label': string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A party select with its colour beside it, from the one palette the output uses. */
export function PartySelect({ field, value, onChoose, ...common }: Common & { field: FieldModel; value: string; onChoose: (v: string) => void }) {
  return (
    <span className="party-pick">
      <span className="swatch" style={{ background: partyColour(value) }} aria-hidden="true" />
      <select {...common} value={value} onChange={(e) => onChoose(e.target.value)}>
        {field.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </span>
  );
}

const listReply = z.object({ constituencies: z.array(constituencySchema) });
let listPromise: Promise<Constituency[]> | null = null;
/** The list once it has come: a picker mounted after that starts with it, never with a blank that fills a beat later. */
let loaded: Constituency[] | null = null;

/**
 * The 650 seats, fetched once for every picker on the page. Served over HTTP
 * the server has them; the Electron console (file://) loads the same file
 * from its own bundle instead.
 */
function loadConstituencies(): Promise<Constituency[]> {
  listPromise ??= (
    location.protocol.startsWith('http')
      ? fetch('/api/constituencies').then(async (r) => listReply.parse(await r.json()).constituencies)
      : import('../../seeds/reference/constituencies.json').then((m) => listReply.parse(m.default).constituencies)
  ).then(
    (list) => (loaded = list),
    (e: unknown) => {
      listPromise = null; // a later picker may try again
      throw e;
    },
  );
  return listPromise;
}

/**
 * The 650 for a picker. The console asks for them at its start (App), so by the time an
 * operator opens a picker they are here: a name that arrived while the operator was already
 * typing would move the caret and mix the two ("PeterboroughYnys").
 */
export function useConstituencyList(): { list: Constituency[]; error: string | null } {
  const [state, setState] = useState<{ list: Constituency[]; error: string | null }>(() => ({ list: loaded ?? [], error: null }));
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadConstituencies()
      .then((list) => live && setState({ list, error: null }))
      .catch((e: unknown) => live && setState({ list: [], error: `Constituency list unavailable (${(e as Error).message}): type an ONS code` }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

const REGION_NAMES: Record<string, string> = { all: 'Whole UK', '': 'Whole UK' };

/** Regions and nations as the constituency list names them, plus any fixed choices ("all"). */
export function RegionSelect({ field, value, onChoose, ...common }: Common & { field: FieldModel; value: string; onChoose: (v: string) => void }) {
  const { list } = useConstituencyList();
  const regions = useMemo(() => {
    const named = new Map(list.map((c) => [c.regionCode, c.regionName]));
    const fixed = field.choices.map((c) => ({ value: c.value, label: named.get(c.value) ?? REGION_NAMES[c.value] ?? c.label }));
    // An enum lists its own codes; an open field offers every region in the list.
    const open = field.free ? [...named].sort((a, b) => a[1].localeCompare(b[1])).map(([code, name]) => ({ value: code, label: name })) : [];
    const blank = field.free && (field.default === '' || field.optional) ? [{ value: '', label: REGION_NAMES[''] }] : [];
    const all = [...blank, ...fixed, ...open];
    return all.some((o) => o.value === value) ? all : [{ value, label: value }, ...all];
  }, [list, field, value]);
  return (
    <select {...common} value={value} onChange={(e) => onChoose(e.target.value)}>
      {regions.map((r) => (
        <option key={r.value} value={r.value}>
          {r.label}
          {r.value && r.value !== 'all' ? ` (${r.value})` : ''}
        </option>
      ))}
    </select>
  );
}

/** A combobox over the 650 names; saves the ONS code. An ONS code typed in full is taken as it is. */
export function ConstituencyField({ value, onChoose, ...common }: Common & { value: string; onChoose: (code: string) => void }) {
  const { list, error } = useConstituencyList();
  const name = useMemo(() => list.find((c) => c.onsCode === value)?.name, [list, value]);
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => (text === null ? [] : searchConstituencies(list, text, 8)), [list, text]);
  const choose = (code: string) => {
    setText(null);
    onChoose(code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(matches.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      const code = text?.trim().toUpperCase() ?? '';
      const pick = matches[active];
      lineKeys(
        () => (pick ? choose(pick.onsCode) : /^[ENSW]\d{8}$/.test(code) ? choose(code) : undefined),
        () => undefined,
      )(e);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setText(null);
    }
  };
  const listId = `${common.id}-list`;
  const open = text !== null && matches.length > 0;
  return (
    <span className="picker constituency-pick">
      <input
        {...common}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text ?? name ?? value}
        placeholder="Type a constituency…"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onBlur={() => setText(null)}
        onKeyDown={onKeyDown}
      />
      <span className="picker-code" aria-hidden="true">
        {value}
      </span>
      <ul id={listId} role="listbox" aria-label="Matching constituencies" className="picker-list" hidden={!open}>
        {matches.map((c, i) => (
          <li
            key={c.onsCode}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c.onsCode);
            }}
          >
            {c.name} <span className="muted">{c.regionName}</span>
          </li>
        ))}
      </ul>
      {error && <span className="field-help">{error}</span>}
    </span>
  );
}

/** The browser's colour well, with the hex code beside it to type or paste. */
export function ColourField({
  value,
  onChange,
  onChoose,
  onRevert,
  ...common
}: Common & { value: string; onChange: (v: string) => void; onChoose: (v: string) => void; onRevert: () => void }) {
  const well = /^#[0-9a-f]{6}$/i.test(value) ? value : '#000000';
  return (
    <span className="colour-pick">
      <input
        type="color"
        aria-label={`${common['aria-label']} colour well`}
        value={well.toLowerCase()}
        onChange={(e) => onChoose(e.target.value.toUpperCase())}
      />
      <input
        {...common}
        type="text"
        className="hex"
        value={value}
        maxLength={7}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => onChoose(value)}
        onKeyDown={lineKeys(() => onChoose(value), onRevert)}
      />
    </span>
  );
}
