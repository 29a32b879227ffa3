import WebSocket from 'ws';
import { commandAnswerSchema, parseStreamMessage, type StreamMessage } from './wire.js';
import type { ConnectionState } from './view.js';
import type { StraplineCommand } from './commands.js';

// The module's connection to Strapline: the snapshot stream over a WebSocket for instant feedback, commands over
// HTTP. A dropped stream comes back by itself with backoff; the server greets each connection with the whole state.

export interface LinkOptions {
  /** http://host:port of Strapline. */
  baseUrl: string;
  /** The control token, needed once Strapline is open to the network (`--host 0.0.0.0`); empty on loopback. */
  token: string;
  onMessage: (message: StreamMessage) => void;
  onState: (state: ConnectionState, why: string | null) => void;
  onError: (error: string) => void;
}

/** 250 ms, doubling to at most 5 s: quick after a blip, without hammering a server that is down. */
export function backoffMs(attempt: number): number {
  return Math.min(5000, 250 * 2 ** Math.max(0, attempt));
}

export class StraplineLink {
  private socket: WebSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly options: LinkOptions) {}

  private get authHeaders(): Record<string, string> {
    return this.options.token ? { authorization: `Bearer ${this.options.token}` } : {};
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.terminate();
    this.socket = null;
    this.options.onState('stopped', null);
  }

  private connect(): void {
    const url = new URL('/ws?role=companion', this.options.baseUrl.replace(/^http/, 'ws'));
    const socket = new WebSocket(url, { headers: this.authHeaders, handshakeTimeout: 5000 });
    this.socket = socket;
    let refusedWith: number | null = null;
    socket.on('open', () => {
      this.attempt = 0;
      this.options.onState('connected', null);
    });
    socket.on('message', (raw) => {
      const parsed = parseStreamMessage(String(raw));
      if (!parsed.ok) this.options.onError(parsed.error);
      else if (parsed.message) this.options.onMessage(parsed.message);
    });
    socket.on('unexpected-response', (_req, res) => {
      refusedWith = res.statusCode ?? null;
      socket.terminate();
    });
    socket.on('error', () => undefined); // 'close' follows and says what happens next
    socket.on('close', () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      const unauthorised = refusedWith === 401 || refusedWith === 403;
      const wait = backoffMs(this.attempt++);
      const why = unauthorised ? `Strapline refused the token (HTTP ${refusedWith}): give the control token` : `connection lost; trying again in ${wait} ms`;
      this.options.onState(unauthorised ? 'unauthorised' : 'reconnecting', why);
      this.retry = setTimeout(() => this.connect(), wait);
    });
  }

  /** Sends commands in order over POST /api/command, stopping at the first refused; resolves with the refusal, or null. */
  async send(commands: StraplineCommand[]): Promise<string | null> {
    for (const command of commands) {
      let status: number;
      let body: unknown;
      try {
        const res = await fetch(new URL('/api/command', this.options.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...this.authHeaders },
          body: JSON.stringify(command),
        });
        status = res.status;
        body = await res.json();
      } catch (e) {
        return `${command.type}: Strapline did not answer at ${this.options.baseUrl} (${(e as Error).message})`;
      }
      const answer = commandAnswerSchema.safeParse(body);
      if (!answer.success) return `${command.type}: Strapline answered HTTP ${status} with something that is not a command result`;
      if ('error' in answer.data) return `${command.type}: ${answer.data.error.code}: ${answer.data.error.message}`;
    }
    return null;
  }
}
