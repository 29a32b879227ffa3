import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutputsSnapshot, ServerMessage } from '../../../main/engine/protocol';
import { startTestServer, type TestServer } from '../../support/server';

/** Output health over real WebSockets against the real server: outputs report, consoles are told. */

let server: TestServer;
const open: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const ws of open.splice(0)) ws.terminate();
  await expect.poll(() => server.server.stream.connectionCount).toBe(0);
});
afterAll(async () => {
  await server?.stop();
});

class Peer {
  readonly messages: ServerMessage[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(String(data)) as ServerMessage));
  }
  /** The newest outputs snapshot that passes the test, waiting up to 5 s for one. */
  async outputs(match: (o: OutputsSnapshot) => boolean): Promise<OutputsSnapshot> {
    let found: OutputsSnapshot | undefined;
    await expect
      .poll(
        () =>
          (found = this.messages
            .flatMap((m) => (m.type === 'outputs' ? [m.data] : []))
            .reverse()
            .find(match)),
        { timeout: 5000 },
      )
      .toBeDefined();
    return found!;
  }
  errors(): string[] {
    return this.messages.flatMap((m) => (m.type === 'error' ? [m.data.message] : []));
  }
  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }
}

async function connect(role: 'output' | 'console'): Promise<Peer> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws?role=${role}`);
  open.push(ws);
  const peer = new Peer(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return peer;
}

const report = { type: 'output-report', fps: 59.94, layers: ['lower-third', 'bug'], revision: 1 };

describe('output health', () => {
  it('lists a connected output, then its reported frame rate, layers and revision, to consoles', async () => {
    const consolePeer = await connect('console');
    const output = await connect('output');
    const listed = await consolePeer.outputs((o) => o.outputs.some((x) => x.disconnectedAt === null));
    const id = listed.outputs.find((x) => x.disconnectedAt === null)!.id;
    expect(listed.outputs.find((x) => x.id === id)).toMatchObject({ peer: expect.stringContaining('127.0.0.1'), fps: null, lastReportAt: null });
    output.send(report);
    const reported = await consolePeer.outputs((o) => o.outputs.some((x) => x.id === id && x.fps !== null));
    expect(reported.outputs.find((x) => x.id === id)).toMatchObject({
      fps: 59.9,
      layers: ['lower-third', 'bug'],
      revision: 1,
      lastReportAt: expect.any(Number),
    });
    // Outputs are never told about each other.
    expect(output.messages.some((m) => m.type === 'outputs')).toBe(false);
  });

  it('refuses a malformed report with an error naming the field, and records nothing', async () => {
    const consolePeer = await connect('console');
    const output = await connect('output');
    const first = await consolePeer.outputs((o) => o.outputs.some((x) => x.disconnectedAt === null));
    const id = first.outputs.find((x) => x.disconnectedAt === null)!.id;
    output.send({ ...report, fps: -5 });
    output.send({ ...report, layers: ['sky'] });
    output.send({ ...report, extra: true });
    output.send({ ...report, revision: 1.5 });
    await expect.poll(() => output.errors().length).toBe(4);
    const [fps, layers, extra, revision] = output.errors();
    expect(fps).toMatch(/^output-report: fps: /);
    expect(layers).toMatch(/^output-report: layers\.0: /);
    expect(extra).toMatch(/extra/);
    expect(revision).toMatch(/^output-report: revision: /);
    const now = server.server.stream.outputs.snapshot().outputs.find((x) => x.id === id)!;
    expect(now).toMatchObject({ fps: null, layers: null, lastReportAt: null });
  });

  it('refuses reports faster than every 250 ms', async () => {
    const output = await connect('output');
    output.send(report);
    output.send({ ...report, fps: 30 });
    await expect.poll(() => output.errors()).toEqual(['output-report: reports come at most every 250 ms']);
    const mine = server.server.stream.outputs.snapshot().outputs.filter((x) => x.disconnectedAt === null);
    expect(mine.map((x) => x.fps)).toEqual([59.9]);
  });

  it('does not let a console pose as an output', async () => {
    const consolePeer = await connect('console');
    await consolePeer.outputs(() => true);
    const before = server.server.stream.outputs.snapshot().outputs;
    consolePeer.send(report);
    await expect.poll(() => consolePeer.errors().length).toBe(1);
    expect(consolePeer.errors()[0]).toMatch(/id/);
    expect(server.server.stream.outputs.snapshot().outputs).toEqual(before);
  });

  it('shows an output that closes as disconnected, with the time it went', async () => {
    const consolePeer = await connect('console');
    const output = await connect('output');
    const listed = await consolePeer.outputs((o) => o.outputs.some((x) => x.disconnectedAt === null));
    const id = listed.outputs.find((x) => x.disconnectedAt === null)!.id;
    const before = Date.now();
    output.ws.close();
    const gone = await consolePeer.outputs((o) => o.outputs.some((x) => x.id === id && x.disconnectedAt !== null));
    expect(gone.outputs.find((x) => x.id === id)!.disconnectedAt).toBeGreaterThanOrEqual(before - 5);
    expect(server.server.stream.outputs.connectedCount).toBe(0);
  });
});
