import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { z } from 'zod';
import type { ConsoleStore } from '../store';
import type { ProgramSnapshot } from '../../main/engine/protocol';
import { findCue, LAYERS, type Fields, type Show } from '../../main/engine/show';
import { TEMPLATES } from '../../main/templates/definitions';
import { serverReachable } from './DeclarationForm';
import { layerName } from './StackList';

// The server's error shape, e.g. a refusal to start over a live night's results.
const errorReply = z.object({ error: z.object({ message: z.string() }) });

type Request = { action: 'start'; durationSeconds: number; mark: boolean } | { action: 'stop' };

/** A graphic that draws from the results, on air or in preview: starting or stopping a rehearsal changes what it shows. */
export interface BoundGraphic {
  where: string;
  title: string;
}

/** Every bound graphic on air (by layer) and the bound cue in preview, as the console last heard from the engine. */
export function boundGraphics(program: ProgramSnapshot | null, show: Show | null): BoundGraphic[] {
  if (!program) return [];
  // A built-in that draws from the results, or an outside cue whose fields carry a `bind` map (main/templates/outside/outside-binding.ts).
  const bound = (template: string, fields: Fields) => {
    const builtin = TEMPLATES.get(template);
    if (builtin) return builtin.resolve !== undefined;
    const bind = fields.bind;
    return typeof bind === 'object' && bind !== null && Object.keys(bind).length > 0;
  };
  const found: BoundGraphic[] = [];
  for (const layer of LAYERS) {
    const onAir = program.program[layer];
    if (onAir && bound(onAir.template, onAir.fields)) found.push({ where: `${layerName(layer).toUpperCase()} on air`, title: onAir.title });
  }
  const preview = program.preview;
  if (preview && bound(preview.template, preview.fields)) {
    found.push({ where: 'PREVIEW', title: (show && findCue(show, preview.cueId)?.cue.title) ?? preview.cueId });
  }
  return found;
}

const CHANGE = {
  start: (night: string) => `Starting the rehearsal replays the results of ${night} into these graphics at once:`,
  stop: () => 'Stopping the rehearsal clears its results: these graphics lose their figures at once (a seat reads AWAITING DECLARATION):',
} as const;

const electionName = z.object({ name: z.string() });

/**
 * The open election's name (GET /api/election), for what the rehearsal replays. Asked again
 * whenever the results are all pending (a switch of election resets every seat), not at
 * every declaration of a night.
 */
function useElectionName(store: ConsoleStore): string | null {
  const [name, setName] = useState<string | null>(null);
  const resetKey = useStore(store, (s) => (s.results && s.results.totals.declared === 0 ? s.results.resultsRevision : 'night'));
  useEffect(() => {
    if (!serverReachable()) return;
    let live = true;
    fetch('/api/election')
      .then(async (res) => electionName.parse(await res.json()).name)
      .then(
        (n) => live && setName(n),
        () => live && setName(null),
      );
    return () => void (live = false);
  }, [resetKey]);
  return name;
}

/**
 * Start or stop a replay of the open election's night through POST /api/rehearsal, which only the HTTP server offers.
 * With anything bound on air or in preview, either asks first, in the console (never a browser
 * dialog), naming the graphics that will change; otherwise it goes at once.
 */
export function RehearsalControls({ store, running }: { store: ConsoleStore; running: boolean }) {
  const [minutes, setMinutes] = useState('10');
  const [mark, setMark] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Request | null>(null);
  const program = useStore(store, (s) => s.program);
  const show = useStore(store, (s) => s.show);
  const cancel = useRef<HTMLButtonElement>(null);
  const night = useElectionName(store) ?? 'the open election';
  const seconds = Math.round(Number(minutes) * 60);
  const validDuration = Number.isFinite(seconds) && seconds >= 5 && seconds <= 36_000;
  const affected = boundGraphics(program, show);

  // Cancel has the focus: an Enter or Space already on its way does not confirm.
  useEffect(() => void (asking && cancel.current?.focus()), [asking]);
  // A rehearsal started or stopped elsewhere: the question no longer stands.
  useEffect(() => setAsking(null), [running]);

  const post = async (body: Request) => {
    setAsking(null);
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
  const ask = (body: Request) => (affected.length > 0 ? setAsking(body) : void post(body));

  if (!serverReachable()) return <span className="rehearsal-controls muted">Rehearsal: run from the headless server</span>;
  return (
    <div className="rehearsal-controls" role="group" aria-label="Rehearsal">
      {running ? (
        <button type="button" className="btn small stop-rehearsal" disabled={busy || asking !== null} onClick={() => ask({ action: 'stop' })}>
          Stop rehearsal
        </button>
      ) : (
        <>
          <label htmlFor="rehearsal-minutes">Replay {night} over</label>
          <input
            id="rehearsal-minutes"
            type="number"
            min={0.1}
            max={600}
            step={0.1}
            value={minutes}
            aria-invalid={!validDuration}
            aria-describedby="rehearsal-minutes-unit"
            onChange={(e) => setMinutes(e.target.value)}
          />
          <span id="rehearsal-minutes-unit">min</span>
          <label className="rehearsal-mark-choice">
            <input type="checkbox" checked={mark} onChange={(e) => setMark(e.target.checked)} />
            REHEARSAL mark on the outputs
          </label>
          <button
            type="button"
            className="btn small"
            disabled={busy || !validDuration || asking !== null}
            onClick={() => ask({ action: 'start', durationSeconds: seconds, mark })}
          >
            Start rehearsal
          </button>
        </>
      )}
      {asking && (
        <div
          className="rehearsal-confirm"
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="rehearsal-confirm-text"
          data-rehearsal-confirm={asking.action}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(null)}
        >
          <p id="rehearsal-confirm-text">{CHANGE[asking.action](night)}</p>
          <ul>
            {affected.map((g) => (
              <li key={`${g.where}:${g.title}`} data-affected={g.where}>
                <strong>{g.where}</strong> {g.title}
              </li>
            ))}
          </ul>
          {asking.action === 'start' && (
            <p className={asking.mark ? 'muted' : 'rehearsal-unmarked'}>
              {asking.mark ? 'Every output shows the REHEARSAL mark while it runs.' : 'The outputs will NOT be marked REHEARSAL.'}
            </p>
          )}
          <div className="rehearsal-confirm-actions">
            <button type="button" className="btn small" ref={cancel} onClick={() => setAsking(null)}>
              Cancel
            </button>
            <button type="button" className="btn small stop-rehearsal" onClick={() => void post(asking)}>
              {asking.action === 'start' ? 'Start rehearsal anyway' : 'Stop rehearsal anyway'}
            </button>
          </div>
        </div>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
