import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { OUTPUT_STALE_AFTER_MS, type OutputStatus } from '../../main/engine/protocol';
import { useNow } from './OnAirBar';

export type OutputState = 'ok' | 'slow' | 'stale' | 'waiting' | 'viewer' | 'disconnected';

/** Below this the output is dropping frames on any broadcast rate (50 or 60 Hz). */
const SLOW_FPS = 45;

/** How one output looks from here, judged on the server's clock. */
export function outputState(o: OutputStatus, serverNow: number): OutputState {
  if (o.disconnectedAt !== null) return 'disconnected';
  if (o.lastReportAt === null) {
    // Pages that never report (the producer view, an old output) are watchers, not air.
    return serverNow - o.connectedSince > OUTPUT_STALE_AFTER_MS ? 'viewer' : 'waiting';
  }
  if (serverNow - o.lastReportAt > OUTPUT_STALE_AFTER_MS) return 'stale';
  return (o.fps ?? 0) < SLOW_FPS ? 'slow' : 'ok';
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB');
}

function describe(o: OutputStatus, state: OutputState, serverNow: number): { short: string; long: string } {
  const layers = o.layers && o.layers.length < 4 ? o.layers.join(', ') : 'all layers';
  switch (state) {
    case 'ok':
    case 'slow':
      return { short: `${o.fps!.toFixed(0)} fps`, long: `connected, ${layers}, ${o.fps!.toFixed(1)} frames a second` };
    case 'stale': {
      const s = Math.round((serverNow - o.lastReportAt!) / 1000);
      return { short: `STALE ${s}s`, long: `connected but silent for ${s} seconds: the page may be frozen or hidden` };
    }
    case 'waiting':
      return { short: 'connecting', long: 'connected, waiting for its first report' };
    case 'viewer':
      return { short: 'viewer', long: 'a read-only view that sends no frame reports' };
    case 'disconnected':
      return { short: `LOST ${clock(o.disconnectedAt!)}`, long: `disconnected at ${clock(o.disconnectedAt!)}` };
  }
}

/** Every output the server knows: connected or lost, its frame rate, and a flag on one gone quiet. */
export function OutputHealth({ store }: { store: ConsoleStore }) {
  const snapshot = useStore(store, (s) => s.outputs);
  const connected = useStore(store, (s) => s.connection === 'open');
  const now = useNow(1000);
  // The offset is taken when a snapshot arrives, so silence is timed on the server's clock.
  const skew = useMemo(() => (snapshot ? snapshot.at - Date.now() : 0), [snapshot]);
  const outputs = snapshot?.outputs ?? [];
  const live = outputs.filter((o) => o.disconnectedAt === null).length;
  // Only the engine measures the outputs: without it there is nothing to report, good or bad.
  if (!connected || !snapshot) {
    return (
      <ul className="output-health" aria-label="Outputs">
        <li
          className="output-chip output-unknown"
          data-output-state="unknown"
          title="The engine is not connected: the outputs' health is not known"
          aria-label="Outputs: unknown while the engine is not connected"
        >
          OUTPUTS UNKNOWN
        </li>
      </ul>
    );
  }
  return (
    <ul className="output-health" aria-label="Outputs">
      {live === 0 && (
        <li className="output-chip output-none" data-output-state="none">
          NO OUTPUT
        </li>
      )}
      {outputs.map((o) => {
        const state = outputState(o, now + skew);
        const text = describe(o, state, now + skew);
        return (
          <li
            key={o.id}
            className={`output-chip output-${state}`}
            data-output-id={o.id}
            data-output-state={state}
            title={text.long}
            aria-label={`Output ${o.id}: ${text.long}`}
          >
            <span className="output-name">OUT {o.id}</span> <span className="output-fps">{text.short}</span>
          </li>
        );
      })}
    </ul>
  );
}
