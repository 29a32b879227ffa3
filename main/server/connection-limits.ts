import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { fail } from '../engine/errors';
import { sendError } from './http-util';

/**
 * Bounds on what one client can hold open. A studio's outputs, consoles and
 * Companion buttons use a handful of sockets each (a browser opens about six,
 * plus its WebSocket), so 64 from one address is never reached on the night;
 * a script that opens thousands, or trickles a request a byte at a time, is
 * cut off before it starves the outputs.
 */
export interface ConnectionLimits {
  /** Sockets open at once from one remote address, WebSockets included. */
  perAddress: number;
  /** From connection to the end of the request headers. */
  headersTimeoutMs: number;
  /** From the request headers to the end of its body (a 20 MiB import on a slow link fits). */
  bodyTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { perAddress: 64, headersTimeoutMs: 10_000, bodyTimeoutMs: 60_000 };

/** Node checks its own timeouts only this often (30 s by default): often enough that a set time means that time. */
export function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)));
}

/** A refusal the client can read: the socket gets a whole response, then closes; the others are never touched. */
function refuseSocket(socket: Socket, perAddress: number): void {
  const body = JSON.stringify({ error: fail('FORBIDDEN', `Too many connections from ${socket.remoteAddress}: at most ${perAddress} at once`) });
  socket.on('error', () => undefined);
  socket.end(
    'HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  // Whatever the client sends next is not read: the socket is gone once the refusal is out.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Applies the limits to a server made with createServer({ connectionsCheckingInterval: checkingIntervalMs(limits) }). */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  // Node's own deadline is the backstop; the body deadline below answers first, with a JSON error.
  server.requestTimeout = limits.headersTimeoutMs + limits.bodyTimeoutMs + 5000;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? 'unknown';
    const count = open.get(peer) ?? 0;
    if (count >= limits.perAddress) return refuseSocket(socket, limits.perAddress);
    open.set(peer, count + 1);
    socket.once('close', () => {
      const left = (open.get(peer) ?? 1) - 1;
      if (left > 0) open.set(peer, left);
      else open.delete(peer);
    });
  });
}

/**
 * A body that has not all arrived in time is answered 408 and its connection
 * closed, so a client trickling one byte a second holds nothing for long.
 */
export function bodyDeadline(req: IncomingMessage, res: ServerResponse, limits: ConnectionLimits): void {
  if (req.complete) return;
  const timer = setTimeout(() => {
    if (req.complete || res.writableEnded) return;
    if (res.headersSent) return void res.destroy();
    res.setHeader('connection', 'close');
    sendError(res, fail('REQUEST_TIMEOUT', `The request body did not arrive within ${limits.bodyTimeoutMs / 1000} s`));
  }, limits.bodyTimeoutMs);
  timer.unref();
  res.once('close', () => clearTimeout(timer));
  req.once('end', () => clearTimeout(timer));
}
