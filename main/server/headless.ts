import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Engine } from '../engine/engine';
import { TEMPLATES } from '../../overlays/graphics/definitions';
import { readShowFile } from './show-file';
import { attachAsRunLog } from './as-run-log';
import { startServer, type RunningServer } from './server';
import { loadReferenceData, type ReferenceData } from './reference-data';
import { watchDropFolder, type DropFileReport } from './drop-folder';
import { formatIssue } from '../engine/import';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_SHOW = path.join(REPO_ROOT, 'seeds/demo-show.json');
export const WEB_ROOT = path.join(REPO_ROOT, 'out/renderer');
export const REFERENCE_DIR = path.join(REPO_ROOT, 'seeds/reference');

export interface HeadlessOptions {
  showPath: string;
  host: string;
  port: number;
  asRunPath: string;
  webRoot: string;
  now?: () => number;
  /** A folder to watch for results files (one a seat): live declarations without the API. */
  dropFolder?: string;
}

export interface Headless {
  engine: Engine;
  reference: ReferenceData;
  server: RunningServer;
  close: () => Promise<void>;
}

export function defaultAsRunPath(now = new Date()): string {
  return path.join(os.homedir(), '.strapline', 'as-run', `${now.toISOString().slice(0, 10)}.jsonl`);
}

/** The whole of Strapline without Electron: engine, as-run log, HTTP and WebSocket. */
export async function startHeadless(options: HeadlessOptions): Promise<Headless> {
  const loaded = await readShowFile(options.showPath, TEMPLATES);
  if ('error' in loaded) throw new Error(loaded.error.message);
  const reference = await loadReferenceData(REFERENCE_DIR);
  const engine = new Engine({ show: loaded.show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: options.now ?? Date.now });
  const detach = attachAsRunLog(engine, options.asRunPath, (e) => console.error(`as-run log: ${e.message}`));
  // Before the server, so a missing folder stops the start with nothing left listening.
  const drop = options.dropFolder === undefined ? undefined : watchDropFolder({ dir: options.dropFolder, engine, onReport: logDropReport });
  const server = await startServer({ engine, webRoot: options.webRoot, host: options.host, port: options.port, constituencies: reference.constituencies, rehearsalSource: path.join(REFERENCE_DIR, 'ge2024-results.json') }).catch(async (e: unknown) => {
    // A live watcher would keep the process up with nothing to show for it.
    await drop?.close();
    throw e;
  });
  return {
    engine,
    reference,
    server,
    close: async () => {
      detach();
      await drop?.close();
      await server.close();
    },
  };
}

function logDropReport(report: DropFileReport): void {
  if (report.errors.length === 0) console.log(`drop: ${report.summary}`);
  else console.error(`drop: ${report.summary}\n${report.errors.map((e) => `  ${formatIssue(e)}`).join('\n')}`);
}
