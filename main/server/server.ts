import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import { handleApi } from './control-api';
import { requestUrl, sameOriginOrNone, sendError } from './http-util';
import { handleResultsApi } from './results-api';
import type { Constituency } from '../engine/election';
import { Rehearsal } from './rehearsal';
import { SnapshotStream } from './snapshot-stream';
import { ViewHub } from './view-hub';
import type { DropProblems } from './drop-problems';
import { AsRunMemory, handleAsRunApi } from './as-run-api';
import { servedFile, sendFile, sitePath } from './static-files';
import { DEFAULT_CONNECTION_LIMITS, bodyDeadline, checkingIntervalMs, limitConnections, type ConnectionLimits } from './connection-limits';
import { guardFaults } from './fault-guard';
import { handleShowApi, type ShowApiContext } from './show-api';
import { AccessGuard } from './access-guard';
import { accessInfo, handleAccessApi } from './access-api';
import type { AccessTokens } from './access-token';
import { galleryApi } from './gallery-api';
import { producerApi } from './producer-api';
import { TEMPLATE_DEFINITIONS, TEMPLATES } from '../templates/definitions';
import { PROCESS_BIG_INPUT, type BigInput } from './big-input';
import { CasparcgOutputs } from './casparcg/casparcg-outputs';
import { handleCasparcgApi } from './casparcg/casparcg-api';
import type { CasparcgOutputConfig } from './casparcg/config';
import { reachableBases } from './access-api';

/** Friendly paths for the pages electron-vite builds into out/renderer. */
const PAGES: Record<string, string> = {
  '/': 'renderer/index.html',
  '/output': 'overlays/output.html',
  '/gallery': 'overlays/gallery.html',
  '/producer': 'renderer/producer.html',
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
  /** Required when host is not loopback: every request then shows a token. */
  tokens?: AccessTokens;
  /** Show files and crash recovery (/api/show/...); absent when the server keeps no data directory. */
  showFiles?: Omit<ShowApiContext, 'bigInput'> | null;
  /** Sockets per address and timeouts (connection-limits.ts); tests shorten them. */
  limits?: Partial<ConnectionLimits>;
  /** What the drop folder could not take, for the consoles; absent when no folder is watched. */
  drop?: DropProblems;
  /** Where imports and show files are parsed (a worker thread); default the process's own. Whoever passes one stops it. */
  bigInput?: BigInput;
  /** CasparCG outputs to drive from the start (--casparcg); PUT /api/casparcg replaces them. */
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
  const resultsCtx = { engine, constituencies: options.constituencies, rehearsal, rehearsalSource: options.rehearsalSource, bigInput };
  const showFiles = options.showFiles ? { ...options.showFiles, bigInput } : null;
  // The gallery draws a whole declared night from its own engine; the live one is only asked for its baseline, once.
  const gallery = galleryApi({ resultsFile: options.rehearsalSource, baseline: engine.resultsState().baseline, constituencies: options.constituencies, templates: TEMPLATE_DEFINITIONS });
  const producer = producerApi(engine, TEMPLATES);
  // A strapline-mode server's HTML producer plays our /output page: it needs an address it can reach, and the read-only token.
  const casparcg = new CasparcgOutputs(hub, () => ({ base: reachableBases(options.host, boundPort)[0]!, readOnlyToken: guard.tokens?.readOnly ?? null }), Date.now);
  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const server: Server = createServer({ connectionsCheckingInterval: checkingIntervalMs(limits) }, (req, res) => {
    const url = requestUrl(req.url);
    if (!url) return sendError(res, 400, fail('INVALID_REQUEST', 'The request target is not a valid URL'));
    // The one path both the access guard and the file server judge, decoded and normalised.
    const site = sitePath(url.pathname);
    if (site === null) return sendError(res, 400, fail('INVALID_REQUEST', `The request path ${url.pathname} cannot be decoded (bad percent-encoding, a NUL or a backslash)`));
    bodyDeadline(req, res, limits);
    // HEAD is answered as GET by every route. Node's response already knows it was asked by HEAD and sends no body.
    if (req.method === 'HEAD') req.method = 'GET';
    void (async () => {
      if (!hostAllowed(req.headers.host, options.host)) {
        return sendError(res, 403, fail('FORBIDDEN', `Host ${req.headers.host} is not this server`));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOriginOrNone(req)) {
        return sendError(res, 403, fail('FORBIDDEN', `Requests from origin ${req.headers.origin} are refused`));
      }
      if (!guard.admitRequest(req, res, url, site)) return;
      if (handleAccessApi(req, res, url.pathname, () => accessInfo(options.host, boundPort, guard.tokens))) return;
      if (handleAsRunApi(req, res, url, asRun)) return;
      if (await handleCasparcgApi(req, res, url.pathname, casparcg)) return;
      if (await handleResultsApi(req, res, url, resultsCtx)) return;
      if (showFiles && (await handleShowApi(req, res, url, showFiles, !onLoopback))) return;
      if ((await gallery(req, res, url.pathname)) || producer(req, res, url.pathname)) return;
      if (await handleApi(req, res, url.pathname, engine)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, 405, fail('INVALID_REQUEST', `${req.method} is not served here`));
      }
      const file = await servedFile(webRoot, PAGES[site] ?? site);
      if (file && (await sendFile(res, file))) return;
      sendError(res, 404, fail('NOT_FOUND', `Nothing at ${url.pathname}`));
    })().catch((e: unknown) => {
      // A fault in one request must never take the server (and the air) down.
      if (!res.headersSent) sendError(res, 500, fail('INVALID_REQUEST', `Internal error: ${(e as Error).message}`));
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
