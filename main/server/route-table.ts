import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { StraplineError } from '../engine/errors';

/**
 * What a route is: one entry of the one route table (main/server/routes.ts).
 * The dispatcher (route-dispatch.ts) does everything routes have in common,
 * once: the method check (405 with Allow), who may call it, reading the body,
 * the zod parse of the query and the body (400 naming the field), and the
 * mapping of errors to statuses (errors.ts). A handler sees only parsed input.
 */

/**
 * Who may call a route. `watch`: anyone who may watch (either token when open
 * to the network). `control`: the control token when open; anyone on loopback
 * (the Host and Origin checks guard it there). `operator`: only the operator
 * at this machine, on a loopback server, showing no token (show-folders.ts
 * mustConfine): never a colleague through a tunnel or a proxy.
 */
export type Access = 'watch' | 'control' | 'operator';

/** Who is calling, as the dispatcher found: a route given `control` may still ask whether it is the operator. */
export type Caller = 'read-only' | 'control' | 'operator';

export type Method = 'GET' | 'POST';

/**
 * What a handler answers. `json`: a 200 with that body. `error`: the status its
 * code carries, with `extra` beside the error. `answered`: the handler wrote the
 * response itself (a 304 to a poll).
 */
export type Answer = { json: unknown } | { error: StraplineError; extra?: Record<string, unknown> } | 'answered';

export interface Call<B, Q> {
  body: B;
  query: Q;
  caller: Caller;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

/**
 * `body`: a zod schema for a JSON body (capped, BOM stripped, `{}` when empty),
 * or `stream` for a route that reads the request itself (an import of 20 MiB
 * goes to a worker as it arrives). No body for GET. `query`: a zod schema for
 * the query string as an object of strings (`token` is the guard's, never passed).
 */
export interface RouteSpec<B, Q> {
  method: Method;
  path: string;
  access: Access;
  body?: z.ZodType<B> | 'stream';
  query?: z.ZodType<Q>;
  handle: (call: Call<B, Q>) => Answer | Promise<Answer>;
}

/** A route with its input types erased, as the table holds it; made by route(), which checks them. */
export interface Route {
  readonly method: Method;
  readonly path: string;
  readonly access: Access;
  readonly body: z.ZodType<unknown> | 'stream' | null;
  readonly query: z.ZodType<unknown> | null;
  readonly handle: (call: Call<unknown, unknown>) => Answer | Promise<Answer>;
}

/** Checks a handler against its schemas, then erases the types so routes of every shape share one table. */
export function route<B = undefined, Q = undefined>(spec: RouteSpec<B, Q>): Route {
  return {
    method: spec.method,
    path: spec.path,
    access: spec.access,
    body: spec.body ?? null,
    query: spec.query ?? null,
    handle: spec.handle as Route['handle'],
  };
}

/** A route's answer of a plain 200. */
export const ok = (json: unknown): Answer => ({ json });
