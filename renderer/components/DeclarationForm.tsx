import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { z } from 'zod';
import type { ConsoleStore } from '../store';
import { onsCodeSchema, seatResultSchema, type Constituency, type SeatResult } from '../../main/engine/election';
import {
  PARTY_CHOICES,
  buildSeat,
  describeDeclareOutcome,
  emptyDraft,
  liveFigures,
  newRow,
  partyName,
  searchConstituencies,
  type DeclareOutcome,
  type Draft,
  type FieldErrors,
} from '../declaration';

/** Electron loads the console from file://, where the server's read-only HTTP API is not there. */
export const serverReachable = (): boolean => location.protocol === 'http:' || location.protocol === 'https:';

const resultsReply = z.object({ seats: z.array(z.object({ onsCode: z.string(), seat: seatResultSchema })) });

/** The seat as the engine holds it now, for its revision; null when it cannot be asked. */
async function heldSeat(onsCode: string): Promise<SeatResult | null> {
  if (!serverReachable()) return null;
  const reply = resultsReply.parse(await (await fetch('/api/results')).json());
  return reply.seats.find((s) => s.onsCode === onsCode)?.seat ?? null;
}

type SeatChoice = Pick<Constituency, 'onsCode' | 'name'>;

interface PickerProps {
  list: Constituency[];
  onChoose: (seat: SeatChoice | null) => void;
  error: string | undefined;
}

/** ARIA combobox over the 650 names; a plain input, so the hotkeys never see its keys. */
function ConstituencyPicker({ list, onChoose, error }: PickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchConstituencies(list, text), [list, text]);
  const choose = (c: SeatChoice) => {
    setText(c.name);
    setOpen(false);
    onChoose(c);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.max(0, Math.min(matches.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault(); // never submits: only the Declare button sends
      const pick = open ? matches[active] : undefined;
      const code = text.trim().toUpperCase();
      if (pick) choose(pick);
      else if (onsCodeSchema.safeParse(code).success) choose({ onsCode: code, name: code });
    } else if (e.key === 'Escape') setOpen(false);
  };
  const expanded = open && matches.length > 0;
  return (
    <div className="field picker">
      <label htmlFor={`${id}-input`}>Constituency</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="Type a name…"
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          onChoose(null); // what is shown is always what would be declared
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Matching constituencies" className="picker-list" hidden={!expanded}>
        {matches.map((c, i) => (
          <li
            key={c.onsCode}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c);
            }}
          >
            {c.name} <span className="muted">{c.onsCode}</span>
          </li>
        ))}
      </ul>
      {error && (
        <span id={`${id}-err`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

const hasVotes = (d: Draft) => d.rows.some((r) => r.votes.trim() !== '');

/** The seat's newest revision anywhere: held, or waiting as a correction (a new declaration must pass both). */
const newestRevision = (held: SeatResult | null, waiting: SeatResult | null) => Math.max(held?.revision ?? 0, waiting?.revision ?? 0);

/** The last Declare's verdict, with the seat's state it describes (its revision, the correction it left). */
type SentOutcome = DeclareOutcome & { revision?: number; resultsRevision?: number; waitingKey?: string };

/** What the engine holds for the seat, and any correction waiting on it, in one line. */
function heldLine(held: SeatResult | null, waiting: SeatResult | null, sends: number): string {
  const now = held ? `${held.state}, revision ${held.revision}` : '…';
  const correction = waiting ? ` · correction waiting: revision ${waiting.revision} (accept or reject it under Corrections)` : '';
  return `Held: ${now}${correction} · sends revision ${sends}`;
}

/** Live declarations typed from the returning officer's words: nothing is sent until Declare. */
export function DeclarationForm({ store, list, note }: { store: ConsoleStore; list: Constituency[]; note: string | null }) {
  const send = useStore(store, (s) => s.send);
  const [seat, setSeat] = useState<SeatChoice | null>(null);
  const [held, setHeld] = useState<SeatResult | null>(null);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft());
  const [strict, setStrict] = useState(false);
  const [outcome, setOutcome] = useState<SentOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  // Pushed with every results snapshot, so a correction shows the moment it arrives.
  const waiting = useStore(store, (s) => s.results?.corrections.find((c) => c.onsCode === draft.onsCode)?.proposed ?? null);
  const waitingKey = waiting ? String(waiting.revision) : 'none';
  const revision = newestRevision(held, waiting) + 1;
  // What Declare did is said only while it is still true: a newer revision from elsewhere, or a
  // correction that arrived, was accepted or was rejected since, makes it a state that is gone.
  const current =
    outcome &&
    (outcome.revision === undefined ||
      (newestRevision(held, waiting) <= outcome.revision && (outcome.waitingKey === undefined || outcome.waitingKey === waitingKey)))
      ? outcome
      : null;
  const { errors } = buildSeat(draft, revision, strict);
  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // A slow answer for a seat the operator has since moved away from must not land on the new one.
  const chosen = useRef<string | null>(null);

  const choose = (choice: SeatChoice | null) => {
    chosen.current = choice?.onsCode ?? null;
    setSeat(choice);
    setHeld(null);
    setOutcome(null);
    edit({ onsCode: choice?.onsCode ?? '' });
    if (!choice) return;
    heldSeat(choice.onsCode)
      .then((current) => {
        if (chosen.current !== choice.onsCode) return;
        setHeld(current);
        // Start from the parties already on record for a correction, unless the operator has begun typing.
        setDraft((d) =>
          current?.state === 'declared' && !hasVotes(d) ? emptyDraft(choice.onsCode, Object.keys(current.partyVotes), String(current.electorate ?? '')) : d,
        );
      })
      .catch((e: unknown) => setOutcome({ tone: 'warn', text: `Could not read the held result (${(e as Error).message}); revision will be 1.` }));
  };

  // Keep "Held: ..." true as other sources declare; debounced, as a rehearsal changes results every tick.
  const resultsRevision = useStore(store, (s) => s.results?.resultsRevision ?? 0);
  useEffect(() => {
    const code = draft.onsCode;
    if (code === '' || !serverReachable()) return;
    const timer = setTimeout(() => {
      heldSeat(code)
        .then((current) => chosen.current === code && setHeld(current))
        .catch(() => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [draft.onsCode, resultsRevision]);

  // The correction the declaration left (if any), read once the snapshot it produced has arrived.
  useEffect(() => {
    if (outcome?.resultsRevision === undefined || outcome.waitingKey !== undefined || resultsRevision < outcome.resultsRevision) return;
    setOutcome({ ...outcome, waitingKey });
  }, [outcome, resultsRevision, waitingKey]);

  // A ref, not state: a double click lands twice before React re-renders, and a second send would
  // arrive as a pointless correction (same figures, next revision).
  const sending = useRef(false);
  const declare = async () => {
    setStrict(true);
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    try {
      // Ask again at the moment of sending, so the revision follows anything declared meanwhile.
      const now = draft.onsCode ? await heldSeat(draft.onsCode).catch(() => held) : held;
      setHeld(now);
      const pending = store.getState().results?.corrections.find((c) => c.onsCode === draft.onsCode)?.proposed ?? null;
      const sends = newestRevision(now, pending) + 1;
      const built = buildSeat(draft, sends, true);
      if (!built.seat) return setOutcome({ tone: 'error', text: 'Fix the marked fields: nothing was sent.' });
      const result = await send({ type: 'declare-results', source: 'console', seats: [built.seat] });
      const name = seat?.name ?? draft.onsCode;
      setOutcome(
        result.ok
          ? { ...describeDeclareOutcome(result.detail, name), revision: sends, resultsRevision: result.resultsRevision }
          : { tone: 'error', text: result.error.message },
      );
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const err = (key: string) => errors[key];
  const numberField = (key: 'electorate' | 'invalidVotes', label: string) => (
    <div className="field">
      <label htmlFor={`decl-${key}`}>{label}</label>
      <input
        id={`decl-${key}`}
        inputMode="numeric"
        autoComplete="off"
        value={draft[key]}
        aria-invalid={err(key) !== undefined}
        aria-describedby={err(key) ? `decl-${key}-err` : undefined}
        onChange={(e) => edit(key === 'electorate' ? { electorate: e.target.value } : { invalidVotes: e.target.value })}
      />
      {err(key) && (
        <span id={`decl-${key}-err`} className="field-error">
          {err(key)}
        </span>
      )}
    </div>
  );

  return (
    <form className="declaration" aria-label="Declare a result" onSubmit={(e) => e.preventDefault()}>
      <ConstituencyPicker list={list} onChoose={choose} error={err('onsCode')} />
      {note && <p className="form-note">{note}</p>}
      <p className="held" aria-live="polite">
        {seat ? heldLine(held, waiting, revision) : 'No constituency chosen'}
      </p>
      <fieldset className="state-choice">
        <legend>Result</legend>
        {(['declared', 'rush'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="decl-state" value={s} checked={draft.state === s} onChange={() => edit({ state: s })} />
            {s === 'declared' ? 'Declared (full figures)' : 'Rush (winner only)'}
          </label>
        ))}
      </fieldset>
      {draft.state === 'rush' ? (
        <div className="field">
          <label htmlFor="decl-rush-winner">Winner</label>
          <select id="decl-rush-winner" value={draft.rushWinner} onChange={(e) => edit({ rushWinner: e.target.value })}>
            {PARTY_CHOICES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <div className="field-pair">
            {numberField('electorate', 'Electorate')}
            {numberField('invalidVotes', 'Invalid votes')}
          </div>
          <VoteRows draft={draft} errors={errors} edit={edit} />
        </>
      )}
      {/* Pinned to the panel's foot: the figures and Declare stay in view however many rows there are. */}
      <div className="declare-footer">
        {draft.state === 'declared' && <LiveFigures draft={draft} />}
        <div className="declare-actions">
          <button type="button" className="btn declare" onClick={() => void declare()} disabled={busy}>
            DECLARE
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => {
              setDraft(emptyDraft(draft.onsCode));
              setStrict(false);
              setOutcome(null);
            }}
          >
            Clear figures
          </button>
        </div>
        <p className={`declare-outcome ${current?.tone ?? ''}`} role="status" data-outcome={current?.tone ?? ''}>
          {current?.text ?? ''}
        </p>
      </div>
    </form>
  );
}

/** Computed as the operator types, with the engine's own maths; rounded as broadcasters quote them. */
function LiveFigures({ draft }: { draft: Draft }) {
  const live = liveFigures(draft);
  const majority = live.majorityVotes === null ? '—' : `${live.majorityVotes.toLocaleString('en-GB')} (${live.majorityPercent?.toFixed(1)}%)`;
  const figures = [
    ['valid', 'Valid votes', live.validVotes.toLocaleString('en-GB')],
    ['winner', 'Winner', live.winner ? partyName(live.winner) : live.tie ? 'TIE' : '—'],
    ['majority', 'Majority', majority],
    ['turnout', 'Turnout', live.turnoutPercent === null ? '—' : `${live.turnoutPercent.toFixed(1)}%`],
  ] as const;
  return (
    <dl className="live-figures" aria-label="Live figures">
      {figures.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-figure={key}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One row per party: picker, votes, remove; duplicates and bad numbers are marked beside the row. */
function VoteRows({ draft, errors, edit }: { draft: Draft; errors: FieldErrors; edit: (patch: Partial<Draft>) => void }) {
  const setRow = (key: number, patch: { partyId?: string; votes?: string }) => edit({ rows: draft.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const unused = PARTY_CHOICES.find((p) => !draft.rows.some((r) => r.partyId === p.id))?.id ?? 'other';
  return (
    <fieldset className="vote-rows">
      <legend>Votes by party</legend>
      {draft.rows.map((row, i) => {
        const error = errors[`row:${row.key}`];
        return (
          <div className="vote-row" key={row.key} data-row={row.partyId}>
            <select aria-label={`Party, row ${i + 1}`} value={row.partyId} onChange={(e) => setRow(row.key, { partyId: e.target.value })}>
              {PARTY_CHOICES.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <input
              aria-label={`${partyName(row.partyId)} votes`}
              inputMode="numeric"
              autoComplete="off"
              value={row.votes}
              aria-invalid={error !== undefined}
              aria-describedby={error ? `row-${row.key}-err` : undefined}
              onChange={(e) => setRow(row.key, { votes: e.target.value })}
            />
            <button
              type="button"
              className="btn small"
              aria-label={`Remove ${partyName(row.partyId)} row`}
              onClick={() => edit({ rows: draft.rows.filter((r) => r.key !== row.key) })}
            >
              ✕
            </button>
            {error && (
              <span id={`row-${row.key}-err`} className="field-error">
                {error}
              </span>
            )}
          </div>
        );
      })}
      {errors.rows && <span className="field-error">{errors.rows}</span>}
      <button type="button" className="btn small" onClick={() => edit({ rows: [...draft.rows, newRow(unused)] })}>
        + Add party
      </button>
    </fieldset>
  );
}
