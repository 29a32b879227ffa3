import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { LAYERS, type Layer } from '../../main/engine/show';
import { layerName } from './StackList';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Every layer at a glance: what is on air, which step, for how long, and its OUT. */
export function OnAirBar({ store, onOut }: { store: ConsoleStore; onOut: (layer: Layer) => void }) {
  const program = useStore(store, (s) => s.program);
  const now = useNow(500);
  // Times on air are measured on the engine's clock, not this machine's.
  const skew = program ? program.at - Date.now() : 0;
  return (
    <ul className="on-air-bar" aria-label="On air by layer">
      {LAYERS.map((layer) => {
        const onAir = program?.program[layer];
        return (
          <li key={layer} className={`layer-row${onAir ? ' live' : ''}`} data-layer-row={layer}>
            <span className="layer-name">{layerName(layer)}</span>
            <span className="layer-what">{onAir ? onAir.title : '—'}</span>
            <span className="layer-step">{onAir ? `step ${onAir.step} of ${onAir.steps}` : ''}</span>
            <span className="layer-time">{onAir ? duration(now + skew - onAir.since) : ''}</span>
            <button className="btn small" disabled={!onAir} onClick={() => onOut(layer)} aria-label={`Take ${layerName(layer)} out`}>
              OUT
            </button>
          </li>
        );
      })}
    </ul>
  );
}
