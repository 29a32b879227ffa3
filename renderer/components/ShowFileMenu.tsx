import { useEffect, useRef, useState, type FormEvent } from 'react';
import { create, useStore } from 'zustand';
import { z } from 'zod';
import type { ConsoleStore } from '../store';
import { keepPanelKeys } from '../hotkeys';
import './show-files.css';

/**
 * New, Open, Save, Save As and the recent list, over /api/show (the server
 * owns the files; a headless server has no file dialogs, so the operator types
 * a full path). The bar also says whether there are unsaved changes and when
 * the last autosave landed. Its status is shared with RecoveryBanner.
 */

const statusSchema = z.object({
  name: z.string(),
  file: z.string().nullable(),
  dirty: z.boolean(),
  lastAutosaveAt: z.number().nullable(),
  autosaveError: z.string().nullable(),
  recent: z.array(z.object({ path: z.string(), exists: z.boolean() })),
  notices: z.array(z.string()),
  restore: z
    .object({ savedAt: z.string(), graphics: z.array(z.object({ layer: z.string(), cueId: z.string(), title: z.string(), step: z.number() })) })
    .nullable(),
  detail: z
    .object({ skipped: z.array(z.object({ layer: z.string(), reason: z.string() })) })
    .partial()
    .optional(),
});
export type ShowStatus = z.infer<typeof statusSchema>;
const errorSchema = z.object({ error: z.object({ message: z.string() }) });

/** What the server last said about the show's files; null until it has answered (or where there is no data folder). */
export const showFiles = create<{ status: ShowStatus | null }>(() => ({ status: null }));

/** The page's cookie carries the token; the URL's copy covers a browser that refused the cookie. */
function headers(): Record<string, string> {
  const token = new URLSearchParams(location.search).get('token');
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** GET with no body, POST with one. Answers the new status, or the server's own words for a refusal. */
export async function showApi(route: string, body?: unknown): Promise<{ status: ShowStatus } | { error: string }> {
  try {
    const res = await fetch(
      `/api/show${route}`,
      body === undefined ? { headers: headers() } : { method: 'POST', headers: headers(), body: JSON.stringify(body) },
    );
    const json: unknown = await res.json();
    if (!res.ok) return { error: errorSchema.safeParse(json).data?.error.message ?? `HTTP ${res.status}` };
    const status = statusSchema.parse(json);
    showFiles.setState({ status });
    return { status };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Where this console may open and save shows: the server decides (GET /api/show/folders). */
const foldersSchema = z.object({ confined: z.boolean(), folders: z.array(z.string()), example: z.string() });
type ShowFolders = z.infer<typeof foldersSchema>;

/** Null when the server cannot say (an older one, or no answer): the drawer then suggests no path. */
async function fetchFolders(): Promise<ShowFolders | null> {
  try {
    const res = await fetch('/api/show/folders', { headers: headers() });
    const parsed = foldersSchema.safeParse(await res.json());
    return res.ok && parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The drawer's line under the path: the rule this console is under, in the server's own folder names. */
function folderHelp(f: ShowFolders): string {
  if (f.confined) return `From this console, show files open and save only directly in ${f.folders.join(' or ')}`;
  return "Any full path on the server's machine, ending in .json";
}

const clock = (ms: number) => new Date(ms).toLocaleTimeString('en-GB');
type Mode = 'open' | 'save-as' | 'new' | null;

export function ShowFileMenu({ store }: { store: ConsoleStore }) {
  const status = useStore(showFiles, (s) => s.status);
  const connection = useStore(store, (s) => s.connection);
  const show = useStore(store, (s) => s.show);
  const [mode, setMode] = useState<Mode>(null);
  const [typed, setTyped] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [folders, setFolders] = useState<ShowFolders | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Asked again on every (re)connect, which is how a restarted server's recovery offer reaches the console.
  useEffect(() => {
    if (connection !== 'open') return;
    void showApi('');
    void fetchFolders().then(setFolders);
  }, [connection]);
  // After an edit, once its autosave has landed.
  useEffect(() => {
    const t = setTimeout(() => void showApi(''), 600);
    return () => clearTimeout(t);
  }, [show]);
  useEffect(() => input.current?.focus(), [mode]);

  if (!status) return null;
  const open = (next: Mode) => {
    setMode(mode === next ? null : next);
    setTyped(next === 'new' ? '' : (status.file ?? ''));
    setOverwrite(false);
    setError(null);
  };
  const run = async (route: string, body: unknown) => {
    setBusy(true);
    const r = await showApi(route, body);
    setBusy(false);
    if ('error' in r) return setError(r.error);
    setMode(null);
    setError(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'new') void run('/new', typed.trim() ? { name: typed.trim() } : {});
    else if (mode === 'save-as') void run('/save-as', { path: typed, overwrite });
    else if (mode === 'open') void run('/open', { path: typed });
  };

  return (
    // Its keys (Enter on a button, Space in a path) stay here; CLEAR ALL and search still reach the hotkeys.
    <div className="show-files" role="region" aria-label="Show file" onKeyDown={keepPanelKeys}>
      <div className="show-files-bar">
        <span className="show-files-label">SHOW</span>
        <span className="show-files-name" data-show-name>
          {status.name}
        </span>
        <span className="show-files-path" data-show-file title={status.file ?? undefined}>
          {status.file ?? 'untitled: not saved to a file yet'}
        </span>
        <span className={`show-files-state ${status.dirty ? 'dirty' : 'clean'}`} data-dirty={status.dirty}>
          {status.dirty ? 'UNSAVED CHANGES' : 'SAVED'}
        </span>
        <span className={`show-files-autosave${status.autosaveError ? ' failing' : ''}`} data-autosave>
          {status.autosaveError ?? (status.lastAutosaveAt === null ? 'autosave on' : `autosaved ${clock(status.lastAutosaveAt)}`)}
        </span>
        <span className="show-files-actions">
          <button type="button" className="btn tiny" aria-expanded={mode === 'new'} onClick={() => open('new')}>
            NEW
          </button>
          <button type="button" className="btn tiny" aria-expanded={mode === 'open'} onClick={() => open('open')}>
            OPEN…
          </button>
          <button
            type="button"
            className="btn tiny"
            disabled={busy || status.file === null}
            onClick={() => void run('/save', {})}
            title={status.file === null ? 'Untitled: use Save As' : `Save to ${status.file}`}
          >
            SAVE
          </button>
          <button type="button" className="btn tiny" aria-expanded={mode === 'save-as'} onClick={() => open('save-as')}>
            SAVE AS…
          </button>
        </span>
      </div>
      {error && mode === null && (
        <p className="show-files-error" role="alert">
          {error}
        </p>
      )}
      {mode && (
        <form
          className="show-files-drawer"
          onSubmit={submit}
          aria-label={mode === 'new' ? 'New show' : mode === 'open' ? 'Open a show file' : 'Save the show as'}
        >
          <label>
            {mode === 'new' ? 'Name of the new show' : 'Full path of the show file (.json)'}
            <input
              ref={input}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              spellCheck={false}
              placeholder={mode === 'new' ? 'Untitled show' : (folders?.example ?? '')}
              aria-describedby={mode !== 'new' && folders ? 'show-files-help' : undefined}
            />
          </label>
          {mode === 'save-as' && (
            <label className="show-files-overwrite">
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> replace a different show already at this path
            </label>
          )}
          <button type="submit" className="btn" disabled={busy}>
            {mode === 'new' ? 'CREATE' : mode === 'open' ? 'OPEN' : 'SAVE HERE'}
          </button>
          <button type="button" className="btn" onClick={() => setMode(null)}>
            CANCEL
          </button>
          {mode !== 'new' && folders && (
            <p className="show-files-help" id="show-files-help" data-confined={folders.confined}>
              {folderHelp(folders)}
            </p>
          )}
          {error && (
            <p className="show-files-error" role="alert">
              {error}
            </p>
          )}
          {mode === 'open' && status.recent.length > 0 && (
            <ul className="show-files-recent" aria-label="Recent shows">
              {status.recent.map((r) => (
                <li key={r.path}>
                  <button type="button" disabled={!r.exists || busy} onClick={() => void run('/open', { path: r.path })}>
                    {r.path}
                    {r.exists ? '' : ' (missing)'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </form>
      )}
    </div>
  );
}
