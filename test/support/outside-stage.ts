import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { WebSocketServer, type WebSocket } from 'ws';
import { REPO_ROOT, WEB_ROOT } from '../../main/server/headless';
import { servedFile, sendFile, sitePath } from '../../main/server/static-files';
import { serveTemplateFile } from '../../main/server/template-files';
import { outputReportSchema, type OnAir, type OutputReport, type PreviewCue, type ProgramSnapshot } from '../../main/engine/protocol';
import type { Layer } from '../../main/engine/show';
import { templateFileUrl, type OutsideHost } from '../../main/templates/outside/contract';

export const TEMPLATE_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/templates');

/**
 * The real output page (out/renderer, with the real file server and its CSP) and
 * the real template file handler (main/server/template-files.ts, on the fixtures
 * folder as folder 0), with the engine stood in for: until the registry cues
 * outside templates, a test sends the output the program snapshots the engine
 * would (the same {type: 'program'} messages on the same /ws socket). Every
 * other request is recorded in `stray` and refused, so a test sees anything a
 * template sent outside its own files.
 */
export interface OutsideStage {
  url: string;
  stray: { method: string; path: string; origin: string | undefined }[];
  reports: OutputReport[];
  /** Sends a snapshot to every output connected now; a page that connects later gets the last one first (a fresh cut). */
  send(snapshot: ProgramSnapshot): void;
  close(): Promise<void>;
}

export async function startOutsideStage(): Promise<OutsideStage> {
  const stray: OutsideStage['stray'] = [];
  const reports: OutputReport[] = [];
  const sockets = new Set<WebSocket>();
  let last: ProgramSnapshot | null = null;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (await serveTemplateFile(req, res, [TEMPLATE_FIXTURES], url.pathname)) return;
      const site = sitePath(url.pathname);
      const isPage = site === '/output' || site?.startsWith('/assets/') || site?.startsWith('/overlays/');
      if (req.method === 'GET' && isPage) {
        const file = await servedFile(WEB_ROOT, site === '/output' ? '/overlays/output.html' : site!);
        if (file && (await sendFile(res, file))) return;
      }
      // The browser's own request for an icon is no template's doing.
      if (site !== '/favicon.ico') stray.push(describe(req, url.pathname));
      res.writeHead(404).end();
    })();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/ws?role=output')) {
      stray.push(describe(req, req.url ?? ''));
      return void socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (m) => {
        const parsed = outputReportSchema.safeParse(JSON.parse(String(m)));
        if (parsed.success) reports.push(parsed.data);
        else throw new Error(`the output sent a report its schema refuses: ${parsed.error.message}`);
      });
      if (last) ws.send(JSON.stringify({ type: 'program', data: last }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stray,
    reports,
    send(snapshot) {
      last = snapshot;
      for (const ws of sockets) ws.send(JSON.stringify({ type: 'program', data: snapshot }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function describe(req: IncomingMessage, p: string): OutsideStage['stray'][number] {
  return { method: req.method ?? '', path: p, origin: req.headers.origin };
}

/** The host facts of a fixture, as the registry would resolve them. */
export function fixtureHost(kind: OutsideHost['kind'], relPath: string, over: Partial<OutsideHost> = {}): OutsideHost {
  return { kind, src: templateFileUrl(0, relPath), version: 'test', steps: 1, dataFormat: 'json', ...over };
}

/** Builds snapshots in order: each call is the next revision, every layer on air drawn. */
export class SnapshotScript {
  /** Shared by every script in a run: an output ignores a revision it has passed, whichever test sent it. */
  private static revision = 0;
  /** Views numbered as the engine numbers them (OnAir.viewRevision): one number per view object. */
  private static readonly viewRevisions = new WeakMap<object, number>();
  private static nextView = 0;
  private takeId = 0;

  private static viewRevision(view: object): number {
    let n = SnapshotScript.viewRevisions.get(view);
    if (n === undefined) SnapshotScript.viewRevisions.set(view, (n = ++SnapshotScript.nextView));
    return n;
  }
  readonly program: Partial<Record<Layer, OnAir>> = {};

  onAir(layer: Layer, cueId: string, template: string, view: Record<string, unknown>): OnAir {
    const onAir: OnAir = {
      takeId: ++this.takeId,
      cueId,
      title: cueId,
      template,
      fields: {},
      view,
      viewRevision: SnapshotScript.viewRevision(view),
      step: 1,
      steps: 1,
      updateSeq: 0,
      since: Date.now(),
    };
    this.program[layer] = onAir;
    return onAir;
  }

  change(layer: Layer, change: Partial<OnAir>): void {
    const view = change.view ?? this.program[layer]!.view;
    this.program[layer] = { ...this.program[layer]!, ...change, viewRevision: SnapshotScript.viewRevision(view) };
  }

  clear(layer: Layer): void {
    delete this.program[layer];
  }

  snapshot(cue: Omit<PreviewCue, 'viewRevision'> | null = null): ProgramSnapshot {
    const preview: PreviewCue | null = cue && { ...cue, viewRevision: SnapshotScript.viewRevision(cue.view) };
    const layers: ProgramSnapshot['composition']['layers'] = {};
    for (const layer of Object.keys(this.program) as Layer[]) layers[layer] = { visibility: 'visible' };
    return { revision: ++SnapshotScript.revision, program: structuredClone(this.program), preview, composition: { layers, reserved: [] }, at: Date.now() };
  }
}

/** The frame of the outside graphic on a layer (or preloaded for a cue), as Playwright sees it: a cross-origin frame. */
export async function graphicFrame(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(`${selector} iframe`, { state: 'attached' })).contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  return frame;
}

/** Waits until the template in a frame has recorded these calls, in this order, and returns all it recorded. */
export async function callsReach(frame: Frame, expected: string[]): Promise<string[]> {
  await frame
    .waitForFunction(
      (want) => {
        const calls = (window as unknown as { __calls?: string[] }).__calls ?? [];
        return want.every((c, i) => calls[i] === c);
      },
      expected,
      { timeout: 8000 },
    )
    .catch(async () => {
      throw new Error(
        `calls never reached ${JSON.stringify(expected)}: ${JSON.stringify(await frame.evaluate(() => (window as unknown as { __calls?: string[] }).__calls))}`,
      );
    });
  return frame.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
}

export const outsideView = (host: OutsideHost, data: Record<string, unknown>) => ({ outside: host, data });
export const onLayer = (layer: Layer, cueId: string) => `[data-layer="${layer}"][data-cue-id="${cueId}"]`;
