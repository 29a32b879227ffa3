import type { IncomingMessage, ServerResponse } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues, fail } from '../engine/errors';
import { readJsonBody, sendError, sendJson } from './http-util';
import type { ElectionSession } from './election-session';

export interface ElectionApiContext {
  session: ElectionSession;
  /** Folders whose election folders the console lists (seeds/elections, <data>/elections). */
  libraries: readonly string[];
  /** Open to the network: only folders inside the libraries may be opened, so a token cannot read the disk. */
  onlyLibraries: boolean;
}

const openRequest = z.strictObject({ folder: z.string().trim().min(1).max(1000) });

/** The election folders in the libraries, by name and date, for the console's Elections panel. */
async function listElections(libraries: readonly string[]): Promise<{ folder: string; name: string; date: string; kind: string }[]> {
  const found: { folder: string; name: string; date: string; kind: string }[] = [];
  for (const library of libraries) {
    const entries = await readdir(library, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = path.join(library, entry.name);
      const head = await readFile(path.join(folder, 'election.json'), 'utf8').then((t) => JSON.parse(t) as Record<string, unknown>).catch(() => null);
      // Listed even when broken: opening it says what is wrong, by file, line and field.
      found.push({ folder, name: typeof head?.name === 'string' ? head.name : entry.name, date: typeof head?.date === 'string' ? head.date : '', kind: typeof head?.kind === 'string' ? head.kind : '' });
    }
  }
  return found;
}

const inside = (folder: string, library: string) => {
  const rel = path.relative(library, folder);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** GET and POST /api/election, GET /api/elections, GET /api/hex-layout/<key>. */
export async function handleElectionApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ElectionApiContext): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /api/election') {
    sendJson(res, 200, ctx.session.info());
    return true;
  }
  if (route === 'GET /api/elections') {
    sendJson(res, 200, { current: ctx.session.info().folder, elections: await listElections(ctx.libraries) });
    return true;
  }
  if (req.method === 'GET' && url.pathname.startsWith('/api/hex-layout/')) {
    const key = url.pathname.slice('/api/hex-layout/'.length);
    const layout = ctx.session.hexLayout(key);
    if (layout) sendJson(res, 200, layout);
    else sendError(res, 404, fail('NOT_FOUND', `No hex layout ${key}: the election open has ${ctx.session.info().hexLayout === null ? 'none' : `layout ${ctx.session.info().hexLayout}`}`));
    return true;
  }
  if (route !== 'POST /api/election') return false;
  const body = await readJsonBody(req);
  if ('error' in body) return (sendError(res, body.status, body.error), true);
  const parsed = openRequest.safeParse(body.value);
  if (!parsed.success) return (sendError(res, 400, fail('INVALID_REQUEST', `/api/election: ${describeIssues(parsed.error.issues)}`)), true);
  const folder = path.resolve(parsed.data.folder);
  if (ctx.onlyLibraries && !ctx.libraries.some((library) => inside(folder, library))) {
    sendError(res, 403, fail('FORBIDDEN', `From the network, elections open only from ${ctx.libraries.join(' or ')}`));
    return true;
  }
  const opened = await ctx.session.open(folder);
  if ('error' in opened) sendError(res, opened.status, opened.error);
  else sendJson(res, 200, opened.info);
  return true;
}
