import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import { idSchema, layerSchema } from '../engine/show';
import type { Command } from '../engine/protocol';
import { ok, route, type Answer, type Route } from './route-table';

/**
 * The control API: the console's commands as plain JSON over HTTP, simple
 * enough for Companion's generic HTTP module. Each shortcut route narrows its
 * body and becomes one command of the command map, named as the command is
 * (POST /api/clear-all is clear-all; /api/clear stays for the buttons already set up).
 */

/** Answered once a change to the results is on disk (a take is answered at once); a refusal's code carries its status. */
async function commit(engine: Engine, command: unknown): Promise<Answer> {
  const result = await engine.commit(command);
  return result.ok ? ok(result) : { error: result.error };
}

function stacksSummary(engine: Engine) {
  return engine.showSnapshot().show.stacks.map((s) => ({
    id: s.id,
    name: s.name,
    cues: s.cues.map((c) => ({ id: c.id, title: c.title, template: c.template, layer: c.layer })),
  }));
}

const clearAll = (engine: Engine, path: string) =>
  route({ method: 'POST', path, access: 'control', body: z.strictObject({}), handle: () => commit(engine, { type: 'clear-all' } satisfies Command) });

export function controlRoutes(engine: Engine): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/state',
      access: 'watch',
      handle: () => {
        const { showRevision, show } = engine.showSnapshot();
        return ok({ ...engine.programSnapshot(), showRevision, showName: show.name });
      },
    }),
    route({ method: 'GET', path: '/api/stacks', access: 'watch', handle: () => ok({ stacks: stacksSummary(engine) }) }),
    route({
      method: 'POST',
      path: '/api/cue',
      access: 'control',
      body: z.strictObject({ cueId: idSchema }),
      handle: ({ body }) => commit(engine, { type: 'cue', cueId: body.cueId } satisfies Command),
    }),
    route({
      method: 'POST',
      path: '/api/take',
      access: 'control',
      body: z.strictObject({ cueId: idSchema.optional() }),
      handle: ({ body }) => {
        // Without a cueId, take what is in preview now.
        const expected = body.cueId ?? engine.programSnapshot().preview?.cueId;
        if (expected === undefined) return { error: fail('NOTHING_IN_PREVIEW', '/api/take: Nothing is in preview to take') };
        return commit(engine, { type: 'take', cueId: expected } satisfies Command);
      },
    }),
    route({
      method: 'POST',
      path: '/api/next',
      access: 'control',
      body: z.strictObject({ layer: layerSchema }),
      handle: ({ body }) => commit(engine, { type: 'next', layer: body.layer } satisfies Command),
    }),
    route({
      method: 'POST',
      path: '/api/out',
      access: 'control',
      body: z.strictObject({ layer: layerSchema }),
      handle: ({ body }) => commit(engine, { type: 'out', layer: body.layer } satisfies Command),
    }),
    clearAll(engine, '/api/clear-all'),
    clearAll(engine, '/api/clear'),
    // Any command of the map: the engine's own schema narrows it (INVALID_COMMAND naming the field).
    route({ method: 'POST', path: '/api/command', access: 'control', body: z.unknown(), handle: ({ body }) => commit(engine, body) }),
  ];
}
