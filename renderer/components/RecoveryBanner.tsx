import { useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { showApi, showFiles } from './ShowFileMenu';
import { keepPanelKeys } from '../hotkeys';

/**
 * After a crash the server reopens the show and holds what was on air as an
 * offer; this banner asks the operator. Nothing goes back to air without their
 * word: RESTORE puts the graphics back cut to their steady state (no
 * in-animation), LEAVE OFF AIR drops the offer. It also carries what the start
 * had to say (a damaged autosave passed over), until dismissed.
 */

const LAYER_NAMES: Record<string, string> = { fullscreen: 'FULL SCREEN', 'lower-third': 'LOWER THIRD', ticker: 'TICKER', bug: 'BUG' };

export function RecoveryBanner({ store }: { store: ConsoleStore }) {
  const status = useStore(showFiles, (s) => s.status);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  if (!status) return null;
  const notices = status.notices.filter((n) => !hidden.has(n));
  const offer = status.restore;
  if (!offer && notices.length === 0) return null;

  const answer = async (accept: boolean) => {
    setBusy(true);
    const r = await showApi('/restore', { accept });
    setBusy(false);
    const notify = store.getState().notify;
    if ('error' in r) return notify(`Restore: ${r.error}`);
    for (const s of r.status.detail?.skipped ?? []) notify(`Not restored on ${s.layer}: ${s.reason}`);
  };

  return (
    // Space on RESTORE never also takes the selected cue; CLEAR ALL, by whatever key it is bound to, still works.
    <div className="recovery-area" onKeyDown={keepPanelKeys}>
      {offer && (
        <section className="recovery" role="region" aria-label="Restore what was on air" data-recovery>
          <h2>RESTORE WHAT WAS ON AIR?</h2>
          <p>
            Strapline stopped without closing. The show is back with its edits; this was on air as of{' '}
            <time dateTime={offer.savedAt}>{new Date(offer.savedAt).toLocaleTimeString('en-GB')}</time>:
          </p>
          <ul>
            {offer.graphics.map((g) => (
              <li key={g.layer} data-restore-layer={g.layer}>
                <span className="recovery-layer">{LAYER_NAMES[g.layer] ?? g.layer}</span>
                <span className="recovery-title">{g.title}</span>
                {g.step > 1 && <span className="recovery-step">step {g.step}</span>}
              </li>
            ))}
          </ul>
          <div className="recovery-actions">
            <button type="button" className="btn restore" disabled={busy} onClick={() => void answer(true)}>
              RESTORE TO AIR
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void answer(false)}>
              LEAVE OFF AIR
            </button>
            <span className="recovery-note">Restored graphics cut straight to air, with no animation.</span>
          </div>
        </section>
      )}
      {notices.map((n) => (
        <p key={n} className="recovery-notice" role="status">
          {n}
          <button type="button" className="btn tiny" onClick={() => setHidden(new Set([...hidden, n]))}>
            DISMISS
          </button>
        </p>
      ))}
    </div>
  );
}
