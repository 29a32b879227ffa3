import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import { handleApi } from './control-api';
import { sameOriginOrNone, sendError } from './http-util';
import { handleResultsApi } from './results-api';
import type { Constituency } from '../engine/election';
import { Rehearsal } from './rehearsal';
import { SnapshotStream } from './snapshot-stream';
import { resolveInside, sendFile } from './static-files';

/** Friendly paths for the pages electron-vite builds into out/renderer. */
const PAGES: Record<string, string> = {
  '/': 'renderer/index.html',
  '/output': 'overlays/output.html',
};

export interface ServerOptions {
  engine: Engine;
  /** The built pages: out/renderer. */
  webRoot: string;
  host: string;
  port: number;
  constituencies: readonly Constituency[];
  /** The results file a rehearsal replays (seeds/reference/ge2024-results.json). */
  rehearsalSource: string;
}

export interface RunningServer {
  url: string;
  port: number;
  stream: SnapshotStream;
  close: () => Promise<void>;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * On loopback, only loopback host names: a page that rebinds its own DNS name
 * to 127.0.0.1 still sends its own name as Host, and is refused.
 */
function hostAllowed(hostHeader: string | undefined, boundTo: string): boolean {
  if (!LOOPBACK_NAMES.has(boundTo)) return true;
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]!;
  return LOOPBACK_NAMES.has(name);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { engine, webRoot } = options;
  const stream = new SnapshotStream(engine);
  const rehearsal = new Rehearsal(engine);
  const resultsCtx = { engine, constituencies: options.constituencies, rehearsal, rehearsalSource: options.rehearsalSource };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      if (!hostAllowed(req.headers.host, options.host)) {
        return sendError(res, 403, fail('FORBIDDEN', `Host ${req.headers.host} is not this server`));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOriginOrNone(req)) {
        return sendError(res, 403, fail('FORBIDDEN', `Requests from origin ${req.headers.origin} are refused`));
      }
      if (await handleResultsApi(req, res, url, resultsCtx)) return;
      if (await handleApi(req, res, url.pathname, engine)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, 405, fail('INVALID_REQUEST', `${req.method} is not served here`));
      }
      const page = PAGES[url.pathname];
      const file = page ? resolveInside(webRoot, page) : resolveInside(webRoot, url.pathname);
      if (file && (await sendFile(res, file))) return;
      sendError(res, 404, fail('NOT_FOUND', `Nothing at ${url.pathname}`));
    })().catch((e: unknown) => {
      // A fault in one request must never take the server (and the air) down.
      if (!res.headersSent) sendError(res, 500, fail('INVALID_REQUEST', `Internal error: ${(e as Error).message}`));
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(req.headers.host, options.host)) return void socket.destroy();
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/ws') stream.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    stream,
    close: () =>
      new Promise<void>((resolve) => {
        if (rehearsal.status().running) rehearsal.stop();
        stream.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
