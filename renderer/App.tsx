import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from './store';
import { operatorActions } from './commands';
import { installHotkeys, keepPanelKeys } from './hotkeys';
import { StackList } from './components/StackList';
import { CueEditor } from './components/CueEditor';
import { OnAirBar, Transport } from './components/OnAirBar';
import { ProgramMonitor } from './components/ProgramMonitor';
import { PreviewMonitor } from './components/PreviewMonitor';
import { AsRunPanel } from './components/AsRunPanel';
import { StatusBar } from './components/StatusBar';
import { ShowFileMenu } from './components/ShowFileMenu';
import { RecoveryBanner } from './components/RecoveryBanner';
import { StorageAlert } from './components/StorageAlert';
import { ResultsStatus } from './components/ResultsStatus';
import { DeclarationForm } from './components/DeclarationForm';
import { useConstituencyList } from './components/FieldInputPickers';
import { CorrectionAlerts } from './components/CorrectionAlerts';

type ResultsTab = 'cue' | 'declare' | 'corrections';
const TABS: { id: ResultsTab; label: string }[] = [
  { id: 'cue', label: 'Cue' },
  { id: 'declare', label: 'Declare' },
  { id: 'corrections', label: 'Corrections' },
];

export function App({ store }: { store: ConsoleStore }) {
  const actions = useMemo(() => operatorActions(store), [store]);
  useEffect(() => installHotkeys(actions), [actions]);
  const notices = useStore(store, (s) => s.notices);
  const pending = useStore(store, (s) => s.results?.corrections.length ?? 0);
  const [tab, setTab] = useState<ResultsTab>('declare');
  // Asked for at the start, so every picker opened later has the 650 already (one fetch, one cache).
  const constituencies = useConstituencyList();
  const names = useMemo(() => new Map(constituencies.list.map((c) => [c.onsCode, c.name])), [constituencies.list]);
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + step) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="app with-results">
      {/* One grid row for the bars on top, so the workspace keeps its own. */}
      <div className="top-bars">
        <StatusBar store={store} />
        <StorageAlert store={store} />
        <RecoveryBanner store={store} />
        <ShowFileMenu store={store} />
      </div>
      <ResultsStatus store={store} onShowCorrections={() => setTab('corrections')} />
      <main className="workspace with-results">
        <StackList store={store} onEdit={() => setTab('cue')} />
        <section className="air" aria-label="On air">
          <div className="monitors">
            <PreviewMonitor store={store} />
            <ProgramMonitor store={store} />
          </div>
          <Transport store={store} actions={actions} />
          <OnAirBar store={store} onOut={actions.out} />
          <AsRunPanel store={store} />
        </section>
        {/* Its keys stay in it, bar CLEAR ALL, search and (from the cue editor) undo and redo. */}
        <aside className="results-panel" aria-label="Results entry" onKeyDown={keepPanelKeys}>
          <div className="results-tabs" role="tablist" aria-label="Results entry" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`tab-${t.id}`}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
              >
                {t.label}
                {t.id === 'corrections' && pending > 0 && <span className="badge">{pending}</span>}
              </button>
            ))}
          </div>
          <div id="panel-cue" role="tabpanel" aria-labelledby="tab-cue" hidden={tab !== 'cue'}>
            <CueEditor store={store} />
          </div>
          {/* Both stay mounted, so switching tabs never loses half-typed figures. */}
          <div id="panel-declare" role="tabpanel" aria-labelledby="tab-declare" hidden={tab !== 'declare'}>
            <DeclarationForm store={store} list={constituencies.list} note={constituencies.error} />
          </div>
          <div id="panel-corrections" role="tabpanel" aria-labelledby="tab-corrections" hidden={tab !== 'corrections'}>
            <CorrectionAlerts store={store} names={names} />
          </div>
        </aside>
      </main>
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className="notice">
            {n.text}
          </div>
        ))}
      </div>
    </div>
  );
}
