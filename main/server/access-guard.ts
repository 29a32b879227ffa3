import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { fail, type StraplineError } from '../engine/errors';
import { accessOf, type Access, type AccessTokens } from './access-token';
import { sendError } from './http-util';

/**
 * Who may do what once the server is open to the network. On loopback the
 * Host and Origin checks are the guard (the console we serve, and tools with
 * no Origin such as Companion, need no token). Bound to any other address,
 * every request shows a token: the control token to change anything, either
 * token to watch. The built scripts, styles and fonts carry no data, so they
 * stay open: a browser source fetches them before it knows any token.
 */
export type Need = 'control' | 'view' | 'nothing';

/** WebSocket roles that only listen; any other role (the console) may send commands. */
const READ_ONLY_ROLES = new Set(['output', 'producer']);

/** What a file of the built pages needs; an API route says its own (route-table.ts Access). */
export function needFor(method: string | undefined, pathname: string): Need {
  if (method !== 'GET' && method !== 'HEAD') return 'control';
  if (pathname.startsWith('/assets/')) return 'nothing';
  // The console page is for the operator alone.
  if (pathname === '/' || pathname.startsWith('/renderer/')) return 'control';
  return 'view';
}

export function needForSocket(role: string | null): Need {
  return role !== null && READ_ONLY_ROLES.has(role) ? 'view' : 'control';
}

/** A cookie per port: two Strapline servers on one machine keep their own. */
export const cookieName = (port: number) => `strapline-token-${port}`;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `Authorization: Bearer`, then `?token=`, then the cookie a page was given when it opened.
 * An Authorization header in any other form (a bare token, Basic) presents '': a wrong token, never a match.
 */
export function presentedToken(req: IncomingMessage, url: URL, port: number): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) return BEARER.exec(auth)?.[1] ?? '';
  const query = url.searchParams.get('token');
  if (query !== null) return query;
  const name = cookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export type Verdict = { ok: true; access: Access } | { ok: false; status: 401 | 403; error: StraplineError };

export class AccessGuard {
  /** tokens null: bound to loopback, no token asked for. */
  constructor(
    readonly tokens: AccessTokens | null,
    private readonly port: () => number,
  ) {}

  get open(): boolean {
    return this.tokens !== null;
  }

  judge(req: IncomingMessage, url: URL, need: Need): Verdict {
    if (!this.tokens) return { ok: true, access: 'control' };
    const presented = presentedToken(req, url, this.port());
    const access = accessOf(this.tokens, presented);
    if (need === 'nothing') return { ok: true, access };
    if (access === 'none') {
      const why =
        presented === undefined
          ? 'needs an access token'
          : presented === '' && req.headers.authorization !== undefined
            ? 'has an Authorization header that is not "Bearer <access token>"'
            : 'has a wrong access token';
      return { ok: false, status: 401, error: fail('UNAUTHORIZED', `${req.method} ${url.pathname} ${why} (Authorization: Bearer, or ?token= in the URL)`) };
    }
    if (need === 'control' && access === 'read-only') {
      return { ok: false, status: 403, error: fail('FORBIDDEN', `${req.method} ${url.pathname}: the read-only token can watch but not control`) };
    }
    return { ok: true, access };
  }

  /**
   * Refuses the request (answered, saying why: null) or gives the access it showed; a page opened
   * with ?token= keeps it in a cookie for its own requests. `need` is judged on the decoded path
   * (static-files.ts sitePath) that the file server serves and the routes are found by, never the raw one.
   */
  admitRequest(req: IncomingMessage, res: ServerResponse, url: URL, need: Need): Access | null {
    const verdict = this.judge(req, url, need);
    if (!verdict.ok) {
      if (verdict.status === 401) res.setHeader('www-authenticate', 'Bearer realm="strapline"');
      sendError(res, verdict.error);
      return null;
    }
    const fromQuery = url.searchParams.get('token');
    if (this.open && req.method === 'GET' && fromQuery !== null && verdict.access !== 'none') {
      // HttpOnly: page scripts never read it; SameSite=Strict: other sites' pages never send it.
      res.setHeader('set-cookie', `${cookieName(this.port())}=${fromQuery}; Path=/; HttpOnly; SameSite=Strict`);
    }
    return verdict.access;
  }

  /** The same rules for a WebSocket handshake; returns whether the socket may send commands. */
  admitUpgrade(req: IncomingMessage, socket: Duplex, url: URL): { canControl: boolean } | null {
    const verdict = this.judge(req, url, needForSocket(url.searchParams.get('role')));
    if (verdict.ok) return { canControl: verdict.access === 'control' };
    const status = verdict.status === 401 ? '401 Unauthorized' : '403 Forbidden';
    const body = JSON.stringify({ error: verdict.error });
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    return null;
  }
}
