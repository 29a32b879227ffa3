import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../engine/engine';
import { clientMessageSchema, type ServerEvent, type ServerMessage } from '../engine/protocol';
import { describeIssues, fail } from '../engine/errors';
import { sameOriginOrNone } from './http-util';

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

  constructor(private readonly engine: Engine) {
    this.unsubscribe = engine.subscribe((event) => this.broadcast(event));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!sameOriginOrNone(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const role = new URL(req.url ?? '/', 'http://x').searchParams.get('role') === 'output' ? 'output' : 'console';
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, role));
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  close(): void {
    this.unsubscribe();
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }

  private attach(ws: WebSocket, role: 'output' | 'console'): void {
    this.clients.set(ws, role);
    ws.on('close', () => this.clients.delete(ws));
    ws.on('error', () => this.clients.delete(ws));
    if (role === 'console') {
      send(ws, { type: 'show', data: this.engine.showSnapshot() });
      send(ws, { type: 'results', data: this.engine.resultsSnapshot() });
    }
    send(ws, { type: 'program', data: this.engine.programSnapshot() });
    ws.on('message', (raw, isBinary) => {
      if (isBinary) return send(ws, { type: 'error', data: fail('INVALID_REQUEST', 'Binary messages are not accepted') });
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(raw));
      } catch {
        return send(ws, { type: 'error', data: fail('INVALID_REQUEST', 'Message is not JSON') });
      }
      const message = clientMessageSchema.safeParse(parsed);
      if (!message.success) {
        return send(ws, { type: 'error', data: fail('INVALID_REQUEST', describeIssues(message.error.issues)) });
      }
      // Outputs are views: they may not drive the air.
      const result =
        role === 'output'
          ? { ok: false as const, error: fail('FORBIDDEN', 'Output connections cannot send commands') }
          : this.engine.dispatch(message.data.command);
      send(ws, { type: 'result', id: message.data.id, result });
    });
  }

  private broadcast(event: ServerEvent): void {
    // Errors answer the sender only (in its result); as-run and show go to consoles.
    if (event.type === 'error') return;
    const text = JSON.stringify(event);
    for (const [ws, role] of this.clients) {
      if (role === 'output' && event.type !== 'program') continue;
      if (ws.readyState === ws.OPEN) ws.send(text);
    }
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
