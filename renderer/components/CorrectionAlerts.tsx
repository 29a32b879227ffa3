import { useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { Correction } from '../../main/engine/protocol';
import { describeCorrection } from '../declaration';

// One shared empty list: a fresh [] per render would make zustand's selector loop.
const NONE: Correction[] = [];

/**
 * Changes to seats already declared, each waiting for the operator. Non-blocking: they sit in
 * their own tab with a count in the status strip, and nothing bound to the seat changes until
 * Accept.
 */
export function CorrectionAlerts({ store, names }: { store: ConsoleStore; names: ReadonlyMap<string, string> }) {
  const corrections = useStore(store, (s) => s.results?.corrections ?? NONE);
  const send = useStore(store, (s) => s.send);
  // Seats with an accept or reject in flight, so a double click cannot send twice.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const decide = async (onsCode: string, type: 'accept-correction' | 'reject-correction') => {
    setBusy((b) => new Set(b).add(onsCode));
    try {
      await send({ type, onsCode });
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(onsCode);
        return next;
      });
    }
  };

  if (corrections.length === 0) return <p className="corrections-empty">No corrections waiting.</p>;
  return (
    // Polite, not assertive: a correction must be noticed, but never talk over the live take.
    <div className="corrections" aria-label="Corrections waiting" aria-live="polite" aria-relevant="additions">
      {corrections.map(({ onsCode, current, proposed }) => {
        const name = names.get(onsCode) ?? onsCode;
        const changes = describeCorrection(current, proposed);
        const headingId = `corr-${onsCode}`;
        return (
          <article key={onsCode} className="correction" aria-labelledby={headingId} data-correction={onsCode}>
            <h3 id={headingId}>
              {name}{' '}
              <span className="muted">
                revision {current.revision} → {proposed.revision}
              </span>
            </h3>
            {changes.length === 0 ? (
              <p className="muted">Only the revision differs.</p>
            ) : (
              <table className="changes">
                <caption className="visually-hidden">What accepting changes for {name}</caption>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.label} className={c.major ? 'major' : undefined}>
                      <th scope="row">{c.label}</th>
                      <td className="from">{c.from}</td>
                      <td aria-hidden="true">→</td>
                      <td className="to">{c.to}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="correction-actions">
              <button
                type="button"
                className="btn small accept"
                disabled={busy.has(onsCode)}
                aria-label={`Accept correction for ${name}`}
                onClick={() => void decide(onsCode, 'accept-correction')}
              >
                Accept
              </button>
              <button
                type="button"
                className="btn small"
                disabled={busy.has(onsCode)}
                aria-label={`Reject correction for ${name}`}
                onClick={() => void decide(onsCode, 'reject-correction')}
              >
                Reject
              </button>
            </div>
          </article>
        );
      })}
    </div>
  );
}
