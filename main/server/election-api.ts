import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fail } from '../engine/errors';
import type { ElectionSession } from './election-session';
import { ok, route, type Route } from './route-table';

export interface ElectionApiContext {
  session: ElectionSession;
  /** Folders whose election folders the console lists (seeds/elections, <data>/elections). */
  libraries: readonly string[];
  /** Open to the network: only folders inside the libraries may be opened, so a token cannot read the disk. */
  onlyLibraries: boolean;
}

const openRequest = z.strictObject({ folder: z.string().trim().min(1).max(1000) });
const layoutQuery = z.strictObject({ key: z.string().min(1).max(200) });

interface ListedElection {
  folder: string;
  name: string;
  date: string;
  kind: string;
}

/** The election folders in the libraries, by name and date, for the console's Elections panel. */
async function listElections(libraries: readonly string[]): Promise<ListedElection[]> {
  const found: ListedElection[] = [];
  for (const library of libraries) {
    const entries = await readdir(library, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = path.join(library, entry.name);
      const head = await readFile(path.join(folder, 'election.json'), 'utf8')
        .then((t) => JSON.parse(t) as Record<string, unknown>)
        .catch(() => null);
      const text = (key: string, otherwise: string) => (typeof head?.[key] === 'string' ? (head[key] as string) : otherwise);
      // Listed even when broken: opening it says what is wrong, by file, line and field.
      found.push({ folder, name: text('name', entry.name), date: text('date', ''), kind: text('kind', '') });
    }
  }
  return found;
}

const inside = (folder: string, library: string) => {
  const rel = path.relative(library, folder);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** GET and POST /api/election, GET /api/elections, GET /api/hex-layout?key=<key>. */
export function electionRoutes(ctx: ElectionApiContext): Route[] {
  return [
    route({ method: 'GET', path: '/api/election', access: 'watch', handle: () => ok(ctx.session.info()) }),
    route({
      method: 'GET',
      path: '/api/elections',
      access: 'watch',
      handle: async () => ok({ current: ctx.session.info().folder, elections: await listElections(ctx.libraries) }),
    }),
    route({
      method: 'GET',
      path: '/api/hex-layout',
      access: 'watch',
      query: layoutQuery,
      handle: ({ query }) => {
        const layout = ctx.session.hexLayout(query.key);
        if (layout) return ok(layout);
        const open = ctx.session.info().hexLayout;
        return { error: fail('NOT_FOUND', `No hex layout ${query.key}: the election open has ${open === null ? 'none' : `layout ${open}`}`) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/election',
      access: 'control',
      body: openRequest,
      handle: async ({ body }) => {
        const folder = path.resolve(body.folder);
        if (ctx.onlyLibraries && !ctx.libraries.some((library) => inside(folder, library))) {
          return { error: fail('FORBIDDEN', `From the network, elections open only from ${ctx.libraries.join(' or ')}`) };
        }
        const opened = await ctx.session.open(folder);
        return 'error' in opened ? opened : ok(opened.info);
      },
    }),
  ];
}
