import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../engine/errors';
import { TEMPLATE_DEFINITIONS } from '../templates/definitions';
import { sendError } from './http-util';
import { sitePath } from './static-files';
import { OGRAF_MODULE_FILE, OGRAF_NOT_EXPORTED, ografManifest, ografManifestPath, ografModule } from './ograf-manifest';

/**
 * Strapline's own graphics as OGraf: GET /ograf/ lists them, each with a
 * manifest and a module; /ograf/strapline-ograf.js is the bundle they share
 * (built by vite.ograf.config.ts into <webRoot>/ograf/). Served before the
 * access guard and to any origin, as template files are: they hold code and
 * no data, and SPX, H2R or a sandboxed frame import them cross-origin. The
 * list is the compiled built-ins, the same the bundle is built from.
 */
const PREFIX = '/ograf/';
const BUNDLE = 'strapline-ograf.js';

function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function serveOgrafExport(req: IncomingMessage, res: ServerResponse, webRoot: string, urlPath: string): Promise<boolean> {
  const site = sitePath(urlPath);
  if (site === null || (site !== '/ograf' && !site.startsWith(PREFIX))) return false;
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET, HEAD');
    sendError(res, fail('METHOD_NOT_ALLOWED', `${site} takes GET or HEAD, not ${req.method}`));
    return true;
  }
  const exported = TEMPLATE_DEFINITIONS.filter((d) => !(d.id in OGRAF_NOT_EXPORTED));
  const rest = site.slice(PREFIX.length);
  if (site === '/ograf' || rest === '') {
    const graphics = exported.map((d) => ({ id: `strapline.${d.id}`, template: d.id, name: d.name, manifest: ografManifestPath(d.id) }));
    const notExported = Object.entries(OGRAF_NOT_EXPORTED).map(([template, reason]) => ({ template, reason }));
    send(res, 'application/json; charset=utf-8', JSON.stringify({ graphics, notExported }));
    return true;
  }
  if (rest === BUNDLE) {
    const body = await readFile(path.join(webRoot, 'ograf', BUNDLE)).catch(() => null);
    if (body) send(res, 'text/javascript; charset=utf-8', body);
    else sendError(res, fail('NOT_FOUND', `${site}: the OGraf bundle is not built (npm run build writes ${path.join(webRoot, 'ograf', BUNDLE)})`));
    return true;
  }
  const [id, file, ...more] = rest.split('/');
  const d = exported.find((t) => t.id === id);
  if (d && more.length === 0 && file === `${d.id}.ograf.json`) {
    // The version follows the bundle's, so a renderer that caches by version takes a rebuilt drawing.
    const built = await readFile(path.join(webRoot, 'ograf', BUNDLE)).then(
      (b) => createHash('sha256').update(b).digest('hex').slice(0, 12),
      () => 'unbuilt',
    );
    send(res, 'application/json; charset=utf-8', JSON.stringify(ografManifest(d, built), null, 2));
  } else if (d && more.length === 0 && file === OGRAF_MODULE_FILE) {
    send(res, 'text/javascript; charset=utf-8', ografModule(d.id));
  } else {
    const why = id && id in OGRAF_NOT_EXPORTED ? `${id} is not exported: ${OGRAF_NOT_EXPORTED[id]}` : `no OGraf file at ${site} (GET /ograf/ lists them)`;
    sendError(res, fail('NOT_FOUND', why));
  }
  return true;
}
