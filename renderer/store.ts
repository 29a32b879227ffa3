import { create } from 'zustand';
import type {
  AsRunEntry,
  Command,
  CommandResult,
  DropSnapshot,
  HistorySummary,
  OutputsSnapshot,
  ProgramSnapshot,
  ResultsSnapshot,
  StorageSnapshot,
} from '../main/engine/protocol';
import type { Layer, Show } from '../main/engine/show';
import type { TemplatesSnapshot } from '../main/engine/templates';
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
  /** What Undo and Redo would do, from the engine's show history. */
  showHistory: HistorySummary | null;
  /** The cues the stack list shows, in order, while a search hides some: Up and Down walk these. */
  visibleCueIds: readonly string[] | null;
  connection: ConnectionState;
  /**
   * Bumped by the first program snapshot of every (re)connect: views cut to it
   * rather than animate from what they showed, since the engine may have
   * restarted (its revisions start again from 1) and nothing from before holds.
   */
  epoch: number;
  /** The graphic the operator pointed the out key at in the on-air bar (OnAirBar, commands.ts outTarget). */
  outPick: { layer: Layer; takeId: number } | null;
  notices: Notice[];
  lastTakeMs: number | null;
  /** This session's as-run, oldest first, bounded (AsRunPanel backfills it from GET /api/as-run). */
  asRun: AsRunEntry[];
  /** The outputs connected to the server and what they measure. */
  outputs: OutputsSnapshot | null;
  /** Drop-folder files the server could not take (DropProblems). */
  drop: DropSnapshot | null;
  /** The server's writes that are failing now (disk full, read-only): the storage banner shows them. */
  storage: StorageSnapshot | null;
  /** The server's template registry, outside templates included (the palette); null until it says, or when it has only the built-ins. */
  templates: TemplatesSnapshot | null;
  send: (command: Command) => Promise<CommandResult>;
  /** A non-blocking notice: never a dialog in the operator's way. */
  notify: (text: string) => void;
  select: (cueId: string) => void;
  pickOut: (pick: { layer: Layer; takeId: number } | null) => void;
  dismiss: (id: number) => void;
}

let noticeId = 1;
/** The console keeps the night's last few thousand; the server's file keeps them all. */
export const AS_RUN_KEPT = 5000;

export function createConsoleStore(bridge: Bridge) {
  const store = create<ConsoleState>((set, get) => ({
    show: null,
    program: null,
    results: null,
    selectedCueId: null,
    showHistory: null,
    visibleCueIds: null,
    connection: 'connecting',
    epoch: 0,
    outPick: null,
    notices: [],
    lastTakeMs: null,
    asRun: [],
    outputs: null,
    drop: null,
    storage: null,
    templates: null,
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
    notify(text) {
      const notice = { id: noticeId++, text };
      set({ notices: [...get().notices.slice(-4), notice] });
      setTimeout(() => get().dismiss(notice.id), 6000);
    },
    select(cueId) {
      // A new selection is where the operator now looks: a layer pointed at before no longer is.
      set({ selectedCueId: cueId, outPick: null });
      void get().send({ type: 'cue', cueId });
    },
    pickOut: (outPick) => set({ outPick }),
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  }));
  // Lost, the outputs' health is unknown, not the last figures: nobody is measuring them for us.
  bridge.onConnection((connection) => store.setState(connection === 'open' ? { connection } : { connection, outputs: null }));
  bridge.onEvent((event, fresh) => {
    if (event.type === 'show') store.setState({ show: event.data.show, showHistory: event.data.history });
    if (event.type === 'results') store.setState({ results: event.data });
    if (event.type === 'outputs') store.setState({ outputs: event.data });
    // A fault the server caught after a command was accepted (main/server/fault-guard.ts): the operator must know.
    if (event.type === 'error') store.getState().notify(event.data.message);
    if (event.type === 'drop') store.setState({ drop: event.data });
    if (event.type === 'storage') store.setState({ storage: event.data });
    if (event.type === 'templates') store.setState({ templates: event.data });
    if (event.type === 'as-run') store.setState({ asRun: [...store.getState().asRun.slice(-(AS_RUN_KEPT - 1)), event.data] });
    if (event.type === 'program' && fresh) {
      // A (re)connect: the engine's snapshot replaces everything, the selection (its preview) and the last take's time included.
      const { epoch } = store.getState();
      store.setState({ program: event.data, epoch: epoch + 1, selectedCueId: event.data.preview?.cueId ?? null, outPick: null, lastTakeMs: null });
    } else if (event.type === 'program') {
      const selected = store.getState().selectedCueId;
      store.setState({ program: event.data, selectedCueId: selected ?? event.data.preview?.cueId ?? null });
    }
  });
  return store;
}

export type ConsoleStore = ReturnType<typeof createConsoleStore>;
