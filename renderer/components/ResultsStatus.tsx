import { useState } from 'react';
import { useStore } from 'zustand';
import { z } from 'zod';
import type { ConsoleStore } from '../store';
import { formatClock } from '../declaration';
import { serverReachable } from './DeclarationForm';
import { keepPanelKeys } from '../hotkeys';
import { DropProblems } from './DropProblems';

/** The night at a glance: how many seats are in, when the last one came, and any corrections. */
export function ResultsStatus({ store, onShowCorrections }: { store: ConsoleStore; onShowCorrections: () => void }) {
  const results = useStore(store, (s) => s.results);
  const rehearsal = results?.mode === 'rehearsal';
  const pending = results?.corrections.length ?? 0;
  const totals = results?.totals;
  return (
    <div className="results-status-area">
      {rehearsal && (
        // Loud on purpose: nobody on the gallery floor may mistake replayed results for the night's.
        <div className="rehearsal-banner" role="alert" data-rehearsal-banner>
          <span>REHEARSAL — not live results</span>
        </div>
      )}
      {/* Its keys stay here (Space on its buttons never takes), bar those meant from anywhere: CLEAR ALL, search. */}
      <div className="results-status" role="region" aria-label="Results status" onKeyDown={keepPanelKeys}>
        <span className="declared-count" data-declared-count>
          {totals ? `Declared ${totals.declared} of ${totals.seatCount}` : 'Results: waiting for the engine'}
          {totals && totals.rush > 0 ? ` · ${totals.rush} rush` : ''}
        </span>
        <span className="last-declaration">
          Last declaration <time>{results?.lastDeclarationAt ? formatClock(results.lastDeclarationAt) : '—'}</time>
        </span>
        <button type="button" className={`corrections-badge${pending ? ' waiting' : ''}`} onClick={onShowCorrections}
          aria-label={`${pending} correction${pending === 1 ? '' : 's'} waiting: show corrections`}>
          Corrections <span className="badge" data-corrections-count>{pending}</span>
        </button>
        <DropProblems store={store} />
        <RehearsalControls running={rehearsal} />
      </div>
    </div>
  );
}

// The server's error shape, e.g. a refusal to start over a live night's results.
const errorReply = z.object({ error: z.object({ message: z.string() }) });

/** Start or stop a replay of 2024 through POST /api/rehearsal, which only the HTTP server offers. */
function RehearsalControls({ running }: { running: boolean }) {
  const [minutes, setMinutes] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reachable = serverReachable();
  const seconds = Math.round(Number(minutes) * 60);
  const validDuration = Number.isFinite(seconds) && seconds >= 5 && seconds <= 36_000;

  const post = async (body: { action: 'start'; durationSeconds: number } | { action: 'stop' }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/rehearsal', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const refused = errorReply.safeParse(await res.json());
      if (!res.ok || refused.success) setError(refused.success ? refused.data.error.message : `HTTP ${res.status}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!reachable) return <span className="rehearsal-controls muted">Rehearsal: run from the headless server</span>;
  return (
    <div className="rehearsal-controls" role="group" aria-label="Rehearsal">
      {running ? (
        <button type="button" className="btn small stop-rehearsal" disabled={busy} onClick={() => void post({ action: 'stop' })}>
          Stop rehearsal
        </button>
      ) : (
        <>
          <label htmlFor="rehearsal-minutes">Replay 2024 over</label>
          <input id="rehearsal-minutes" type="number" min={0.1} max={600} step={0.1} value={minutes}
            aria-invalid={!validDuration} aria-describedby="rehearsal-minutes-unit" onChange={(e) => setMinutes(e.target.value)} />
          <span id="rehearsal-minutes-unit">min</span>
          <button type="button" className="btn small" disabled={busy || !validDuration}
            onClick={() => void post({ action: 'start', durationSeconds: seconds })}>
            Start rehearsal
          </button>
        </>
      )}
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
