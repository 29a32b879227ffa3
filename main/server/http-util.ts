import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, httpStatusOf, type StraplineError } from '../engine/errors';
import { jsonBoundsProblem } from '../engine/json-bounds';

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The status comes from the code (errors.ts); `extra` rides beside the error (an import's report). */
export function sendError(res: ServerResponse, error: StraplineError, extra: Record<string, unknown> = {}): void {
  sendJson(res, httpStatusOf(error.code), { error: { code: error.code, number: error.number, message: error.message }, ...extra });
}

/** Reads a body as text, refusing it once it passes the cap. */
export async function readTextBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<{ text: string } | { error: StraplineError }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      return { error: fail('PAYLOAD_TOO_LARGE', `Request body is over ${maxBytes} bytes`) };
    }
    chunks.push(chunk as Buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/** Reads a JSON body, capped in bytes, depth and width (json-bounds.ts), as unknown: the command schema narrows it. */
export async function readJsonBody(req: IncomingMessage): Promise<{ value: unknown } | { error: StraplineError }> {
  const body = await readTextBody(req);
  if ('error' in body) return body;
  const text = body.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: fail('INVALID_REQUEST', `Body is not JSON: ${(e as Error).message}`) };
  }
  const tooBig = jsonBoundsProblem(value);
  return tooBig ? { error: fail('INVALID_REQUEST', `Body ${tooBig}`) } : { value };
}

/**
 * The request target as a URL, or null when it cannot be one ("GET http://[ HTTP/1.1"
 * is a valid request line that new URL throws on): a bad target is a 400, never a crash.
 */
export function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/**
 * A page from another origin in the operator's browser must not drive the
 * air. Browsers always send Origin on cross-origin POSTs and WebSocket
 * handshakes; tools like Companion send none.
 */
export function sameOriginOrNone(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
