import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import { requestUrl, sameOriginOrNone, sendError } from './http-util';
import type { Constituency } from '../engine/election';
import { Rehearsal } from './rehearsal';
import { SnapshotStream } from './snapshot-stream';
import { ViewHub } from './view-hub';
import type { DropProblems } from './drop-problems';
import { AsRunMemory } from './as-run-api';
import { servedFile, sendFile, sitePath } from './static-files';
import { DEFAULT_CONNECTION_LIMITS, bodyDeadline, checkingIntervalMs, limitConnections, type ConnectionLimits } from './connection-limits';
import { guardFaults } from './fault-guard';
import type { ShowApiContext } from './show-api';
import { AccessGuard, needFor } from './access-guard';
import { accessInfo } from './access-api';
import type { AccessTokens } from './access-token';
import { apiRoutes } from './routes';
import { RouteDispatcher } from './route-dispatch';
import { PROCESS_BIG_INPUT, type BigInput } from './big-input';
import type { ElectionApiContext } from './election-api';
import { serveTemplateFile } from './template-files';
import { CasparcgOutputs } from './casparcg/casparcg-outputs';
import type { CasparcgOutputConfig } from './casparcg/config';
import { reachableBases } from './access-api';
import { serveOgrafExport } from './ograf-export';

/** Friendly paths for the pages electron-vite builds into out/renderer. */
const PAGES: Record<string, string> = {
  '/': '/renderer/index.html',
  '/output': '/overlays/output.html',
  '/gallery': '/overlays/gallery.html',
  '/producer': '/renderer/producer.html',
};

export interface ServerOptions {
  engine: Engine;
  /** The outside templates folders, by index: their files are served at /templates/<index>/<path>. */
  templateFolders?: readonly string[];
  /** The built pages: out/renderer. */
  webRoot: string;
  host: string;
  port: number;
  constituencies: readonly Constituency[];
  /** The results file a rehearsal replays (seeds/reference/ge2024-results.json). */
  rehearsalSource: string;
  /** Required when host is not loopback: every request then shows a token. */
  tokens?: AccessTokens;
  /** Show files and crash recovery (/api/show/...); absent when the server keeps no data directory. */
  showFiles?: Omit<ShowApiContext, 'bigInput'> | null;
  /** Sockets per address and timeouts (connection-limits.ts); tests shorten them. */
  limits?: Partial<ConnectionLimits>;
  /** What the drop folder could not take, for the consoles; absent when no folder is watched. */
  drop?: DropProblems;
  /** The loaded election and the switch to another (/api/election); without it, the constituencies and rehearsalSource above stay fixed. */
  elections?: ElectionApiContext;
  /** Where imports and show files are parsed (a worker thread); default the process's own. Whoever passes one stops it. */
  bigInput?: BigInput;
  /** CasparCG outputs to drive from the start (--casparcg); POST /api/casparcg replaces them. */
  casparcg?: readonly CasparcgOutputConfig[];
}

export interface RunningServer {
  url: string;
  port: number;
  /** Where every view (a socket, an Electron window, any later one) registers for its snapshots. */
  hub: ViewHub;
  stream: SnapshotStream;
  casparcg: CasparcgOutputs;
  close: () => Promise<void>;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Bound to any other address the server is open to the network, and asks for tokens. */
export const isLoopbackHost = (host: string): boolean => LOOPBACK_NAMES.has(host);

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
  const onLoopback = LOOPBACK_NAMES.has(options.host);
  if (!onLoopback && !options.tokens) throw new Error(`listening on ${options.host} needs access tokens: anyone on the network could drive the air`);
  let boundPort = 0;
  const guard = new AccessGuard(onLoopback ? null : options.tokens!, () => boundPort);
  // Outputs' health runs on the wall clock, as their reports do, whatever clock the engine is given.
  const hub = new ViewHub(engine, options.drop ?? null, Date.now);
  const stream = new SnapshotStream(engine, hub);
  const asRun = new AsRunMemory(engine);
  const rehearsal = new Rehearsal(engine);
  const bigInput = options.bigInput ?? PROCESS_BIG_INPUT;
  // A strapline-mode server's HTML producer plays our /output page: it needs an address it can reach, and the read-only token.
  const casparcg = new CasparcgOutputs(
    hub,
    () => ({ base: reachableBases(options.host, boundPort)[0]!, readOnlyToken: guard.tokens?.readOnly ?? null }),
    Date.now,
  );
  const { constituencies, rehearsalSource } = options;
  const elections = options.elections;
  const results = {
    engine,
    rehearsal,
    rehearsalSource,
    bigInput,
    // The loaded election's, read at each request: opening another changes them.
    get constituencies() {
      return elections?.session.current.constituencies ?? constituencies;
    },
    ...(elections ? { replaySeats: () => elections.session.replaySeats(), checkImport: elections.session.checkImport.bind(elections.session) } : {}),
  };
  const api = new RouteDispatcher(
    apiRoutes({
      engine,
      constituencies,
      asRun,
      results,
      showFiles: options.showFiles ? { ...options.showFiles, bigInput } : null,
      access: () => accessInfo(options.host, boundPort, guard.tokens),
      rehearsalSource,
      ...(elections ? { elections } : {}),
      casparcg,
    }),
    guard,
  );
  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const server: Server = createServer({ connectionsCheckingInterval: checkingIntervalMs(limits) }, (req, res) => {
    const url = requestUrl(req.url);
    if (!url) return sendError(res, fail('INVALID_REQUEST', 'The request target is not a valid URL'));
    // The one path both the access guard and the file server judge, decoded and normalised.
    const site = sitePath(url.pathname);
    if (site === null)
      return sendError(res, fail('INVALID_REQUEST', `The request path ${url.pathname} cannot be decoded (bad percent-encoding, a NUL or a backslash)`));
    bodyDeadline(req, res, limits);
    // HEAD is answered as GET by every route. Node's response already knows it was asked by HEAD and sends no body.
    if (req.method === 'HEAD') req.method = 'GET';
    void (async () => {
      if (!hostAllowed(req.headers.host, options.host)) {
        return sendError(res, fail('FORBIDDEN', `Host ${req.headers.host} is not this server`));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOriginOrNone(req)) {
        return sendError(res, fail('FORBIDDEN', `Requests from origin ${req.headers.origin} are refused`));
      }
      // Every API request goes through the route table; the rest are the built pages.
      if (await api.dispatch(req, res, url, site)) return;
      // Outside template files, before the guard: a sandboxed frame has no cookie and must never be handed a token (README, Outside templates).
      if (await serveTemplateFile(req, res, options.templateFolders ?? [], url.pathname)) return;
      // Strapline's built-ins as OGraf graphics, for any renderer: code, no data, so before the guard too.
      if (await serveOgrafExport(req, res, webRoot, url.pathname)) return;
      if (guard.admitRequest(req, res, url, needFor(req.method, site)) === null) return;
      if (req.method !== 'GET') {
        res.setHeader('allow', 'GET, HEAD');
        return sendError(res, fail('METHOD_NOT_ALLOWED', `${site} is a page or a file: it takes GET or HEAD, not ${req.method}`));
      }
      const file = await servedFile(webRoot, PAGES[site] ?? site);
      if (file && (await sendFile(res, file))) return;
      sendError(res, fail('NOT_FOUND', `Nothing at ${url.pathname}`));
    })().catch((e: unknown) => {
      // A fault in one request must never take the server (and the air) down.
      if (!res.headersSent) sendError(res, fail('INTERNAL_ERROR', `Internal error: ${(e as Error).message}`));
      else res.destroy();
    });
  });
  limitConnections(server, limits);
  // Faults are logged and told to every console, whatever carries it; outputs are not.
  const stopGuard = guardFaults(engine, (report) => hub.broadcast({ type: 'error', data: report.error }));
  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(req.headers.host, options.host)) return void socket.destroy();
    const url = requestUrl(req.url);
    if (url?.pathname !== '/ws') return void socket.destroy();
    const admitted = guard.admitUpgrade(req, socket, url);
    if (admitted) stream.handleUpgrade(req, socket, head, admitted.canControl);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  }).catch((e: unknown) => {
    stopGuard();
    casparcg.close();
    hub.close();
    throw e;
  });
  const port = (server.address() as AddressInfo).port;
  boundPort = port;
  if (options.casparcg?.length) casparcg.configure(options.casparcg);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    hub,
    stream,
    casparcg,
    close: () =>
      new Promise<void>((resolve) => {
        if (rehearsal.status().running) rehearsal.stop();
        stopGuard();
        stream.close();
        casparcg.close();
        hub.close();
        asRun.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
