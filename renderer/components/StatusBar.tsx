import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { AccessPanel } from './AccessPanel';
import { ElectionsPanel } from './ElectionsPanel';
import { OutputHealth } from './OutputHealth';
import { CasparcgStatus } from './CasparcgStatus';
import { CheatSheet } from './CheatSheet';
import { useNow } from './OnAirBar';
import { keymapStore } from '../hotkeys';
import { ariaShortcuts, formatChord } from '../keymap';

const CONNECTION_TEXT = { open: 'ENGINE OK', connecting: 'CONNECTING…', closed: 'ENGINE LOST · RECONNECTING' } as const;

/**
 * The gallery's health line: engine link, every output and its frame rate,
 * the last take's round trip and the clock. Nothing here ever blocks: faults
 * show as colour and words, and errors as notices.
 */
export function StatusBar({ store }: { store: ConsoleStore }) {
  const connection = useStore(store, (s) => s.connection);
  const lastTakeMs = useStore(store, (s) => s.lastTakeMs);
  const keymap = useStore(keymapStore, (s) => s.keymap);
  const now = useNow(1000);

  // A refused saved keymap is said once, at start; the defaults are already in force.
  useEffect(() => {
    const notice = keymapStore.getState().loadNotice;
    if (notice) store.getState().notify(notice);
  }, [store]);

  const sheetKey = keymap.cheatSheet[0];
  return (
    <header className="status-bar" role="banner">
      <span className="brand">STRAPLINE</span>
      <span className={`conn conn-${connection}`} role="status" aria-label="Engine connection" data-connection={connection}>
        {CONNECTION_TEXT[connection]}
      </span>
      <OutputHealth store={store} />
      <CasparcgStatus store={store} />
      <span className="take-latency" aria-label="Last take round trip" data-take-latency>
        LAST TAKE {lastTakeMs === null ? '—' : `${lastTakeMs.toFixed(1)} ms`}
      </span>
      <span className="status-spacer" />
      <ElectionsPanel />
      <AccessPanel />
      <button
        type="button"
        className="btn tiny keys-button"
        onClick={() => keymapStore.getState().setSheetOpen(true)}
        aria-keyshortcuts={ariaShortcuts(keymap, 'cheatSheet')}
        aria-haspopup="dialog"
      >
        KEYS {sheetKey && <kbd aria-hidden="true">{formatChord(sheetKey)}</kbd>}
      </button>
      <time className="clock" aria-label="Clock" dateTime={new Date(now).toISOString()}>
        {new Date(now).toLocaleTimeString('en-GB')}
      </time>
      <CheatSheet />
    </header>
  );
}
