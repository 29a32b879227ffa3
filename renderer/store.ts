import { create } from 'zustand';
import type { Command, CommandResult, ProgramSnapshot, ResultsSnapshot } from '../main/engine/protocol';
import type { Show } from '../main/engine/show';
import type { Bridge, ConnectionState } from '../overlays/transport';

export interface Notice {
  id: number;
  text: string;
}

/** The console's mirror of the engine: snapshots in, commands out. It owns no air state. */
interface ConsoleState {
  show: Show | null;
  program: ProgramSnapshot | null;
  results: ResultsSnapshot | null;
  selectedCueId: string | null;
  connection: ConnectionState;
  notices: Notice[];
  lastTakeMs: number | null;
  send: (command: Command) => Promise<CommandResult>;
  select: (cueId: string) => void;
  dismiss: (id: number) => void;
}

let noticeId = 1;

export function createConsoleStore(bridge: Bridge) {
  const store = create<ConsoleState>((set, get) => ({
    show: null,
    program: null,
    results: null,
    selectedCueId: null,
    connection: 'connecting',
    notices: [],
    lastTakeMs: null,
    async send(command) {
      const started = performance.now();
      const result = await bridge.send(command);
      if (!result.ok) {
        // Non-blocking: a notice, never a dialog in the operator's way.
        const notice = { id: noticeId++, text: `${command.type}: ${result.error.message}` };
        set({ notices: [...get().notices.slice(-4), notice] });
        setTimeout(() => get().dismiss(notice.id), 6000);
      } else if (command.type === 'take') {
        set({ lastTakeMs: performance.now() - started });
      }
      return result;
    },
    select(cueId) {
      set({ selectedCueId: cueId });
      void get().send({ type: 'cue', cueId });
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  }));
  bridge.onConnection((connection) => store.setState({ connection }));
  bridge.onEvent((event) => {
    if (event.type === 'show') store.setState({ show: event.data.show });
    if (event.type === 'results') store.setState({ results: event.data });
    if (event.type === 'program') {
      const selected = store.getState().selectedCueId;
      store.setState({ program: event.data, selectedCueId: selected ?? event.data.preview?.cueId ?? null });
    }
  });
  return store;
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
