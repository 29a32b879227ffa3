import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../main/engine/protocol';
import { fail } from '../../../main/engine/errors';
import { post, startTestServer, type TestServer } from '../../support/server';

/** The snapshot stream over real WebSockets against the real headless server. */

let server: TestServer;
let t = Date.UTC(2024, 6, 4, 22, 0, 0);
const open: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: () => t });
});
afterEach(async () => {
  for (const ws of open.splice(0)) ws.terminate();
  server.engine.dispatch({ type: 'clear-all' });
  t += 10_000;
  // Let the server see the closes, so each test starts with no connections.
  await expect.poll(() => server.server.stream.connectionCount).toBe(0);
});
afterAll(async () => {
  await server?.stop();
});

/** A client that records every message and can wait for one. */
class Probe {
  readonly messages: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  async waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, what: string): Promise<T>;
  async waitFor(match: (m: ServerMessage) => boolean, what: string): Promise<ServerMessage>;
  async waitFor(match: (m: ServerMessage) => boolean, what: string): Promise<ServerMessage> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.map((m) => m.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Sends a command and waits for its result. */
  async command(id: number, command: unknown) {
    this.ws.send(JSON.stringify({ id, command }));
    const m = await this.waitFor((x) => x.type === 'result' && x.id === id, `result ${id}`);
    if (m.type !== 'result') throw new Error('unreachable');
    return m.result;
  }
}

async function connect(query = '', headers: Record<string, string> = {}): Promise<Probe> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws${query}`, { headers });
  open.push(ws);
  const probe = new Probe(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return probe;
}

const isProgram = (m: ServerMessage): m is Extract<ServerMessage, { type: 'program' }> => m.type === 'program';

describe('on connect', () => {
  it(
    "a console gets the show, the results, the program, the outputs, the drop folder's problems, the failing writes, " + 'then the templates, at once',
    async () => {
      const c = await connect();
      await c.waitFor((m) => m.type === 'templates', 'templates');
      expect(c.messages.map((m) => m.type)).toEqual(['show', 'results', 'program', 'outputs', 'drop', 'storage', 'templates']);
      // This server watches no folder (test/e2e/drop-folder-console.test.ts has one that does).
      expect(c.messages[4]).toEqual({ type: 'drop', data: { folder: null, problems: [], problemCount: 0 } });
      expect(c.messages[5]).toEqual({ type: 'storage', data: { faults: [] } });
      expect(c.messages[0]).toEqual({ type: 'show', data: server.engine.showSnapshot() });
      expect(c.messages[1]).toEqual({ type: 'results', data: JSON.parse(JSON.stringify(server.engine.resultsSnapshot())) });
      expect(c.messages[2]).toEqual({ type: 'program', data: server.engine.programSnapshot() });
    },
  );

  it('an output gets only the program', async () => {
    const o = await connect('?role=output');
    await o.waitFor(isProgram, 'program');
    // A command's answer is a barrier: everything sent before it has arrived.
    await o.command(1, { type: 'clear-all' });
    expect(o.messages.map((m) => m.type)).toEqual(['program', 'result']);
  });
});

describe('commands from a console', () => {
  it('get a result carrying their id', async () => {
    const c = await connect();
    const result = await c.command(41, { type: 'cue', cueId: 'wa-teetering' });
    expect(result).toMatchObject({ ok: true, revision: server.engine.programSnapshot().revision, showRevision: expect.any(Number) });
    expect(server.engine.programSnapshot().preview?.cueId).toBe('wa-teetering');
    const refused = await c.command(42, { type: 'cue', cueId: '../etc' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
  });

  it('send the show to consoles after an edit, and nothing to outputs', async () => {
    const c = await connect();
    const o = await connect('?role=output');
    await o.waitFor(isProgram, 'program');
    const r = await c.command(1, { type: 'rename-stack', stackId: 'wales', name: 'Cymru' });
    expect(r.ok).toBe(true);
    const show = await c.waitFor((m) => m.type === 'show' && m.data.show.stacks.some((s) => s.name === 'Cymru'), 'edited show');
    expect(show.type).toBe('show');
    await o.command(2, { type: 'clear-all' });
    expect(o.messages.map((m) => m.type)).toEqual(['program', 'result']);
    server.engine.dispatch({ type: 'rename-stack', stackId: 'wales', name: 'Wales' });
  });
});

describe('outputs', () => {
  it('have their commands refused with FORBIDDEN, and nothing changes', async () => {
    const o = await connect('?role=output');
    await o.waitFor(isProgram, 'program');
    const before = server.engine.programSnapshot();
    const r = await o.command(5, { type: 'cue', cueId: 'ep-sw-norfolk' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(server.engine.programSnapshot()).toEqual(before);
  });

  it('all get the program when a take happens, and only the program', async () => {
    const outputs = await Promise.all([connect('?role=output'), connect('?role=output'), connect('?role=output')]);
    for (const o of outputs) await o.waitFor(isProgram, 'first program');
    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-sw-norfolk' })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, {})).status).toBe(200);
    for (const [i, o] of outputs.entries()) {
      const m = await o.waitFor((x) => isProgram(x) && x.data.program['lower-third']?.cueId === 'ep-sw-norfolk', 'take');
      expect(m.type).toBe('program');
      await o.command(100 + i, { type: 'clear-all' });
      expect(new Set(o.messages.map((x) => x.type))).toEqual(new Set(['program', 'result']));
    }
  });
});

describe('through the view hub', () => {
  it('a socket console hears exactly what a view registered on the hub directly hears, faults included; an output socket only the program', async () => {
    const heard: ServerMessage[] = [];
    const off = server.server.hub.register({ role: 'console', send: (event) => void heard.push(JSON.parse(JSON.stringify(event)) as ServerMessage) });
    const c = await connect();
    const o = await connect('?role=output');
    await o.waitFor(isProgram, 'program');
    await c.waitFor((m) => m.type === 'outputs' && m.data.outputs.some((x) => x.disconnectedAt === null), 'the output listed');
    // Both have heard everything up to here; from now on they must hear the same.
    const [socketFrom, directFrom] = [c.messages.length, heard.length];
    await c.command(1, { type: 'cue', cueId: 'wa-teetering' });
    server.engine.reportStorage([{ what: 'autosave', message: 'disk full', since: t }]);
    server.server.hub.broadcast({ type: 'error', data: fail('INVALID_REQUEST', 'Internal error in deferred work: boom') });
    await c.waitFor((m) => m.type === 'error', 'the fault');
    server.engine.reportStorage([]);
    await o.command(2, { type: 'clear-all' });
    await c.waitFor((m) => m.type === 'storage' && m.data.faults.length === 0, 'storage cleared');
    off();
    const told = c.messages.slice(socketFrom).filter((m) => m.type !== 'result');
    expect(told).toEqual(heard.slice(directFrom));
    expect(new Set(told.map((m) => m.type))).toEqual(new Set(['program', 'storage', 'error']));
    expect(new Set(o.messages.map((m) => m.type))).toEqual(new Set(['program', 'result']));
  });

  it('?role=producer only watches: the program alone, commands refused, and it is not counted as an output', async () => {
    const p = await connect('?role=producer');
    await p.waitFor(isProgram, 'program');
    const before = server.engine.programSnapshot();
    expect(await p.command(1, { type: 'cue', cueId: 'ep-sw-norfolk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(server.engine.programSnapshot()).toEqual(before);
    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-sw-norfolk' })).status).toBe(200);
    await p.waitFor((m) => isProgram(m) && m.data.preview?.cueId === 'ep-sw-norfolk', 'the cue');
    expect(new Set(p.messages.map((m) => m.type))).toEqual(new Set(['program', 'result']));
    expect(server.server.hub.count('producer')).toBe(1);
    expect(server.server.stream.outputs.connectedCount).toBe(0);
  });
});

describe('malformed messages', () => {
  const cases: Array<{ name: string; send: (ws: WebSocket) => void }> = [
    { name: 'not JSON', send: (ws) => ws.send('{take') },
    { name: 'missing id', send: (ws) => ws.send(JSON.stringify({ command: { type: 'clear-all' } })) },
    { name: 'negative id', send: (ws) => ws.send(JSON.stringify({ id: -1, command: { type: 'clear-all' } })) },
    { name: 'extra property', send: (ws) => ws.send(JSON.stringify({ id: 1, command: { type: 'clear-all' }, as: 'admin' })) },
    { name: 'a JSON array', send: (ws) => ws.send('[1,2]') },
    { name: 'binary', send: (ws) => ws.send(Buffer.from(JSON.stringify({ id: 1, command: { type: 'clear-all' } }))) },
  ];
  it.each(cases)('$name gets an error event and the connection stays usable', async ({ send }) => {
    const c = await connect();
    await c.waitFor(isProgram, 'program');
    send(c.ws);
    const error = await c.waitFor((m) => m.type === 'error', 'error');
    expect(error).toMatchObject({ type: 'error', data: { code: 'INVALID_REQUEST', message: expect.any(String) } });
    expect(c.messages.some((m) => m.type === 'result')).toBe(false);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    expect(await c.command(7, { type: 'cue', cueId: 'wa-32-seats' })).toMatchObject({ ok: true });
  });
});

describe('handshake', () => {
  it('refuses a foreign Origin with 403', async () => {
    expect(server.server.stream.connectionCount).toBe(0);
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { origin: 'http://evil.example' } });
    open.push(ws);
    const status = await new Promise<number | string>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve('opened'));
      ws.once('error', (e) => resolve(`error: ${e.message}`));
    });
    expect(status).toBe(403);
    expect(server.server.stream.connectionCount).toBe(0);
  });

  it("accepts the server's own Origin", async () => {
    const c = await connect('', { origin: server.url });
    await c.waitFor(isProgram, 'program');
  });

  it('refuses an upgrade on any path but /ws', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`);
    open.push(ws);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('opened'));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
