import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay between a page and the real server that a test can cut, like a
 * network cable pulled mid-show. While cut, every live connection is dropped
 * and each new one is closed at once, with the time it was tried, so a test
 * can see the client's reconnect backoff. Restored, it relays again.
 * With `delayMs`, everything the server sends reaches the page that much later: a slow link.
 */
export class CutProxy {
  readonly attempts: number[] = [];
  private readonly sockets = new Set<net.Socket>();
  private cut = false;
  private constructor(private readonly server: net.Server) {}

  static async start(targetPort: number, delayMs = 0): Promise<CutProxy> {
    let proxy: CutProxy | null = null;
    const server = net.createServer((client) => {
      const p = proxy!;
      if (p.cut) {
        p.attempts.push(Date.now());
        client.destroy();
        return;
      }
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        p.sockets.add(s);
        s.on('close', () => p.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      // Equal delays keep the order: setTimeout runs timers due at the same time first come, first served.
      if (delayMs === 0) upstream.pipe(client);
      else upstream.on('data', (chunk) => setTimeout(() => client.destroyed || client.write(chunk), delayMs));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new CutProxy(server);
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Drops every connection and refuses new ones until restore(). */
  pull(): void {
    this.cut = true;
    this.attempts.length = 0;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
