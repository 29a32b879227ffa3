import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeIssues, fail, type StraplineError } from '../engine/errors';
import type { AccessGuard } from './access-guard';
import { readJsonBody, sendError, sendJson } from './http-util';
import type { Answer, Caller, Route } from './route-table';
import { mustConfine } from './show-folders';

/** Every path under this is a route or a 404: never a file. */
export const API_PREFIX = '/api/';

/**
 * The one way into the API. Finds the route by the decoded, normalised path
 * the access guard and the file server also see (static-files.ts sitePath),
 * then checks the method, who is calling, the query and the body, in that
 * order, before the handler runs; a refusal at any step changes nothing.
 */
export class RouteDispatcher {
  private readonly byPath = new Map<string, Map<string, Route>>();

  constructor(
    routes: readonly Route[],
    private readonly guard: AccessGuard,
  ) {
    for (const r of routes) {
      if (!r.path.startsWith(API_PREFIX)) throw new Error(`route ${r.method} ${r.path}: API routes live under ${API_PREFIX}`);
      const methods = this.byPath.get(r.path) ?? new Map<string, Route>();
      if (methods.has(r.method)) throw new Error(`route ${r.method} ${r.path} is in the table twice`);
      this.byPath.set(r.path, methods.set(r.method, r));
    }
  }

  /** False when the path is not the API's (the file server's turn); otherwise the request is answered. */
  async dispatch(req: IncomingMessage, res: ServerResponse, url: URL, site: string): Promise<boolean> {
    if (!site.startsWith(API_PREFIX)) return false;
    const methods = this.byPath.get(site);
    if (!methods) {
      sendError(res, fail('NOT_FOUND', `No API route ${req.method} ${site}`));
      return true;
    }
    // HEAD arrives here as GET (server.ts), so a GET route answers it.
    const found = methods.get(req.method ?? '');
    if (!found) {
      const allow = [...methods.keys()].flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
      res.setHeader('allow', allow.join(', '));
      sendError(res, fail('METHOD_NOT_ALLOWED', `${site} takes ${allow.join(' or ')}, not ${req.method}`));
      return true;
    }
    const caller = this.callerOf(req, res, url, found);
    if (caller === null) return true;
    const input = await readInput(req, url, found);
    if ('error' in input) {
      sendError(res, input.error);
      return true;
    }
    const call = { body: input.body, query: input.query, caller, req, res, url };
    answer(
      res,
      await Promise.resolve()
        .then(() => found.handle(call))
        .catch(internalError(found)),
    );
    return true;
  }

  /** Null when the caller may not use this route (answered: 401, or 403 naming what was missing). */
  private callerOf(req: IncomingMessage, res: ServerResponse, url: URL, found: Route): Caller | null {
    const access = this.guard.admitRequest(req, res, url, found.access === 'watch' ? 'view' : 'control');
    if (access === null) return null;
    const caller: Caller = mustConfine(req, url, this.guard.open) ? (access === 'read-only' ? 'read-only' : 'control') : 'operator';
    if (found.access === 'operator' && caller !== 'operator') {
      sendError(res, fail('FORBIDDEN', `${req.method} ${found.path} is for the operator at this machine alone, on a server bound to loopback`));
      return null;
    }
    return caller;
  }
}

async function readInput(req: IncomingMessage, url: URL, found: Route): Promise<{ body: unknown; query: unknown } | { error: StraplineError }> {
  let query: unknown;
  if (found.query) {
    // The token is the guard's business, never a route's.
    const asked = Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'token'));
    const parsed = found.query.safeParse(asked);
    if (!parsed.success) return { error: fail('INVALID_REQUEST', `${found.path} query: ${describeIssues(parsed.error.issues)}`) };
    query = parsed.data;
  }
  if (found.body === null || found.body === 'stream') return { body: undefined, query };
  const read = await readJsonBody(req);
  if ('error' in read) return read;
  const parsed = found.body.safeParse(read.value);
  if (!parsed.success) return { error: fail('INVALID_REQUEST', `${found.path}: ${describeIssues(parsed.error.issues)}`) };
  return { body: parsed.data, query };
}

/** A handler that throws is a fault of ours: said as one (500 INTERNAL_ERROR), logged, and the server carries on. */
function internalError(found: Route): (e: unknown) => Answer {
  return (e) => {
    console.error(`${found.method} ${found.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { error: fail('INTERNAL_ERROR', `Internal error in ${found.method} ${found.path}: ${e instanceof Error ? e.message : String(e)}`) };
  };
}

function answer(res: ServerResponse, reply: Answer): void {
  if (reply === 'answered') return;
  if ('error' in reply) sendError(res, reply.error, reply.extra);
  else sendJson(res, 200, reply.json);
}
