import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Engine } from '../engine/engine';
import { TEMPLATE_DEFINITIONS } from '../templates/definitions';
import { TemplateRegistry } from '../templates/registry';
import { startTemplateFolders, type TemplateFolders } from './template-folders';
import { readShowFile } from './show-file';
import { attachAsRunLog } from './as-run-log';
import { isLoopbackHost, startServer, type RunningServer } from './server';
import { loadOrCreateTokens, type LoadedTokens } from './access-token';
import type { ReferenceData } from './reference-data';
import { loadElectionFolder, type LoadedElection } from './election-folder';
import type { Show, ShowElection } from '../engine/show';
import { ElectionSession, factsOf, readDefaultLayout, showElectionFolder, showElectionOf } from './election-session';
import { watchDropFolder, type DropFileReport } from './drop-folder';
import { formatIssue } from '../engine/import';
import { DropProblems } from './drop-problems';
import { startShowFiles, type StartedShowFiles } from './show-start';
import { acquireDataLock } from './data-lock';
import { ResultsJournal } from './results-journal';
import { StorageHealth } from './storage-health';
import { attachSpxAutoOut } from './spx-auto-out';
import type { DiskIo } from './disk-io';
import type { CasparcgOutputConfig } from './casparcg/config';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_SHOW = path.join(REPO_ROOT, 'seeds/demo-show.json');
export const WEB_ROOT = path.join(REPO_ROOT, 'out/renderer');
export const REFERENCE_DIR = path.join(REPO_ROOT, 'seeds/reference');
/** The election folders Strapline ships; the one opened without --election is ge2024. */
export const ELECTIONS_DIR = path.join(REPO_ROOT, 'seeds/elections');
export const DEFAULT_ELECTION = path.join(ELECTIONS_DIR, 'ge2024');

export interface HeadlessOptions {
  /** The show to open; without it, the last show edited (from dataDir) or the demo. */
  showPath?: string;
  host: string;
  port: number;
  asRunPath: string;
  webRoot: string;
  now?: () => number;
  /** A folder to watch for results files (one a seat): live declarations without the API. */
  dropFolder?: string;
  /**
   * Where the access tokens are kept (default ~/.strapline); read only when host is not loopback.
   * When given, also where the show autosaves and what is on air is recorded for crash recovery
   * (main/server/show-store.ts, session-state.ts): without it nothing of the show is persisted.
   * Held by one Strapline at a time (strapline.lock, main/server/data-lock.ts).
   */
  dataDir?: string;
  /**
   * Folders of outside templates (OGraf, CasparCG, SPX), watched during the show; their order numbers
   * their files' URLs. Default: <dataDir>/templates/ (made if absent), or none without a dataDir.
   */
  templateDirs?: readonly string[];
  /** The election folder to open (election.json and its files); default seeds/elections/ge2024. */
  electionDir?: string;
  /** CasparCG Servers to drive (--casparcg), main/server/casparcg/config.ts. */
  casparcg?: readonly CasparcgOutputConfig[];
  /** Tests only: the writes to the data folder and the as-run log, to stand in a full disk or a read-only folder. */
  io?: DiskIo;
}

export interface Headless {
  engine: Engine;
  /** The seats and baseline of the election opened at the start. */
  reference: ReferenceData;
  /** The election open now, and the switch to another. */
  election: ElectionSession;
  server: RunningServer;
  /** The tokens in force: null on loopback, where none are asked for. */
  access: LoadedTokens | null;
  /** Where the show came from and what the start had to say about it; null without a dataDir. */
  showFiles: Pick<StartedShowFiles, 'source' | 'notices' | 'store' | 'session'> | null;
  /** Built-in and outside templates: the one registry the engine validates and resolves cues through. */
  templates: TemplateRegistry;
  /** The templates folders watched (their dirs by index, for the route that serves their files). */
  templateFolders: TemplateFolders | null;
  close: () => Promise<void>;
}

export function defaultDataDir(): string {
  return path.join(os.homedir(), '.strapline');
}

export function defaultAsRunPath(now = new Date()): string {
  return path.join(os.homedir(), '.strapline', 'as-run', `${now.toISOString().slice(0, 10)}.jsonl`);
}

/**
 * The whole of Strapline without Electron: engine, as-run log, HTTP and WebSocket.
 * With a data folder, first its lock (main/server/data-lock.ts): before session.json
 * is read, since another Strapline's running session would look like a crash.
 */
export async function startHeadless(options: HeadlessOptions): Promise<Headless> {
  const lock = options.dataDir === undefined ? null : await acquireDataLock(options.dataDir, { host: options.host }, (m) => console.error(m));
  let app: Headless;
  try {
    app = await startLocked(options);
  } catch (e) {
    // Whatever stopped the start (a busy port, an unreadable show), the folder is free again.
    await lock?.release();
    throw e;
  }
  await lock?.update({ host: options.host, port: app.server.port }).catch((e: Error) => console.error(`data lock: ${e.message}`));
  return {
    ...app,
    close: async () => {
      try {
        await app.close();
      } finally {
        // After the files are closed: until then this process still writes into the folder.
        await lock?.release();
      }
    },
  };
}

async function startLocked(options: HeadlessOptions): Promise<Headless> {
  const now = options.now ?? Date.now;
  // Every writer tells it of failures; the consoles hear at once (a storage event), the air never does.
  const storage = new StorageHealth(now, (m) => console.error(m));
  // Before the show is read: its cues may be of outside templates.
  const templates = new TemplateRegistry(TEMPLATE_DEFINITIONS);
  const templateDirs = options.templateDirs ?? (options.dataDir === undefined ? [] : [path.join(options.dataDir, 'templates')]);
  const templateFolders =
    templateDirs.length === 0
      ? null
      : await startTemplateFolders({ dirs: templateDirs, registry: templates, create: options.templateDirs === undefined, log: (m) => console.error(m) });
  try {
    return await startWithTemplates(options, now, storage, templates, templateFolders);
  } catch (e) {
    await templateFolders?.close();
    throw e;
  }
}

/** The rest of the start, with the templates in hand; a failure here closes their folders' watchers (above). */
async function startWithTemplates(
  options: HeadlessOptions,
  now: () => number,
  storage: StorageHealth,
  templates: TemplateRegistry,
  templateFolders: TemplateFolders | null,
): Promise<Headless> {
  const files =
    options.dataDir === undefined
      ? null
      : await startShowFiles({
          dataDir: options.dataDir,
          showPath: options.showPath,
          demoShow: DEMO_SHOW,
          templates,
          now,
          log: (m) => console.error(m),
          storage: { io: options.io, health: storage },
        });
  const loaded = files ?? (await readShowFile(options.showPath ?? DEMO_SHOW, templates));
  if ('error' in loaded) throw new Error(loaded.error.message);
  const loadedElection = await openStartElection(options.electionDir, loaded.show.election, (m) => (files ? files.notices.push(m) : console.error(m)));
  const reference: ReferenceData = { baseline: loadedElection.baseline, constituencies: loadedElection.constituencies };
  const access = isLoopbackHost(options.host) ? null : await loadOrCreateTokens(options.dataDir ?? defaultDataDir());
  const engine = new Engine({
    show: loaded.show,
    baseline: reference.baseline,
    constituencies: reference.constituencies,
    election: factsOf(loadedElection),
    templates,
    now: options.now ?? Date.now,
  });
  const election = new ElectionSession(engine, loadedElection, await readDefaultLayout(path.join(REFERENCE_DIR, 'constituencies.hexjson')));
  // The show remembers the election it is on: a restart without --election reopens it.
  if (!loaded.show.election) engine.stampShowElection(showElectionOf(loadedElection, ELECTIONS_DIR));
  election.onChange((opened) => engine.stampShowElection(showElectionOf(opened, ELECTIONS_DIR)));
  const libraries = [ELECTIONS_DIR, ...(options.dataDir === undefined ? [] : [path.join(options.dataDir, 'elections')])];
  storage.watch((faults) => engine.reportStorage(faults));
  if (storage.list().length > 0) engine.reportStorage(storage.list());
  const notice = (m: string) => (files ? files.notices.push(m) : console.error(m));
  // Before anything can change the results (drop folder, server), so every change is in the journal.
  const journal =
    options.dataDir === undefined
      ? null
      : await ResultsJournal.open({
          dataDir: options.dataDir,
          initial: engine.resultsState(),
          now,
          onFault: storage.reporter('results journal'),
          io: options.io,
        });
  // A journal of another election's night (opened with --election over it) is not replayed onto this one.
  const strays = journal?.results ? [...journal.results.seats.keys()].filter((code) => !loadedElection.baseline.seats.has(code)) : [];
  if (strays.length > 0)
    notice(
      `The results journal holds ${strays.length} seats that are not seats of ${loadedElection.manifest.name} ` +
        `(first: ${strays.slice(0, 3).join(', ')}): another election's night, so it was not replayed; every seat is pending`,
    );
  else if (journal?.results) engine.resumeResults(journal.results);
  for (const m of journal?.notices ?? []) notice(m);
  const detachJournal = journal?.journal.attach(engine);
  const closeJournal = async () => {
    detachJournal?.();
    const unsaved = await journal?.journal.close();
    if (unsaved) console.error(`results journal: not all written at the stop: ${unsaved}`);
  };
  // An SPX graphic with an out in ms leaves the program when it leaves the picture.
  const stopSpxAutoOut = attachSpxAutoOut(engine, options.now ?? Date.now);
  const closeAsRun = await attachAsRunLog(engine, options.asRunPath, { onFault: storage.reporter('as-run log'), notice, io: options.io });
  const closeFiles = files?.attach(engine);
  // Before the server, so a missing folder stops the start with nothing left listening.
  const problems = options.dropFolder === undefined ? undefined : new DropProblems(options.dropFolder, now);
  const drop =
    options.dropFolder === undefined
      ? undefined
      : watchDropFolder({
          dir: options.dropFolder,
          engine,
          onReport: (r) => (logDropReport(r), problems!.record(r)),
          onGone: (file) => problems!.gone(file),
        });
  const server = await startServer({
    templateFolders: templateFolders?.dirs ?? [],
    drop: problems,
    engine,
    webRoot: options.webRoot,
    host: options.host,
    port: options.port,
    constituencies: reference.constituencies,
    rehearsalSource: path.join(REFERENCE_DIR, 'ge2024-results.json'),
    elections: { session: election, libraries, onlyLibraries: !isLoopbackHost(options.host) },
    tokens: access?.tokens,
    casparcg: options.casparcg,
    showFiles: files && {
      engine,
      store: files.store,
      session: files.session,
      templates,
      now,
      notices: files.notices,
      followElection: (show) => followShowElection(show, engine, election),
    },
  }).catch(async (e: unknown) => {
    // A live watcher would keep the process up with nothing to show for it.
    await drop?.close();
    stopSpxAutoOut();
    await closeJournal();
    await closeAsRun();
    await closeFiles?.();
    throw e;
  });
  return {
    engine,
    reference,
    election,
    server,
    access,
    showFiles: files,
    templates,
    templateFolders,
    close: async () => {
      await drop?.close();
      await templateFolders?.close();
      engine.detachTemplates();
      stopSpxAutoOut();
      // Stops a rehearsal too, whose clearing of its results the journal and the as-run log still record.
      await server.close();
      await closeJournal();
      await closeAsRun();
      // Last, so every edit and take before the stop is on disk, then marked a clean stop.
      await closeFiles?.();
    },
  };
}

/**
 * The election a start opens: --election when given (saying so when the show was made for
 * another), else the show's own, else the 2024 general election. A show's election that
 * cannot be read does not stop the start: it is said, and 2024 opens.
 */
async function openStartElection(named: string | undefined, ofShow: ShowElection | undefined, notice: (m: string) => void): Promise<LoadedElection> {
  if (named !== undefined) {
    const opened = await loadElectionFolder(named);
    const wanted = ofShow && showElectionFolder(ofShow, ELECTIONS_DIR);
    if (ofShow && wanted !== path.resolve(named))
      notice(
        `The show was made for ${ofShow.name} (${wanted}); ${opened.manifest.name} is open, as --election asked. ` +
          `Open ${ofShow.name} from the Elections panel to go back to it.`,
      );
    return opened;
  }
  if (!ofShow) return loadElectionFolder(DEFAULT_ELECTION);
  try {
    return await loadElectionFolder(showElectionFolder(ofShow, ELECTIONS_DIR));
  } catch (e) {
    notice(`The show's election, ${ofShow.name}, could not be opened (${(e as Error).message}); ${path.basename(DEFAULT_ELECTION)} is open instead`);
    return loadElectionFolder(DEFAULT_ELECTION);
  }
}

/** A show opened or made in the console: its election opened (under POST /api/election's rules), or the open one stamped on it. */
async function followShowElection(show: Show, engine: Engine, election: ElectionSession): Promise<string | null> {
  if (!show.election) {
    engine.stampShowElection(showElectionOf(election.current, ELECTIONS_DIR));
    return null;
  }
  const wanted = showElectionFolder(show.election, ELECTIONS_DIR);
  if (wanted === election.current.dir) return null;
  const still = election.current.manifest.name;
  const opened = await election.open(wanted);
  if ('error' in opened)
    return (
      `${show.name} was made for ${show.election.name}; ${still} is still open: ${opened.error.message}. ` +
      `Open ${show.election.name} from the Elections panel once it can be.`
    );
  return `${show.name} was made for ${show.election.name}: opened it in place of ${still} (every seat waiting for its result)`;
}

function logDropReport(report: DropFileReport): void {
  if (report.errors.length === 0) console.log(`drop: ${report.summary}`);
  else console.error(`drop: ${report.summary}\n${report.errors.map((e) => `  ${formatIssue(e)}`).join('\n')}`);
}
