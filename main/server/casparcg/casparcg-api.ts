import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../../engine/errors';
import { readJsonBody, sendError, sendJson } from '../http-util';
import { parseCasparcgOutputs } from './config';
import type { CasparcgOutputs } from './casparcg-outputs';

export const CASPARCG_API_PATH = '/api/casparcg';

/**
 * GET /api/casparcg: the CasparCG outputs configured and each server's status.
 * PUT (or POST) /api/casparcg {"outputs": [...]}: replaces them all; an empty list
 * stops them. A refused body names the field and changes nothing.
 */
export async function handleCasparcgApi(req: IncomingMessage, res: ServerResponse, pathname: string, outputs: CasparcgOutputs): Promise<boolean> {
  if (pathname !== CASPARCG_API_PATH) return false;
  if (req.method === 'GET') {
    sendJson(res, 200, { outputs: outputs.configs(), status: outputs.status() });
    return true;
  }
  if (req.method !== 'PUT' && req.method !== 'POST') {
    sendError(res, 405, fail('INVALID_REQUEST', `${req.method} ${CASPARCG_API_PATH}: use GET, or PUT with {"outputs": [...]}`));
    return true;
  }
  const body = await readJsonBody(req);
  if ('error' in body) {
    sendError(res, body.status, body.error);
    return true;
  }
  const value = body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('outputs' in value) || Object.keys(value).length !== 1) {
    sendError(res, 400, fail('INVALID_REQUEST', `${CASPARCG_API_PATH}: the body is {"outputs": [...]}, and nothing else`));
    return true;
  }
  const parsed = parseCasparcgOutputs(value.outputs, `${CASPARCG_API_PATH} outputs`);
  if ('error' in parsed) {
    sendError(res, 400, fail('INVALID_REQUEST', parsed.error));
    return true;
  }
  outputs.configure(parsed.outputs);
  sendJson(res, 200, { outputs: outputs.configs(), status: outputs.status() });
  return true;
}
