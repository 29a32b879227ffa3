import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { z } from 'zod';
import { AS_RUN_KEPT, type ConsoleStore } from '../store';
import type { AsRunEntry } from '../../main/engine/protocol';
import { LAYERS, layerSchema, type Layer } from '../../main/engine/show';
import { asRunCsv, csvFileName, describeEntry, filterAsRun, NO_FILTER, type AsRunFilter } from '../as-run-csv';
import { layerName } from './StackList';

/** Rows drawn at once: the night can run to thousands, the panel shows the newest. */
export const AS_RUN_ROWS = 200;
const ACTIONS: AsRunEntry['action'][] = ['take', 'next', 'update', 'out', 'clear-all', 'hold', 'release', 'mode'];

const entrySchema = z.union([
  z.object({
    at: z.string(),
    revision: z.number(),
    action: z.enum(['take', 'next', 'update', 'out', 'clear-all']),
    layer: layerSchema,
    cueId: z.string(),
    template: z.string(),
    title: z.string(),
    step: z.number(),
    rehearsal: z.literal(true).optional(),
  }),
  z.object({
    at: z.string(),
    revision: z.number(),
    action: z.enum(['hold', 'release']),
    layer: layerSchema,
    by: layerSchema,
    cueId: z.string(),
    template: z.string(),
    title: z.string(),
    step: z.number(),
    rehearsal: z.literal(true).optional(),
  }),
  z.object({ at: z.string(), revision: z.number(), action: z.literal('mode'), mode: z.enum(['live', 'rehearsal']) }),
]);
const replySchema = z.object({ entries: z.array(entrySchema) });

/** One dispatch writes one entry a layer; mode switches can share a revision, so the time is part of it. */
const keyOf = (e: AsRunEntry) => `${e.at}|${e.revision}|${e.action}|${e.action === 'mode' ? e.mode : e.layer}`;

/** What went to air before this page loaded comes from the server; live entries keep arriving by the socket. */
async function backfill(store: ConsoleStore): Promise<void> {
  const token = new URLSearchParams(location.search).get('token');
  const res = await fetch('/api/as-run', { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const { entries } = replySchema.parse(await res.json());
  const live = store.getState().asRun;
  const seen = new Set(entries.map(keyOf));
  // Entries that arrived by the socket while the request was out are kept, once.
  const merged = [...entries, ...live.filter((e) => !seen.has(keyOf(e)))].slice(-AS_RUN_KEPT);
  store.setState({ asRun: merged });
}

function download(csv: string): void {
  // A byte-order mark, so spreadsheets read Ynys Môn as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: csvFileName(new Date()) });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The as-run: what went to air, when and on which layer; filter it, export it as CSV. */
export function AsRunPanel({ store }: { store: ConsoleStore }) {
  const entries = useStore(store, (s) => s.asRun);
  const connection = useStore(store, (s) => s.connection);
  const [filter, setFilter] = useState<AsRunFilter>(NO_FILTER);
  const shown = useMemo(() => filterAsRun(entries, filter), [entries, filter]);

  useEffect(() => {
    if (connection !== 'open' || !/^https?:$/.test(location.protocol)) return;
    backfill(store).catch((e: unknown) => store.getState().notify(`As-run history unavailable: ${(e as Error).message}`));
  }, [connection, store]);

  return (
    <section className="as-run" aria-labelledby="as-run-title">
      <div className="as-run-tools" role="search" aria-label="Filter the as-run">
        <h2 id="as-run-title">AS-RUN</h2>
        <input
          type="search"
          placeholder="Filter title or cue"
          aria-label="Filter as-run by text"
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <select
          aria-label="Filter as-run by layer"
          value={filter.layer ?? ''}
          onChange={(e) => setFilter({ ...filter, layer: (e.target.value || null) as Layer | null })}
        >
          <option value="">All layers</option>
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {layerName(l)}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter as-run by action"
          value={filter.action ?? ''}
          onChange={(e) => setFilter({ ...filter, action: (e.target.value || null) as AsRunFilter['action'] })}
        >
          <option value="">All actions</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <span className="as-run-count" data-as-run-count>{`${shown.length} of ${entries.length}`}</span>
        <button type="button" className="btn tiny" disabled={shown.length === 0} onClick={() => download(asRunCsv([...shown].reverse()))}>
          Export CSV
        </button>
      </div>
      <div className="as-run-scroll">
        <table className="as-run-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Action</th>
              <th scope="col">Layer</th>
              <th scope="col">Graphic</th>
              <th scope="col">Step</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, AS_RUN_ROWS).map((e) => (
              <tr key={keyOf(e)} className={`as-run-${e.action}`} data-as-run-action={e.action}>
                <td>
                  <time dateTime={e.at}>{new Date(e.at).toLocaleTimeString('en-GB')}</time>
                </td>
                <td>
                  {e.action.toUpperCase()}
                  {e.action !== 'mode' && e.rehearsal ? ' (R)' : ''}
                </td>
                <td>{e.action === 'mode' ? '' : layerName(e.layer)}</td>
                <td className="as-run-title">{describeEntry(e)}</td>
                <td>{e.action === 'mode' ? '' : e.step}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > AS_RUN_ROWS && <p className="muted as-run-more">{`Newest ${AS_RUN_ROWS} shown; the CSV has all ${shown.length}.`}</p>}
        {entries.length === 0 && <p className="muted as-run-more">Nothing has gone to air this session.</p>}
      </div>
    </section>
  );
}
