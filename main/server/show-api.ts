import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { describeIssues, fail, type StraplineError } from '../engine/errors';
import { emptyShow, SHOW_FORMAT_VERSION, type Show } from '../engine/show';
import type { TemplateTable } from '../engine/templates';
import { readJsonBody, sendError, sendJson } from './http-util';
import { readShowFile } from './show-file';
import { ShowStore, showText, writeFileAtomic } from './show-store';
import { SessionState } from './session-state';
import { confineShowPath, mustConfine, showFoldersAllowed } from './show-folders';
import type { DiskIo } from './disk-io';
import type { StorageHealth } from './storage-health';
import type { BigInput } from './big-input';

/**
 * Show files over HTTP for the console (a headless server has no native
 * dialogs: the operator types a path). New, Open, Save, Save As, the recent
 * list, and the answer to "restore what was on air?". A refused request
 * changes nothing: no file is written and the show in the engine stays.
 */

export interface ShowApiContext {
  engine: Engine;
  store: ShowStore;
  session: SessionState;
  templates: TemplateTable;
  now: () => number;
  /** What the start had to say (a damaged autosave passed over, say), for the console to show once. */
  notices: string[];
  /** Where show files are read and checked: a 40 MB show off the event loop that drives the air. */
  bigInput: BigInput;
}

type Reply = { status: number; body: unknown };
const refuse = (status: number, error: StraplineError): Reply => ({ status, body: { error } });

const pathField = z
  .string()
  .trim()
  .min(1, 'type the full path of a .json file')
  .max(4096)
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character');
const requests = {
  new: z.strictObject({ name: z.string().trim().min(1).max(200).default('Untitled show') }),
  open: z.strictObject({ path: pathField }),
  save: z.strictObject({}),
  'save-as': z.strictObject({ path: pathField, overwrite: z.boolean().default(false) }),
  restore: z.strictObject({ accept: z.boolean() }),
};

/** Full paths only (or ~/...), ending in .json: the server's working folder means nothing to an operator. */
export function showPathOf(input: string): { path: string } | { error: string } {
  // Never needed in a typed full path, and the usual way out of a folder: refused outright.
  if (input.split(/[\\/]/).includes('..')) return { error: `"${input}" contains "..": type the folder itself, not a way round to it` };
  const expanded = input === '~' || input.startsWith('~/') ? path.join(os.homedir(), input.slice(1)) : input;
  if (!path.isAbsolute(expanded)) return { error: `"${input}" is not a full path: type it from the top, e.g. ${path.join(os.homedir(), 'shows', 'election.json')}` };
  if (path.extname(expanded).toLowerCase() !== '.json') return { error: `"${input}" does not end in .json: show files are JSON` };
  return { path: path.resolve(expanded) };
}

/** May a show be written to `target`? Never over a damaged file or one from a newer Strapline; over another show only when asked. */
async function checkTarget(target: string, ctx: ShowApiContext, overwrite: boolean): Promise<Reply | null> {
  const info = await stat(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e));
  if (info instanceof Error) return refuse(400, fail('INVALID_REQUEST', `${target} cannot be checked (${info.code ?? info.message})`));
  if (info === null) {
    const folder = await stat(path.dirname(target)).catch(() => null);
    return folder?.isDirectory() ? null : refuse(400, fail('INVALID_REQUEST', `The folder ${path.dirname(target)} does not exist`));
  }
  if (!info.isFile()) return refuse(400, fail('INVALID_REQUEST', `${target} is not a file`));
  const existing = await ctx.bigInput.readShow(target, false);
  if ('error' in existing) {
    if (existing.error.code !== 'INVALID_SHOW_FILE') return refuse(500, existing.error);
    return refuse(409, fail('INVALID_SHOW_FILE', `Not saved: ${existing.error.message}. A file Strapline cannot read is never overwritten; choose another name.`));
  }
  if (target !== ctx.store.file && !overwrite) {
    return refuse(409, fail('INVALID_REQUEST', `${target} already holds the show "${existing.name}". Save As again with overwrite to replace it.`));
  }
  return null;
}

async function writeShow(target: string, ctx: ShowApiContext): Promise<Reply | { revision: number }> {
  const { show, showRevision } = ctx.engine.showSnapshot();
  try {
    await writeFileAtomic(target, showText(show, ctx.now()));
  } catch (e) {
    return refuse(500, fail('INVALID_REQUEST', `${target} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the show is safe in its autosave`));
  }
  return { revision: showRevision };
}

export async function showStatus(ctx: ShowApiContext) {
  const { store, session } = ctx;
  const recent = await Promise.all(store.recent.map(async (file) => ({ path: file, exists: (await stat(file).catch(() => null))?.isFile() === true })));
  const offer = session.offer;
  return {
    name: ctx.engine.showSnapshot().show.name,
    file: store.file,
    dirty: store.dirty,
    lastAutosaveAt: store.lastAutosaveAt,
    autosaveError: store.autosaveError,
    recent,
    notices: ctx.notices,
    restore: offer && {
      savedAt: offer.savedAt,
      graphics: Object.entries(offer.program).map(([layer, g]) => ({ layer, cueId: g.cueId, title: g.title, step: g.step })),
    },
  };
}

/**
 * The path a request may use: any full path from the operator on a loopback
 * server; confined (a server open to the network, or a request from afar),
 * only inside the allowed folders (main/server/show-folders.ts).
 */
async function allowedPath(typed: string, ctx: ShowApiContext, confine: boolean): Promise<{ path: string } | Reply> {
  const target = showPathOf(typed);
  if ('error' in target) return refuse(400, fail('INVALID_REQUEST', target.error));
  if (!confine) return target;
  const confined = await confineShowPath(target.path, { dataDir: ctx.store.dataDir, startFile: ctx.store.openedAtStart });
  return 'error' in confined ? refuse(confined.status, confined.error) : confined;
}

type Action<K extends keyof typeof requests> = (body: z.infer<(typeof requests)[K]>, ctx: ShowApiContext, afar: boolean) => Promise<Reply | null>;
const actions: { [K in keyof typeof requests]: Action<K> } = {
  async new(body, ctx) {
    await ctx.store.switchTo(null);
    const result = ctx.engine.dispatch({ type: 'load-show', show: emptyShow(body.name) });
    if (!result.ok) return refuse(400, result.error);
    ctx.store.markClean(result.showRevision);
    return null;
  },
  async open(body, ctx, afar) {
    const target = await allowedPath(body.path, ctx, afar);
    if ('status' in target) return target;
    const read = await ctx.bigInput.readShow(target.path);
    if ('error' in read) return refuse(read.error.code === 'INVALID_SHOW_FILE' ? 400 : 500, read.error);
    if (!read.show) return refuse(500, fail('INVALID_REQUEST', `Internal error: ${target.path} was checked but not read`));
    await ctx.store.switchTo(target.path);
    // Checked in the worker (parseShow, the same templates): the one command here must be cheap.
    const result = ctx.engine.loadCheckedShow(read.show);
    if (!result.ok) return refuse(400, result.error);
    ctx.store.markClean(result.showRevision);
    if (read.fromVersion < SHOW_FORMAT_VERSION) ctx.notices.push(`${target.path} was a version ${read.fromVersion} show file; Save writes it as version ${SHOW_FORMAT_VERSION}.`);
    return null;
  },
  // Not confined: Save writes back to the file already open, which only the operator (or a confined Open or Save As) chose.
  async save(_body, ctx) {
    const file = ctx.store.file;
    if (file === null) return refuse(400, fail('INVALID_REQUEST', 'This show has no file yet: use Save As and type where it goes'));
    const refused = await checkTarget(file, ctx, false);
    if (refused) return refused;
    const written = await writeShow(file, ctx);
    if ('status' in written) return written;
    ctx.store.remember(file);
    ctx.store.markClean(written.revision);
    return null;
  },
  async 'save-as'(body, ctx, afar) {
    const target = await allowedPath(body.path, ctx, afar);
    if ('status' in target) return target;
    const refused = await checkTarget(target.path, ctx, body.overwrite);
    if (refused) return refused;
    const written = await writeShow(target.path, ctx);
    if ('status' in written) return written;
    await ctx.store.switchTo(target.path);
    ctx.store.markClean(written.revision);
    return null;
  },
  async restore(body, ctx) {
    if (!body.accept) {
      if (!ctx.session.offer) return refuse(409, fail('INVALID_REQUEST', 'There is nothing to restore'));
      ctx.session.decline();
      return null;
    }
    const result = ctx.session.restore(ctx.engine);
    return result.ok ? { status: 200, body: { ...(await showStatus(ctx)), detail: result.detail } } : refuse(409, result.error);
  },
};

/**
 * GET /api/show/folders: where this caller may Open and Save As, so the console
 * suggests a path that will be accepted. Confined: only directly in `folders`
 * (the list a refusal names; `shows/` is made if missing, as a confined Save As
 * would). Otherwise any full path; the example sits beside the open show, or in
 * the home folder. Changes no show and no setting.
 */
export async function showFolders(ctx: ShowApiContext, confined: boolean): Promise<{ confined: boolean; folders: string[]; example: string }> {
  const folders = confined ? await showFoldersAllowed({ dataDir: ctx.store.dataDir, startFile: ctx.store.openedAtStart }) : [];
  const near = folders[0] ?? (ctx.store.file === null ? os.homedir() : path.dirname(ctx.store.file));
  return { confined, folders, example: path.join(near, 'election-night.json') };
}

/** openToNetwork: the server listens beyond loopback (from its start options), so every Open and Save As is confined. */
export async function handleShowApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ShowApiContext, openToNetwork: boolean): Promise<boolean> {
  if (url.pathname === '/api/show' || url.pathname === '/api/show/recent') {
    if (req.method !== 'GET') sendError(res, 405, fail('INVALID_REQUEST', `${url.pathname} takes GET`));
    else if (url.pathname === '/api/show') sendJson(res, 200, await showStatus(ctx));
    else sendJson(res, 200, { recent: (await showStatus(ctx)).recent });
    return true;
  }
  if (url.pathname === '/api/show/folders') {
    if (req.method !== 'GET') sendError(res, 405, fail('INVALID_REQUEST', `${url.pathname} takes GET`));
    else sendJson(res, 200, await showFolders(ctx, mustConfine(req, url, openToNetwork)));
    return true;
  }
  const name = url.pathname.startsWith('/api/show/') ? url.pathname.slice('/api/show/'.length) : null;
  if (name === null || !Object.hasOwn(requests, name)) return false;
  if (req.method !== 'POST') {
    sendError(res, 405, fail('INVALID_REQUEST', `${url.pathname} takes POST`));
    return true;
  }
  const body = await readJsonBody(req);
  if ('error' in body) {
    sendError(res, body.status, body.error);
    return true;
  }
  const action = name as keyof typeof requests;
  const parsed = requests[action].safeParse(body.value);
  if (!parsed.success) {
    sendError(res, 400, fail('INVALID_REQUEST', `${url.pathname}: ${describeIssues(parsed.error.issues)}`));
    return true;
  }
  const reply = await (actions[action] as (b: unknown, c: ShowApiContext, afar: boolean) => Promise<Reply | null>)(parsed.data, ctx, mustConfine(req, url, openToNetwork));
  if (reply && reply.status !== 200) sendJson(res, reply.status, reply.body);
  else sendJson(res, 200, reply?.body ?? (await showStatus(ctx)));
  return true;
}

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
