import { z } from 'zod';
import { fail } from '../../engine/errors';
import { ok, route, type Route } from '../route-table';
import { parseCasparcgOutputs } from './config';
import type { CasparcgOutputs } from './casparcg-outputs';

const CASPARCG_API_PATH = '/api/casparcg';

/** The body's shape; the outputs themselves are checked by parseCasparcgOutputs, which names the field it refuses. */
const configureRequest = z.strictObject({ outputs: z.unknown() });

/**
 * GET /api/casparcg: the CasparCG outputs configured and each server's status.
 * POST /api/casparcg {"outputs": [...]}: replaces them all; an empty list
 * stops them. A refused body names the field and changes nothing.
 */
export function casparcgRoutes(outputs: CasparcgOutputs): Route[] {
  const answer = () => ok({ outputs: outputs.configs(), status: outputs.status() });
  return [
    route({ method: 'GET', path: CASPARCG_API_PATH, access: 'watch', handle: answer }),
    route({
      method: 'POST',
      path: CASPARCG_API_PATH,
      access: 'control',
      body: configureRequest,
      handle: ({ body }) => {
        const parsed = parseCasparcgOutputs(body.outputs, `${CASPARCG_API_PATH} outputs`);
        if ('error' in parsed) return { error: fail('INVALID_REQUEST', parsed.error) };
        outputs.configure(parsed.outputs);
        return answer();
      },
    }),
  ];
}
