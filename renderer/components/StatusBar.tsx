import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';

export function StatusBar({ store }: { store: ConsoleStore }) {
  const connection = useStore(store, (s) => s.connection);
  const lastTakeMs = useStore(store, (s) => s.lastTakeMs);
  const [clock, setClock] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setClock(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <header className="status-bar" role="banner">
      <span className="brand">STRAPLINE</span>
      <span className={`conn conn-${connection}`} aria-label="Engine connection">
        {connection === 'open' ? 'ENGINE CONNECTED' : connection === 'connecting' ? 'CONNECTING…' : 'ENGINE LOST: RECONNECTING'}
      </span>
      <span className="take-latency" aria-label="Last take latency">
        last take {lastTakeMs === null ? '—' : `${lastTakeMs.toFixed(1)} ms`}
      </span>
      <time className="clock" aria-label="Clock">{clock.toLocaleTimeString('en-GB')}</time>
    </header>
  );
}
