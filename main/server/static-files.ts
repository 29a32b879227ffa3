import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Pages go out with a CSP: scripts and styles from this server only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * The path a request names, decoded once and normalised ("/renderer%2findex.html"
 * is "/renderer/index.html"), or null when it cannot be decoded or holds a NUL or a backslash.
 * The access guard decides on this path and the file server serves it: one
 * function, so an encoding can never make the two disagree.
 */
export function sitePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows that POSIX normalisation does not see ("\renderer\index.html"
  // would be judged as no folder at all, then served as the console page); no built page has one in its name.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  return path.posix.normalize('/' + decoded);
}

/** Resolves a URL path inside root, or null when it would leave root (by its name alone: see servedFile for links). */
export function resolveInside(root: string, urlPath: string): string | null {
  const site = sitePath(urlPath);
  return site === null ? null : siteFileInside(root, site);
}

/** A site path (sitePath's answer: decoded already, never decoded again) inside root, or null. */
function siteFileInside(root: string, site: string): string | null {
  const full = path.resolve(root, '.' + site);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/**
 * The file to serve for a site path (sitePath's answer, the very path the
 * access guard judged: decoding it again would let "%252f" be judged as one
 * path and served as another): inside root by its name and by its real path,
 * so a symlink in the built pages (to /etc/passwd, or to a folder above them)
 * is never followed out. Null when it would leave root or does not exist.
 */
export async function servedFile(root: string, site: string): Promise<string | null> {
  const named = siteFileInside(root, site);
  if (named === null) return null;
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(named)]);
    return real.startsWith(realRoot + path.sep) ? real : null;
  } catch {
    return null;
  }
}

export async function sendFile(res: ServerResponse, file: string): Promise<boolean> {
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      // Said outright, so a HEAD (answered as GET with no body) gives the same length.
      'content-length': body.length,
      'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}
