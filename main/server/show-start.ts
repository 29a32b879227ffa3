import path from 'node:path';
import type { Engine } from '../engine/engine';
import type { Show } from '../engine/show';
import type { TemplateTable } from '../engine/templates';
import { readShowFile } from './show-file';
import { ShowStore } from './show-store';
import { SessionState } from './session-state';
import type { DiskIo } from './disk-io';
import type { StorageHealth } from './storage-health';

/**
 * The show files' start-up work, apart from their routes (show-api.ts): which
 * show a start opens, and the autosave and the record of the air it attaches.
 */

export interface StartedShowFiles {
  show: Show;
  /** Where the show came from, for the start-up line. */
  source: string;
  store: ShowStore;
  session: SessionState;
  notices: string[];
  /** Starts autosaving and recording the air; returns what a clean stop runs. */
  attach: (engine: Engine) => () => Promise<void>;
}

/**
 * Which show a start opens: with no --show (or --show naming the show last
 * edited), the newest good autosave of the last show, so a crash costs no more
 * than the last moment of edits; otherwise the file named, or the demo as an
 * untitled show. A named file that cannot be read stops the start.
 */
export async function startShowFiles(options: {
  dataDir: string;
  showPath?: string;
  demoShow: string;
  templates: TemplateTable;
  now: () => number;
  log: (message: string) => void;
  /** Injected writes (tests) and where failures are told (main/server/storage-health.ts). */
  storage?: { io?: DiskIo; health: StorageHealth };
}): Promise<StartedShowFiles> {
  const { io, health } = options.storage ?? {};
  const store = await ShowStore.open(options.dataDir, { now: options.now, log: options.log, io, onFault: health?.reporter('autosave') });
  const session = await SessionState.open(options.dataDir, options.now, options.log, { io, onFault: health?.reporter('session') });
  const notices = [...store.notices, ...session.notices];
  const wanted = options.showPath === undefined ? undefined : path.resolve(options.showPath);
  let opened: { show: Show; source: string } | null = null;
  if (wanted === undefined || wanted === store.file) {
    const resumed = await store.resume(options.templates);
    if (resumed?.notice) notices.push(resumed.notice);
    if (resumed) opened = { show: resumed.show, source: `${store.file ?? 'an untitled show'}, reopened from its autosave ${resumed.from}` };
  }
  if (!opened) {
    let file = wanted ?? store.file;
    if (file !== null) {
      const read = await readShowFile(file, options.templates);
      if ('error' in read && wanted !== undefined) throw new Error(read.error.message);
      // Not named this time: a start must not fail on last night's file. Say so, and open the demo.
      if ('error' in read) notices.push(`The last show could not be opened (${read.error.message}); the demo show is open instead`);
      else opened = { show: read.show, source: file };
      if ('error' in read) file = null;
    }
    if (!opened) {
      const demo = await readShowFile(options.demoShow, options.templates);
      if ('error' in demo) throw new Error(demo.error.message);
      opened = { show: demo.show, source: `the demo show (${options.demoShow}), untitled: Save As to keep it` };
    }
    await store.switchTo(file);
  }
  store.openedAtStart = store.file;
  // Said once: the entries go from the list (and from the file that keeps it) as they are reported.
  const gone = await store.dropMissingRecent();
  if (gone.length > 0) notices.push(`No longer on disk, so taken off the recent list: ${gone.join(', ')}`);
  return {
    ...opened,
    store,
    session,
    notices,
    attach(engine) {
      store.trackFrom(engine.showSnapshot().showRevision);
      const detachStore = store.attach(engine);
      const detachSession = session.attach(engine);
      return async () => {
        detachStore();
        detachSession();
        await store.flush();
        await session.close();
      };
    },
  };
}
