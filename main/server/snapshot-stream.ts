import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../engine/engine';
import { clientMessageSchema, type CommandResult, type OutputsSnapshot, type ServerEvent, type ServerMessage } from '../engine/protocol';
import { describeIssues, fail, type StraplineError } from '../engine/errors';
import { jsonBoundsProblem } from '../engine/json-bounds';
import { requestUrl, sameOriginOrNone } from './http-util';
import { OutputHealth, looksLikeReport } from './output-health';
import { NO_DROP_FOLDER, type DropProblems } from './drop-problems';

const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Streams snapshots to every view over a WebSocket and takes commands back.
 * Outputs (role=output) get only the program; consoles get the show too.
 * A new connection gets the current state at once, so it cuts straight to air.
 */
export class SnapshotStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly clients = new Map<WebSocket, 'output' | 'console'>();
  private readonly unsubscribe: () => void;
  private readonly outputWatchers = new Set<(snapshot: OutputsSnapshot) => void>();
  /** Outputs' connections and measured frame rates, for the consoles' status bar. */
  readonly outputs = new OutputHealth(Date.now, () => {
    const data = this.outputs.snapshot();
    this.broadcast({ type: 'outputs', data });
    for (const watcher of this.outputWatchers) watcher(data);
  });

  /** drop: what the drop folder could not take, when the server watches one. */
  constructor(
    private readonly engine: Engine,
    private readonly drop: DropProblems | null = null,
  ) {
    const off = [engine.subscribe((event) => this.broadcast(event)), drop?.watch((data) => this.broadcast({ type: 'drop', data }))];
    this.unsubscribe = () => off.forEach((f) => f?.());
  }

  /** canControl false (a read-only token, on the network): the connection only watches, whatever role it asks for. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, canControl = true): void {
    if (!sameOriginOrNone(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const role = requestUrl(req.url)?.searchParams.get('role') === 'output' || !canControl ? 'output' : 'console';
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, role, req.socket.remoteAddress ?? 'unknown'));
  }

  /** Every change of the outputs, for a console that is not a socket (Electron's console window, over IPC). */
  watchOutputs(watcher: (snapshot: OutputsSnapshot) => void): () => void {
    this.outputWatchers.add(watcher);
    return () => void this.outputWatchers.delete(watcher);
  }

  /** What a view gets on (re)connect, whatever carries it (socket or Electron IPC): the console everything, an output the program. */
  greeting(role: 'output' | 'console'): ServerEvent[] {
    const program: ServerEvent = { type: 'program', data: this.engine.programSnapshot() };
    if (role === 'output') return [program];
    return [
      { type: 'show', data: this.engine.showSnapshot() },
      { type: 'results', data: this.engine.resultsSnapshot() },
      program,
      { type: 'outputs', data: this.outputs.snapshot() },
      { type: 'drop', data: this.drop?.snapshot() ?? NO_DROP_FOLDER },
      { type: 'storage', data: this.engine.storageSnapshot() },
    ];
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  close(): void {
    this.unsubscribe();
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }

  private attach(ws: WebSocket, role: 'output' | 'console', peer: string): void {
    this.clients.set(ws, role);
    const outputId = role === 'output' ? this.outputs.connect(peer) : null;
    const gone = () => {
      this.clients.delete(ws);
      if (outputId !== null) this.outputs.disconnect(outputId);
    };
    ws.on('close', gone);
    ws.on('error', gone);
    for (const event of this.greeting(role)) send(ws, event);
    ws.on('message', (raw, isBinary) => {
      if (isBinary) return send(ws, { type: 'error', data: fail('INVALID_REQUEST', 'Binary messages are not accepted') });
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(raw));
      } catch {
        return send(ws, { type: 'error', data: fail('INVALID_REQUEST', 'Message is not JSON') });
      }
      const tooBig = jsonBoundsProblem(parsed);
      if (tooBig) return send(ws, { type: 'error', data: fail('INVALID_REQUEST', `Message ${tooBig}`) });
      // The one thing an output may say: what it measures. It is recorded, never dispatched.
      if (outputId !== null && looksLikeReport(parsed)) {
        const refused = this.outputs.report(outputId, parsed);
        return refused ? send(ws, { type: 'error', data: refused }) : undefined;
      }
      const message = clientMessageSchema.safeParse(parsed);
      if (!message.success) {
        return send(ws, { type: 'error', data: fail('INVALID_REQUEST', describeIssues(message.error.issues)) });
      }
      // Outputs are views: they may not drive the air.
      if (role === 'output') return send(ws, { type: 'result', id: message.data.id, result: { ok: false, error: fail('FORBIDDEN', 'Output connections cannot send commands') } });
      void safeCommit(this.engine, message.data.command).then((result) => send(ws, { type: 'result', id: message.data.id, result }));
    });
  }

  /** A fault after a command was accepted (main/server/fault-guard.ts): every console is told, outputs are not. */
  reportFault(error: StraplineError): void {
    const text = JSON.stringify({ type: 'error', data: error } satisfies ServerEvent);
    for (const [ws, role] of this.clients) if (role === 'console' && ws.readyState === ws.OPEN) ws.send(text);
  }

  private broadcast(event: ServerEvent): void {
    // Errors answer the sender only (in its result); as-run and show go to consoles.
    if (event.type === 'error') return;
    const text = JSON.stringify(event);
    // The air first: every output has its bytes before any console, whoever connected first.
    for (const role of ['output', 'console'] as const) {
      if (role === 'output' && event.type !== 'program') continue;
      for (const [ws, r] of this.clients) if (r === role && ws.readyState === ws.OPEN) ws.send(text);
    }
  }
}

/**
 * ws calls message listeners from the socket's data handler, so a throw there
 * would be uncaught and end the process, and every output with it. A fault
 * in one command answers that command alone.
 */
async function safeCommit(engine: Engine, command: unknown): Promise<CommandResult> {
  try {
    // Answered once a change to the results is on disk (a take is answered at once).
    return await engine.commit(command);
  } catch (e) {
    console.error(`command failed inside the engine: ${(e as Error).stack ?? String(e)}`);
    return { ok: false, error: fail('INVALID_REQUEST', `Internal error: ${(e as Error).message}`) };
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
