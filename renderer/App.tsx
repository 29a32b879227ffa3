import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from './store';
import { operatorActions } from './commands';
import { installHotkeys } from './hotkeys';
import { StackList } from './components/StackList';
import { OnAirBar } from './components/OnAirBar';
import { ProgramMonitor } from './components/ProgramMonitor';
import { StatusBar } from './components/StatusBar';

export function App({ store }: { store: ConsoleStore }) {
  const actions = useMemo(() => operatorActions(store), [store]);
  useEffect(() => installHotkeys(actions), [actions]);
  const notices = useStore(store, (s) => s.notices);
  return (
    <div className="app">
      <StatusBar store={store} />
      <main className="workspace">
        <StackList store={store} />
        <section className="air" aria-label="On air">
          <ProgramMonitor store={store} />
          <div className="transport" role="toolbar" aria-label="Playout">
            <button className="btn take" onClick={actions.take} aria-keyshortcuts="Space Enter">TAKE</button>
            <button className="btn" onClick={actions.next} aria-keyshortcuts="ArrowRight">NEXT</button>
            <button className="btn" onClick={() => actions.out()} aria-keyshortcuts="Escape">OUT</button>
            <button className="btn clear" onClick={actions.clearAll} aria-keyshortcuts="F12">CLEAR ALL</button>
          </div>
          <OnAirBar store={store} onOut={actions.out} />
        </section>
      </main>
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className="notice">{n.text}</div>
        ))}
      </div>
    </div>
  );
}
