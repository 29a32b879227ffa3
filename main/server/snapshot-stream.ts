import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../engine/engine';
import { clientMessageSchema, type CommandResult, type ServerMessage } from '../engine/protocol';
import { describeIssues, fail } from '../engine/errors';
import { jsonBoundsProblem } from '../engine/json-bounds';
import { requestUrl, sameOriginOrNone } from './http-util';
import { looksLikeReport, type OutputHealth } from './output-health';
import type { ViewHub, ViewRole } from './view-hub';

const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * The WebSocket side of the view hub (view-hub.ts): each connection registers
 * there with its role, and takes commands back. `?role=output` is the air,
 * `?role=producer` (or any connection holding only the read-only token) a
 * read-only watcher; anything else is a console. What each hears, in what
 * order, is the hub's to say.
 */
export class SnapshotStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly clients = new Map<WebSocket, ViewRole>();
  /** The outputs' health the hub keeps: socket outputs are connected to it here. */
  readonly outputs: OutputHealth;

  constructor(
    private readonly engine: Engine,
    private readonly hub: ViewHub,
  ) {
    this.outputs = hub.outputs;
  }

  /** canControl false (a read-only token, on the network): the connection only watches, whatever role it asks for. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, canControl = true): void {
    if (!sameOriginOrNone(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const role = socketRole(requestUrl(req.url)?.searchParams.get('role') ?? null, canControl);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, role, req.socket.remoteAddress ?? 'unknown'));
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  close(): void {
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }

  private attach(ws: WebSocket, role: ViewRole, peer: string): void {
    this.clients.set(ws, role);
    const outputId = role === 'output' ? this.outputs.connect(peer) : null;
    // Greeted at once with the state its role may see, so it cuts straight to air.
    const unregister = this.hub.register({ role, send: (_event, json) => void (ws.readyState === ws.OPEN && ws.send(json())) });
    const gone = () => {
      unregister();
      this.clients.delete(ws);
      if (outputId !== null) this.outputs.disconnect(outputId);
    };
    ws.on('close', gone);
    ws.on('error', gone);
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
      // Outputs and producers are views: they may not drive the air.
      if (role !== 'console')
        return send(ws, {
          type: 'result',
          id: message.data.id,
          result: { ok: false, error: fail('FORBIDDEN', `${role === 'output' ? 'Output' : 'Read-only'} connections cannot send commands`) },
        });
      void safeCommit(this.engine, message.data.command).then((result) => send(ws, { type: 'result', id: message.data.id, result }));
    });
  }
}

/** What a connection is: the role it asks for, made read-only when its token only watches. */
export function socketRole(asked: string | null, canControl: boolean): ViewRole {
  if (asked === 'output') return 'output';
  return asked === 'producer' || !canControl ? 'producer' : 'console';
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
