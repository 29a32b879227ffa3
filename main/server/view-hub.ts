import type { Engine } from '../engine/engine';
import type { ServerEvent } from '../engine/protocol';
import { NO_DROP_FOLDER, type DropProblems } from './drop-problems';
import { OutputHealth } from './output-health';

/**
 * What a view is to the hub:
 * - output: the air (a browser source, Electron's output, key or fill window). The program only, before anyone else.
 * - producer: a read-only watcher (`?role=producer`, or any socket holding only the read-only token). The program only.
 * - console: the operator. Everything.
 */
export type ViewRole = 'output' | 'producer' | 'console';

/**
 * Hands one event to a view. `json` is the event as JSON, made once however
 * many sockets ask for it: a 650-seat results snapshot is not cheap to encode.
 * Whatever carries it (a socket, Electron IPC, a CasparCG or Companion bridge)
 * drops it if the view has gone; a throw costs that view this event only.
 */
export type ViewSend = (event: ServerEvent, json: () => string) => void;

export interface View {
  role: ViewRole;
  send: ViewSend;
}

/** The order of every broadcast: the air first, whoever registered first. */
const ROLE_ORDER: readonly ViewRole[] = ['output', 'producer', 'console'];

/** Which roles hear of each event; the console hears everything. */
const HEARD_BY: Record<ServerEvent['type'], readonly ViewRole[]> = {
  program: ['output', 'producer', 'console'],
  show: ['console'],
  'as-run': ['console'],
  results: ['console'],
  outputs: ['console'],
  drop: ['console'],
  storage: ['console'],
  templates: ['console'],
  error: ['console'],
};

/**
 * The one place snapshots reach views. Every view, whatever carries it,
 * registers here with its role and a send function; the greeting on register,
 * the order (outputs first) and what each role may hear live here once, so a
 * socket console and Electron's console window cannot drift apart again.
 */
export class ViewHub {
  private readonly views = new Set<View>();
  private readonly stop: () => void;
  /** Outputs' connections and measured frame rates (sockets and windows alike), for the consoles' status bar. */
  readonly outputs: OutputHealth;

  /** drop: what the drop folder could not take, when the server watches one. */
  constructor(
    private readonly engine: Engine,
    private readonly drop: DropProblems | null,
    now: () => number,
  ) {
    this.outputs = new OutputHealth(now, () => this.broadcast({ type: 'outputs', data: this.outputs.snapshot() }));
    const off = [
      // The engine's own error events answer one sender (in its result); they are nobody else's business.
      engine.subscribe((event) => {
        if (event.type !== 'error') this.broadcast(event);
      }),
      drop?.watch((data) => this.broadcast({ type: 'drop', data })),
    ];
    this.stop = () => off.forEach((f) => f?.());
  }

  /** Greets the view with the state its role may see, so it cuts straight to air; then it hears every broadcast until unregistered. */
  register(view: View): () => void {
    const entry: View = { role: view.role, send: view.send };
    for (const event of this.greeting(view.role)) deliver(entry, event, () => JSON.stringify(event));
    this.views.add(entry);
    return () => void this.views.delete(entry);
  }

  /** Tells every view that may hear it, outputs first. A fault the server caught (fault-guard.ts) comes here as an `error` event. */
  broadcast(event: ServerEvent): void {
    const heard = HEARD_BY[event.type];
    let text: string | null = null;
    const json = () => (text ??= JSON.stringify(event));
    // A copy: a view that registers while this runs was greeted with this very state already.
    const views = [...this.views];
    for (const role of ROLE_ORDER) {
      if (!heard.includes(role)) continue;
      for (const view of views) if (view.role === role) deliver(view, event, json);
    }
  }

  /** How many views are registered now, by role. */
  count(role: ViewRole): number {
    let n = 0;
    for (const view of this.views) if (view.role === role) n++;
    return n;
  }

  close(): void {
    this.stop();
    this.views.clear();
  }

  /** What a view gets on (re)connect: the console everything, in this order; an output or a producer the program. */
  private greeting(role: ViewRole): ServerEvent[] {
    const program: ServerEvent = { type: 'program', data: this.engine.programSnapshot() };
    if (role !== 'console') return [program];
    return [
      { type: 'show', data: this.engine.showSnapshot() },
      { type: 'results', data: this.engine.resultsSnapshot() },
      program,
      { type: 'outputs', data: this.outputs.snapshot() },
      { type: 'drop', data: this.drop?.snapshot() ?? NO_DROP_FOLDER },
      { type: 'storage', data: this.engine.storageSnapshot() },
      ...templatesGreeting(this.engine),
    ];
  }
}

/** The registry, where the engine has one (a bare table of built-ins has nothing to announce). */
function templatesGreeting(engine: Engine): ServerEvent[] {
  const data = engine.templatesSnapshot();
  return data ? [{ type: 'templates', data }] : [];
}

/** One view's fault must never keep the event from the views after it: the outputs above all. */
function deliver(view: View, event: ServerEvent, json: () => string): void {
  try {
    view.send(event, json);
  } catch (e) {
    console.error(`strapline: the ${event.type} event could not be sent to a view (${view.role}): ${(e as Error)?.stack ?? String(e)}`);
  }
}
