import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { formatClock } from '../declaration';
import { keepPanelKeys } from '../hotkeys';
import { DropProblems } from './DropProblems';
import { FeedStateFlag } from './FeedStateFlag';
import { RehearsalControls } from './RehearsalControls';

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
        <button
          type="button"
          className={`corrections-badge${pending ? ' waiting' : ''}`}
          onClick={onShowCorrections}
          aria-label={`${pending} correction${pending === 1 ? '' : 's'} waiting: show corrections`}
        >
          Corrections{' '}
          <span className="badge" data-corrections-count>
            {pending}
          </span>
        </button>
        <DropProblems store={store} />
        <FeedStateFlag store={store} />
        <RehearsalControls store={store} running={rehearsal} />
      </div>
    </div>
  );
}
