import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../engine/errors';
import { TEMPLATE_FILES_PREFIX } from '../templates/outside/contract';
import { sendError } from './http-util';
import { sitePath } from './static-files';
import { OGRAF_RUNNER_HTML, PAGE_BRIDGE_SCRIPT } from './template-bridge';

/** The OGraf runner page, beside the folders (no folder index is "_host"). */
export const OGRAF_RUNNER_PATH = `${TEMPLATE_FILES_PREFIX}_host/ograf.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/**
 * Even a template page opened straight from its URL is sandboxed: an opaque
 * origin (no cookies, storage, or the output's origin), no navigation of the top,
 * no forms, no popups; and it may fetch only its own template files, never the
 * control API or the snapshot socket. Scripts, styles and images it may take from
 * anywhere: templates bring their own (inline scripts, a CDN's GSAP).
 */
export function templateContentSecurityPolicy(host: string): string {
  // The Host header names the origin; one that is not a plain host[:port] could add directives, so it gets no connect-src at all.
  const connect = /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host) ? `http://${host}${TEMPLATE_FILES_PREFIX}` : "'none'";
  return `sandbox allow-scripts; connect-src ${connect}; form-action 'none'; frame-ancestors 'self'; base-uri 'self'`;
}

/**
 * Serves an outside template's file from `/templates/<folder index>/<path>`, or
 * the OGraf runner. The path is judged as the access guard judges it
 * (sitePath: decoded once, normalised), must stay inside its folder by name and
 * by real path (no symlink out), and an HTML page gets the host's bridge as the
 * first script of its head. False when the path is not under /templates/.
 */
export async function serveTemplateFile(req: IncomingMessage, res: ServerResponse, folders: readonly string[], urlPath: string): Promise<boolean> {
  const site = sitePath(urlPath);
  if (site === null || !site.startsWith(TEMPLATE_FILES_PREFIX)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendError(res, fail('METHOD_NOT_ALLOWED', `${req.method} is not served at ${site}`));
    return true;
  }
  const host = req.headers.host ?? '127.0.0.1';
  if (site === OGRAF_RUNNER_PATH) {
    send(res, host, '.html', Buffer.from(OGRAF_RUNNER_HTML));
    return true;
  }
  const rest = site.slice(TEMPLATE_FILES_PREFIX.length);
  const slash = rest.indexOf('/');
  const index = slash > 0 ? Number(rest.slice(0, slash)) : Number.NaN;
  const folder = Number.isInteger(index) && /^\d+$/.test(rest.slice(0, slash)) ? folders[index] : undefined;
  if (folder === undefined) {
    sendError(res, fail('NOT_FOUND', `No templates folder for ${site} (folders are numbered 0 to ${folders.length - 1})`));
    return true;
  }
  const file = await insideFolder(folder, rest.slice(slash + 1));
  const body = file === null ? null : await readFile(file).catch(() => null);
  if (file === null || body === null) {
    sendError(res, fail('NOT_FOUND', `No template file at ${site}`));
    return true;
  }
  const ext = path.extname(file).toLowerCase();
  send(res, host, ext, ext === '.html' || ext === '.htm' ? withBridge(body) : body);
  return true;
}

/** The real file for a path in a folder, or null when it leaves the folder by its name or by a link, or does not exist. */
async function insideFolder(folder: string, relPath: string): Promise<string | null> {
  const root = path.resolve(folder);
  const named = path.resolve(root, relPath);
  if (!named.startsWith(root + path.sep)) return null;
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(named)]);
    return real.startsWith(realRoot + path.sep) ? real : null;
  } catch {
    return null;
  }
}

/** The bridge goes first in the head, before any of the page's scripts, so it sees their errors and is there when they call. */
export function withBridge(page: Buffer): Buffer {
  const html = page.toString('utf8').replace(/^\uFEFF/, '');
  const tag = `<script>${PAGE_BRIDGE_SCRIPT}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  const root = head ?? /<html(\s[^>]*)?>/i.exec(html);
  if (root) return Buffer.from(html.slice(0, root.index + root[0].length) + tag + html.slice(root.index + root[0].length));
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return Buffer.from(html.slice(0, at) + tag + html.slice(at));
}

function send(res: ServerResponse, host: string, ext: string, body: Buffer): void {
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-security-policy': templateContentSecurityPolicy(host),
    // The frame's origin is opaque ("null"): its module imports and fetches of its own files are cross-origin.
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  res.end(body);
}
