import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { CasparcgOutputStatus, CasparcgServerStatus } from '../../main/engine/protocol';

/** Commands answered slower than this are a lag worth the operator's eye: about two frames at 50 Hz. */
const LAGGING_MS = 40;

export type CasparcgServerState = 'ok' | 'lagging' | 'error' | 'down';

/** How one CasparCG server looks from here: down, refusing, behind, or fine. */
export function casparcgServerState(s: CasparcgServerStatus): CasparcgServerState {
  if (!s.connected) return 'down';
  if (!s.inSync) return 'error';
  return s.lagMs !== null && s.lagMs >= LAGGING_MS ? 'lagging' : 'ok';
}

function text(s: CasparcgServerStatus, state: CasparcgServerState): { short: string; long: string } {
  const at = `${s.host}:${s.port}`;
  const lag = s.lagMs === null ? '' : `${Math.round(s.lagMs)} ms`;
  const error = s.lastError ? `; last error: ${s.lastError.message}` : '';
  switch (state) {
    case 'down':
      return { short: 'DOWN', long: `${at} not connected; it is re-asserted when it comes back${error}` };
    case 'lagging':
      return { short: `LAG ${lag}`, long: `${at} answering in ${lag}${error}` };
    case 'error':
      return { short: 'ERROR', long: `${at} connected, but a command failed: it may not show what is on air until it reconnects${error}` };
    case 'ok':
      return { short: lag || 'OK', long: `${at} connected, answering in ${lag || '—'}` };
  }
}

/**
 * The CasparCG servers beside the output pages' health: each main and backup,
 * connected, lagging by how much, its last error, and a flag when main and backup
 * may not show the same picture. Absent when no CasparCG output is configured.
 */
export function CasparcgStatus({ store }: { store: ConsoleStore }) {
  const outputs: CasparcgOutputStatus[] = useStore(store, (s) => s.outputs?.casparcg ?? NONE);
  if (outputs.length === 0) return null;
  return (
    <ul className="output-health casparcg-health" aria-label="CasparCG servers">
      {outputs.flatMap((o) => [
        ...o.servers.map((s) => {
          const state = casparcgServerState(s);
          const t = text(s, state);
          const chip = state === 'ok' ? 'ok' : state === 'down' ? 'disconnected' : 'slow';
          return (
            <li
              key={`${o.id}-${s.role}`}
              className={`output-chip output-${chip}`}
              data-casparcg={o.id}
              data-casparcg-role={s.role}
              data-casparcg-state={state}
              title={t.long}
              aria-label={`CasparCG ${o.id} ${s.role}: ${t.long}`}
            >
              <span className="output-name">
                CG {o.id}
                {o.servers.length > 1 ? ` ${s.role.toUpperCase()}` : ''}
              </span>{' '}
              <span className="output-fps">{t.short}</span>
            </li>
          );
        }),
        ...(o.disagreement
          ? [
              <li
                key={`${o.id}-differ`}
                className="output-chip output-slow"
                data-casparcg-disagree={o.id}
                title={o.disagreement}
                aria-label={`CasparCG ${o.id}: main and backup differ: ${o.disagreement}`}
              >
                <span className="output-name">MAIN ≠ BACKUP</span>
              </li>,
            ]
          : []),
      ])}
    </ul>
  );
}

const NONE: CasparcgOutputStatus[] = [];
