import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { fail, type StraplineError } from '../engine/errors';
import { emptyShow, SHOW_FORMAT_VERSION, type Show } from '../engine/show';
import type { TemplateTable } from '../engine/templates';
import { ok, route, type Answer, type Route } from './route-table';
import type { ShowStore } from './show-store';
import { showText, writeFileAtomic } from './show-store';
import type { SessionState } from './session-state';
import { confineShowPath, showFoldersAllowed } from './show-folders';
import type { BigInput } from './big-input';
import { TemplateRegistry } from '../templates/registry';

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
  /**
   * The show now in the engine was made for an election: open it (refused, as POST /api/election
   * is, while bound graphics are up), or stamp the open one on a show that names none. Returns
   * what the console should be told, or null. Absent: the election stays as it is (tests).
   */
  followElection?: (show: Show) => Promise<string | null>;
}

/** A refusal; its code carries its status (errors.ts). */
type Refusal = { error: StraplineError };
const refuse = (error: StraplineError): Refusal => ({ error });

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
  if (!path.isAbsolute(expanded))
    return { error: `"${input}" is not a full path: type it from the top, e.g. ${path.join(os.homedir(), 'shows', 'election.json')}` };
  if (path.extname(expanded).toLowerCase() !== '.json') return { error: `"${input}" does not end in .json: show files are JSON` };
  return { path: path.resolve(expanded) };
}

/** The outside templates the worker must know to read a show as the engine would: none with the built-ins' table alone. */
const outsideTemplates = (templates: TemplateTable) => (templates instanceof TemplateRegistry ? templates.outsideTemplates() : []);

/** May a show be written to `target`? Never over a damaged file or one from a newer Strapline; over another show only when asked. */
async function checkTarget(target: string, ctx: ShowApiContext, overwrite: boolean): Promise<Refusal | null> {
  const info = await stat(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e));
  if (info instanceof Error) return refuse(fail('INVALID_REQUEST', `${target} cannot be checked (${info.code ?? info.message})`));
  if (info === null) {
    const folder = await stat(path.dirname(target)).catch(() => null);
    return folder?.isDirectory() ? null : refuse(fail('INVALID_REQUEST', `The folder ${path.dirname(target)} does not exist`));
  }
  if (!info.isFile()) return refuse(fail('INVALID_REQUEST', `${target} is not a file`));
  const existing = await ctx.bigInput.readShow(target, outsideTemplates(ctx.templates), false);
  if ('error' in existing) {
    if (existing.error.code !== 'INVALID_SHOW_FILE') return refuse(existing.error);
    return refuse(fail('FILE_CONFLICT', `Not saved: ${existing.error.message}. A file Strapline cannot read is never overwritten; choose another name.`));
  }
  if (target !== ctx.store.file && !overwrite) {
    return refuse(fail('FILE_CONFLICT', `${target} already holds the show "${existing.name}". Save As again with overwrite to replace it.`));
  }
  return null;
}

async function writeShow(target: string, ctx: ShowApiContext): Promise<Refusal | { revision: number }> {
  const { show, showRevision } = ctx.engine.showSnapshot();
  try {
    await writeFileAtomic(target, showText(show, ctx.now()));
  } catch (e) {
    return refuse(
      fail('WRITE_FAILED', `${target} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the show is safe in its autosave`),
    );
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
async function allowedPath(typed: string, ctx: ShowApiContext, confine: boolean): Promise<{ path: string } | Refusal> {
  const target = showPathOf(typed);
  if ('error' in target) return refuse(fail('INVALID_REQUEST', target.error));
  if (!confine) return target;
  const confined = await confineShowPath(target.path, { dataDir: ctx.store.dataDir, startFile: ctx.store.openedAtStart });
  return 'error' in confined ? refuse(confined.error) : confined;
}

/** null: done, answered with the show's status. */
type Action<K extends keyof typeof requests> = (body: z.infer<(typeof requests)[K]>, ctx: ShowApiContext, afar: boolean) => Promise<Answer | null>;
const actions: { [K in keyof typeof requests]: Action<K> } = {
  async new(body, ctx) {
    await ctx.store.switchTo(null);
    const result = ctx.engine.dispatch({ type: 'load-show', show: emptyShow(body.name) });
    if (!result.ok) return refuse(result.error);
    // A new show is made for the election open now: part of New, so it is not an unsaved edit.
    await ctx.followElection?.(ctx.engine.showSnapshot().show);
    ctx.store.markClean(ctx.engine.showSnapshot().showRevision);
    return null;
  },
  async open(body, ctx, afar) {
    const target = await allowedPath(body.path, ctx, afar);
    if ('error' in target) return target;
    const read = await ctx.bigInput.readShow(target.path, outsideTemplates(ctx.templates));
    if ('error' in read) return refuse(read.error);
    if (!read.show) return refuse(fail('INTERNAL_ERROR', `Internal error: ${target.path} was checked but not read`));
    await ctx.store.switchTo(target.path);
    // Checked in the worker (parseShow, the same templates): the one command here must be cheap.
    const result = ctx.engine.loadCheckedShow(read.show);
    if (!result.ok) return refuse(result.error);
    ctx.store.markClean(result.showRevision);
    if (read.fromVersion < SHOW_FORMAT_VERSION)
      ctx.notices.push(`${target.path} was a version ${read.fromVersion} show file; Save writes it as version ${SHOW_FORMAT_VERSION}.`);
    const followed = await ctx.followElection?.(read.show);
    if (followed) ctx.notices.push(followed);
    return null;
  },
  // Not confined: Save writes back to the file already open, which only the operator (or a confined Open or Save As) chose.
  async save(_body, ctx) {
    const file = ctx.store.file;
    if (file === null) return refuse(fail('INVALID_REQUEST', 'This show has no file yet: use Save As and type where it goes'));
    const refused = await checkTarget(file, ctx, false);
    if (refused) return refused;
    const written = await writeShow(file, ctx);
    if ('error' in written) return written;
    ctx.store.remember(file);
    ctx.store.markClean(written.revision);
    return null;
  },
  async 'save-as'(body, ctx, afar) {
    const target = await allowedPath(body.path, ctx, afar);
    if ('error' in target) return target;
    const refused = await checkTarget(target.path, ctx, body.overwrite);
    if (refused) return refused;
    const written = await writeShow(target.path, ctx);
    if ('error' in written) return written;
    await ctx.store.switchTo(target.path);
    ctx.store.markClean(written.revision);
    return null;
  },
  async restore(body, ctx) {
    if (!body.accept) {
      if (!ctx.session.offer) return refuse(fail('NOTHING_TO_RESTORE', 'There is nothing to restore'));
      ctx.session.decline();
      return null;
    }
    const result = ctx.session.restore(ctx.engine);
    return result.ok ? ok({ ...(await showStatus(ctx)), detail: result.detail }) : refuse(result.error);
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

/**
 * The show routes. Open and Save As are confined (show-folders.ts) for every
 * caller but the operator at this machine on a loopback server.
 */
export function showRoutes(ctx: ShowApiContext): Route[] {
  const status = async (): Promise<Answer> => ok(await showStatus(ctx));
  const action = (name: keyof typeof requests) =>
    route({
      method: 'POST',
      path: `/api/show/${name}`,
      access: 'control',
      body: requests[name] as z.ZodType<unknown>,
      handle: async ({ body, caller }): Promise<Answer> => {
        // The body was parsed by requests[name], the schema this action is typed by.
        const act = actions[name] as (b: unknown, c: ShowApiContext, afar: boolean) => Promise<Answer | null>;
        return (await act(body, ctx, caller !== 'operator')) ?? status();
      },
    });
  return [
    route({ method: 'GET', path: '/api/show', access: 'watch', handle: status }),
    route({ method: 'GET', path: '/api/show/recent', access: 'watch', handle: async () => ok({ recent: (await showStatus(ctx)).recent }) }),
    route({ method: 'GET', path: '/api/show/folders', access: 'watch', handle: async ({ caller }) => ok(await showFolders(ctx, caller !== 'operator')) }),
    ...(Object.keys(requests) as (keyof typeof requests)[]).map(action),
  ];
}
