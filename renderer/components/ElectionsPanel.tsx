import { useEffect, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { keepPanelKeys } from '../hotkeys';
import './elections-panel.css';

/**
 * Which election the night is judged against, and the switch to another: the
 * folders Strapline ships (seeds/elections) and those in the data folder, or a
 * folder typed in. The server refuses a switch while a bound graphic is on air
 * or in preview, and an invalid folder by file, line and field; the panel says
 * exactly what it answered. Every seat goes back to pending on a switch.
 */
const electionSchema = z.object({
  name: z.string(),
  date: z.string(),
  kind: z.string(),
  seatCount: z.number(),
  baselineSource: z.string(),
  hexLayout: z.string().nullable(),
  replayable: z.boolean(),
  folder: z.string(),
});
const listSchema = z.object({
  current: z.string(),
  elections: z.array(z.object({ folder: z.string(), name: z.string(), date: z.string(), kind: z.string() })),
});
type Election = z.infer<typeof electionSchema>;

const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;

const errorMessage = async (res: Response) => {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `HTTP ${res.status}`;
};

async function fetchJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(await errorMessage(res));
  return schema.parse(await res.json());
}

export function ElectionsPanel() {
  const [election, setElection] = useState<Election | null>(null);
  const [list, setList] = useState<z.infer<typeof listSchema> | null>(null);
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    fetchJson('/api/election', electionSchema).then(setElection, () => setElection(null));
  }, []);
  useEffect(() => {
    if (open) fetchJson('/api/elections', listSchema).then(setList, (e: Error) => setMessage({ ok: false, text: e.message }));
  }, [open]);

  const openElection = async (target: string) => {
    setMessage(null);
    const res = await fetch('/api/election', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ folder: target }) });
    if (!res.ok) return setMessage({ ok: false, text: await errorMessage(res) });
    const opened = electionSchema.parse(await res.json());
    setElection(opened);
    setMessage({
      ok: true,
      text: `Opened ${opened.name}: ${seats(opened.seatCount)}, ${opened.seatCount === 1 ? 'waiting for its result' : 'every one waiting for its result'}`,
    });
  };

  if (!election) return null;
  return (
    <span
      className="elections"
      onKeyDown={(e: KeyboardEvent<HTMLElement>) => {
        keepPanelKeys(e);
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <button
        type="button"
        className="elections-badge"
        aria-expanded={open}
        aria-controls="elections-panel"
        onClick={() => setOpen(!open)}
        data-election={election.name}
      >
        {election.name.toUpperCase()} · {seats(election.seatCount).toUpperCase()}
      </button>
      {open && (
        <section id="elections-panel" className="elections-panel" aria-label="Elections">
          <header>
            <h2>Elections</h2>
            <button type="button" className="btn small" onClick={() => setOpen(false)}>
              CLOSE
            </button>
          </header>
          <dl className="elections-now">
            <dt>Open</dt>
            <dd>
              {election.name} ({election.date}, {election.kind}), {seats(election.seatCount)}
            </dd>
            <dt>Judged on</dt>
            <dd>{election.baselineSource}</dd>
            <dt>Hex map</dt>
            <dd>{election.hexLayout === null ? 'no layout for this election' : 'layout loaded'}</dd>
            <dt>Replay</dt>
            <dd>{election.replayable ? 'its results file is at hand for a rehearsal' : 'no results file to replay'}</dd>
          </dl>
          <p className="elections-warn">Opening another election sets every seat back to waiting. Clear bound graphics from air and preview first.</p>
          <ul className="elections-list">
            {list?.elections.map((e) => (
              <li key={e.folder} data-folder={e.folder}>
                <span className="elections-name">{e.name}</span>{' '}
                <span className="elections-meta">
                  {e.date} {e.kind}
                </span>
                <button type="button" className="btn small" disabled={e.folder === election.folder} onClick={() => void openElection(e.folder)}>
                  {e.folder === election.folder ? 'OPEN NOW' : 'OPEN'}
                </button>
              </li>
            ))}
          </ul>
          <form className="elections-folder" onSubmit={(e) => (e.preventDefault(), void openElection(folder))}>
            <input
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
              placeholder="Another folder with an election.json"
              aria-label="Election folder"
              spellCheck={false}
            />
            <button type="submit" className="btn small" disabled={folder.trim() === ''}>
              OPEN FOLDER
            </button>
          </form>
          {message && (
            <p className={message.ok ? 'elections-ok' : 'elections-error'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
        </section>
      )}
    </span>
  );
}
