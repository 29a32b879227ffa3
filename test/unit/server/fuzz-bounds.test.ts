import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, commandSchemas } from '../../../main/engine/protocol';
import { MAX_JSON_DEPTH, MAX_JSON_ITEMS } from '../../../main/engine/json-bounds';
import { startTestServer, type TestServer } from '../../support/server';
import { airState } from '../../support/air-state';

/**
 * Every command of the command map, with a value too deep (33 to 20,000
 * levels) or too wide (over 10,000 keys or items) in each of its fields, bare
 * or inside a value otherwise shaped right (a graphic's view, a seat's votes,
 * a cue's fields in a show), over HTTP and the console's WebSocket, against
 * the real server with a data folder (so session.json is written after every
 * change of the air, where a deep view used to throw a microtask later). Each
 * must be refused with an error naming the field and the bound; the air must
 * not change; no fault may reach the consoles. The values are built as JSON
 * text: JSON.stringify itself overflows on them.
 */
let server: TestServer;
let watcher: WebSocket;
const faults: string[] = [];
beforeAll(async () => {
  server = await startTestServer({ data: true });
  for (const c of [
    { type: 'cue', cueId: 'wa-teetering' },
    { type: 'take', cueId: 'wa-teetering' },
    { type: 'cue', cueId: 'ep-landslide' },
  ]) {
    expect(server.engine.dispatch(c).ok).toBe(true);
  }
  // A console that never sends: anything of type error it hears is a fault, not an answer.
  watcher = new WebSocket(`ws://127.0.0.1:${server.server.port}/ws?role=console`);
  watcher.on('message', (d) => {
    const m = JSON.parse(String(d)) as { type: string; data?: { message: string } };
    if (m.type === 'error') faults.push(m.data?.message ?? '');
  });
  await new Promise((resolve) => watcher.once('open', resolve));
});
afterAll(async () => {
  watcher?.close();
  await server?.stop();
});

const HOLE = '\u0000HOLE';
const holeText = JSON.stringify(HOLE);

/** A hostile value, as JSON text, and what the refusal must say. */
const hostile: fc.Arbitrary<{ text: string; says: RegExp }> = fc.oneof(
  fc
    .tuple(fc.integer({ min: MAX_JSON_DEPTH + 1, max: 20_000 }), fc.boolean(), fc.constantFrom('a', 'headline', 'view', '__proto__'))
    .map(([n, asList, key]) => ({
      text: asList ? `${'['.repeat(n)}${']'.repeat(n)}` : `${`{"${key}":`.repeat(n)}1${'}'.repeat(n)}`,
      says: new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels$`),
    })),
  fc.tuple(fc.integer({ min: MAX_JSON_ITEMS + 1, max: MAX_JSON_ITEMS + 2000 }), fc.boolean()).map(([n, asList]) => ({
    text: asList ? `[${new Array(n).fill('0').join(',')}]` : `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`,
    says: new RegExp(`is over the ${MAX_JSON_ITEMS} allowed in one (list|object)$`),
  })),
);

const graphic = (at: Record<string, unknown>) => ({
  cueId: 'x',
  title: 'X',
  template: 'seat-result',
  fields: { constituency: 'E14001425' },
  view: {},
  step: 1,
  ...at,
});
/** Right-shaped values for each field, with the hole somewhere inside (or the value the hole). */
const SHAPED: Record<string, unknown[]> = {
  program: [{ fullscreen: graphic({ view: HOLE }) }, { fullscreen: graphic({ fields: { constituency: HOLE } }) }, { bug: HOLE }],
  seats: [[{ onsCode: 'E14001425', state: 'declared', revision: 9, winner: 'lab', validVotes: 10, partyVotes: HOLE }], [HOLE]],
  show: [
    {
      format: 'strapline-show',
      version: 2,
      name: 'X',
      stacks: [{ id: 's', name: 'S', cues: [{ id: 'c', title: 'C', template: 'strap', layer: 'lower-third', fields: { headline: HOLE } }] }],
    },
  ],
  fields: [{ headline: HOLE }, { subline: 'x', party: HOLE }],
};
const GOOD: Record<string, unknown> = {
  cueId: 'wa-teetering',
  layer: 'lower-third',
  name: 'X',
  stackId: 'demo',
  template: 'strap',
  title: 'T',
  index: 0,
  source: 'fuzz',
  onsCode: 'E14001425',
  holderBasis: 'notional',
  speakerCountsWith: 'lab',
  mode: 'live',
  fields: { headline: 'x' },
  program: {},
  seats: [],
  show: {},
  action: 'highlight',
};

/** A command of the map with one field (or one it does not take: "extra") hostile. */
const hostileCommand = fc
  .constantFrom(...COMMAND_TYPES)
  .chain((type) => {
    const keys = [...Object.keys(commandSchemas[type].shape).filter((k) => k !== 'type'), 'extra'];
    return fc.tuple(fc.constant(type), fc.constantFrom(...keys), hostile, fc.nat());
  })
  .map(([type, field, bad, pick]) => {
    const shapes = [HOLE, ...(SHAPED[field] ?? [])];
    const others = Object.fromEntries(
      Object.keys(commandSchemas[type].shape)
        .filter((k) => k !== 'type' && k !== field)
        .map((k) => [k, GOOD[k]]),
    );
    const text = JSON.stringify({ type, ...others, [field]: shapes[pick % shapes.length] }).replace(holeText, bad.text);
    return { type, field, text, says: bad.says };
  });

async function unchangedAndUp(before: ReturnType<typeof airState>): Promise<void> {
  expect(airState(server.engine)).toEqual(before);
  expect((await fetch(`${server.url}/api/state`)).status).toBe(200);
}

describe('deep and wide values in every command, at the edge', () => {
  it('over HTTP: a 400 that names the field and the bound, and nothing changes', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(hostileCommand, async ({ type, field, text, says }) => {
        seen.add(type);
        const before = airState(server.engine);
        const res = await fetch(`${server.url}/api/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
        expect(res.status).toBe(400);
        const { error } = (await res.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe('INVALID_REQUEST');
        expect(error.message.startsWith(`Body ${field}`), error.message).toBe(true);
        expect(error.message).toMatch(says);
        await unchangedAndUp(before);
      }),
      { seed: 11_2024, numRuns: 120 },
    );
    expect(seen.size).toBeGreaterThan(COMMAND_TYPES.length * 0.7);
  });

  it('over the console’s WebSocket: an error that names the field and the bound, and nothing changes', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.server.port}/ws?role=console`);
    const said: { type: string; data?: { message: string } }[] = [];
    ws.on('message', (d) => said.push(JSON.parse(String(d))));
    await new Promise((resolve) => ws.once('open', resolve));
    await fc.assert(
      fc.asyncProperty(hostileCommand, fc.nat(), async ({ field, text, says }, id) => {
        const before = airState(server.engine);
        said.length = 0;
        ws.send(`{"id":${id},"command":${text}}`);
        await expect.poll(() => said.find((m) => m.type === 'error' || m.type === 'result'), { timeout: 5000, interval: 5 }).toBeDefined();
        const reply = said.find((m) => m.type === 'error')!;
        expect(reply.data!.message.startsWith(`Message command.${field}`), reply.data!.message).toBe(true);
        expect(reply.data!.message).toMatch(says);
        await unchangedAndUp(before);
      }),
      { seed: 2024_11, numRuns: 120 },
    );
    ws.close();
  });

  it('left no fault behind: none was reported, and what is on air is still written to session.json', async () => {
    await new Promise((r) => setTimeout(r, 100));
    expect(faults).toEqual([]);
    expect(server.engine.dispatch({ type: 'take', cueId: 'ep-landslide' }).ok).toBe(true);
    await server.showFiles!.session.flush();
    const session = JSON.parse(await readFile(path.join(server.dir, 'session.json'), 'utf8'));
    const onAir = Object.fromEntries(Object.entries(server.engine.programSnapshot().program).map(([layer, g]) => [layer, g.cueId]));
    expect(Object.fromEntries(Object.entries(session.program).map(([layer, g]) => [layer, (g as { cueId: string }).cueId]))).toEqual(onAir);
    expect(Object.values(onAir)).toContain('ep-landslide');
  });
});
