import { Socket } from 'node:net';
import { CasparCG } from 'casparcg-connection';
import type { AmcpStep } from './amcp-steps';
import type { CasparcgServer } from './config';
import type { CasparcgServerStatus } from '../../engine/protocol';

export type CasparcgLinkStatus = CasparcgServerStatus;

/** Faster than casparcg-connection's own 5 s retry: a server back from a restart is re-asserted within this. */
const RECONNECT_EVERY_MS = 2000;
/** An unanswered command counts as failed after this; the server stays connected. */
const COMMAND_TIMEOUT_MS = 4000;

/**
 * One CasparCG Server, over casparcg-connection. Commands go out in order and are
 * never awaited by the take: a slow or dead server only ever delays itself. A
 * server that is not connected gets nothing; it is re-asserted when it comes back.
 */
export class CasparcgLink {
  private readonly api: CasparCG;
  private readonly pending = new Map<number, number>();
  private nextId = 1;
  private lastRoundTripMs: number | null = null;
  private lastError: CasparcgLinkStatus['lastError'] = null;
  private revision: number | null = null;
  /** A command failed: this server may differ from the engine until it is re-asserted. */
  private diverged = false;
  private readonly retry: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(
    readonly role: 'main' | 'backup',
    private readonly server: CasparcgServer,
    private readonly channel: number,
    private readonly now: () => number,
    private readonly events: { connected: () => void; changed: () => void },
  ) {
    this.api = new CasparCG({ host: server.host, port: server.port, autoConnect: true, timeoutTime: COMMAND_TIMEOUT_MS });
    // casparcg-connection says connected once the server has answered VERSION.
    this.api.on('connect', () => {
      noDelay(this.api);
      this.diverged = false;
      this.events.changed();
      this.events.connected();
    });
    this.api.on('disconnect', () => {
      this.pending.clear();
      this.events.changed();
    });
    this.api.on('error', (e) => this.fail(`${this.where()}: ${e.message}`));
    this.retry = setInterval(() => {
      if (!this.closed && !this.api.connected) this.api.connect();
    }, RECONNECT_EVERY_MS);
    this.retry.unref?.();
  }

  get connected(): boolean {
    return this.api.connected;
  }

  /** Sends the steps in order, for the program revision given; reports what failed, never throws. */
  send(steps: readonly AmcpStep[], revision: number): void {
    if (steps.length === 0) {
      if (this.connected && this.pending.size === 0 && !this.diverged) this.revision = revision;
      return;
    }
    if (!this.connected) return;
    let left = steps.length;
    let failed = false;
    for (const step of steps) {
      const id = this.nextId++;
      const sentAt = this.now();
      this.pending.set(id, sentAt);
      void this.execute(step).then((problem) => {
        if (!this.pending.delete(id)) return;
        this.lastRoundTripMs = this.now() - sentAt;
        if (problem) {
          failed = true;
          this.fail(`${this.where()}: ${describe(step, this.channel)}: ${problem}`);
        }
        if (--left === 0 && !failed && !this.diverged) this.revision = revision;
        this.events.changed();
      });
    }
    this.events.changed();
  }

  status(): CasparcgLinkStatus {
    const oldest = Math.min(...this.pending.values());
    const lagMs = this.pending.size > 0 ? Math.max(this.now() - oldest, this.lastRoundTripMs ?? 0) : this.lastRoundTripMs;
    return {
      role: this.role,
      host: this.server.host,
      port: this.server.port,
      connected: this.connected,
      lagMs,
      lastError: this.lastError,
      revision: this.revision,
      inSync: !this.diverged,
    };
  }

  close(): void {
    this.closed = true;
    clearInterval(this.retry);
    this.api.removeAllListeners();
    this.api.discard();
  }

  private where(): string {
    return `CasparCG ${this.role} ${this.server.host}:${this.server.port}`;
  }

  private fail(message: string): void {
    this.lastError = { message, at: this.now() };
    this.diverged = true;
    this.events.changed();
  }

  /** One step through casparcg-connection: null when the server answered OK, else what it said. */
  private async execute(step: AmcpStep): Promise<string | null> {
    const at = { channel: this.channel, layer: step.layer };
    const cg = { ...at, cgLayer: 1 };
    try {
      const sent = await (() => {
        switch (step.op) {
          case 'play-html':
            return this.api.playHtml({ ...at, url: step.url });
          case 'clear':
            return this.api.clear(at);
          case 'cg-add':
            return this.api.cgAdd({ ...cg, template: step.template, playOnLoad: step.playOnLoad, data: step.data });
          case 'cg-play':
            return this.api.cgPlay(cg);
          case 'cg-next':
            return this.api.cgNext(cg);
          case 'cg-stop':
            return this.api.cgStop(cg);
          case 'cg-remove':
            return this.api.cgRemove(cg);
          case 'cg-update':
            return this.api.cgUpdate({ ...cg, data: step.data });
          case 'opacity':
            return this.api.mixerOpacity({ ...at, value: step.value });
        }
      })();
      if (sent.error) return sent.error.message;
      const answer = await sent.request;
      if (answer.responseCode >= 400) return `${answer.responseCode} ${answer.message}`;
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }
}

/**
 * Turns Nagle's algorithm off on casparcg-connection's socket, which it leaves on:
 * a CG PLAY written while the CG ADD before it is unacknowledged would otherwise
 * wait for the peer's delayed ACK (40 ms on Linux), a frame or two late on air.
 * The socket is the library's private field; if a release renames it, nothing breaks
 * but the delay comes back (take_spread_ms in npm run bench shows it).
 */
function noDelay(api: CasparCG): void {
  const socket: unknown = (api as unknown as { _connection?: { _socket?: unknown } })._connection?._socket;
  if (socket instanceof Socket) socket.setNoDelay(true);
}

function describe(step: AmcpStep, channel: number): string {
  const name = step.op === 'play-html' ? 'PLAY [HTML]' : step.op === 'opacity' ? 'MIXER OPACITY' : step.op.replace('-', ' ').toUpperCase();
  return `${name} ${channel}-${step.layer}`;
}
