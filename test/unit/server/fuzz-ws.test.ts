import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { airState } from '../../support/air-state';
import { commandOrNoise } from '../../support/fuzz-arbitraries';

/**
 * Hostile WebSocket frames against the real server: text that is not JSON,
 * JSON that is not a message, messages with generated commands, binary frames,
 * invalid UTF-8 and frames over the 1 MiB cap. After each, a probe command on
 * the same socket proves the frame was handled (a socket answers in order).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Something on air and in preview, so a wrongly accepted out or take would show.
  for (const c of [
    { type: 'cue', cueId: 'wa-teetering' },
    { type: 'take', cueId: 'wa-teetering' },
    { type: 'cue', cueId: 'ep-landslide' },
  ]) {
    expect(server.engine.dispatch(c).ok).toBe(true);
  }
});
afterAll(() => server?.stop());

interface Frame {
  data: Buffer | string;
  binary: boolean;
}
interface Said {
  type: string;
  id?: number;
  result?: { ok: boolean };
}
type Reply = { type: 'closed'; code: number } | { type: 'reply'; message: Said };

/** One socket and everything it is told, answering "what did the server say to my last frame?". */
class Client {
  private messages: Said[] = [];
  private closeCode: number | null = null;
  private probeId = 1_000_000;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.messages.push(JSON.parse(String(d))));
    ws.on('close', (code) => (this.closeCode = code));
    ws.on('error', () => undefined);
  }

  static open(role: 'console' | 'output'): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.server.port}/ws?role=${role}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('error', reject);
    });
  }

  get closed(): boolean {
    return this.closeCode !== null;
  }

  /** Sends a frame, then a probe; the replies before the probe's answer are this frame's. */
  async exchange(frame: Frame): Promise<Reply[]> {
    this.messages = [];
    this.ws.send(frame.data, { binary: frame.binary });
    const probe = ++this.probeId;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ id: probe, command: { type: 'no-such-command' } }));
    const deadline = Date.now() + 5000;
    for (;;) {
      if (this.closeCode !== null) return [{ type: 'closed', code: this.closeCode }];
      const at = this.messages.findIndex((m) => m.type === 'result' && m.id === probe);
      if (at >= 0)
        return this.messages
          .slice(0, at)
          .filter((m) => m.type === 'result' || m.type === 'error')
          .map((message) => ({ type: 'reply', message }));
      if (Date.now() > deadline) throw new Error('no answer to the probe');
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((data) => ({ data, binary: false })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ data: JSON.stringify(v) ?? 'null', binary: false })),
  fc
    .tuple(fc.oneof(fc.nat(), fc.constantFrom(-1, 1.5, 'x', null)), commandOrNoise)
    .map(([id, command]) => ({ data: JSON.stringify({ id, command }), binary: false })),
  { weight: 3, arbitrary: fc.tuple(fc.nat(), commandOrNoise).map(([id, command]) => ({ data: JSON.stringify({ id, command }), binary: false })) },
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ data: Buffer.from(b), binary: true })),
  fc.constant({ data: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), binary: false }),
  fc.constant({ data: 'x'.repeat(1024 * 1024 + 1), binary: false }),
);

async function fuzzRole(role: 'console' | 'output', seed: number, numRuns: number) {
  let client = await Client.open(role);
  const tally = { closed: 0, accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(frame, async (f) => {
      const before = airState(server.engine);
      const replies = await client.exchange(f);
      const acceptedCommand = replies.some((r) => r.type === 'reply' && r.message.result?.ok === true);
      if (replies[0]?.type === 'closed') {
        // Only an oversized frame (1009) or invalid UTF-8 (1007) may end the connection.
        expect([1007, 1009]).toContain(replies[0].code);
        tally.closed += 1;
        client = await Client.open(role);
      } else if (acceptedCommand) {
        tally.accepted += 1;
      } else {
        tally.refused += 1;
        // A console is always told why (an output's well-formed health report alone is taken silently).
        if (role === 'console') expect(replies).toHaveLength(1);
        for (const r of replies) if (r.type === 'reply') expect(JSON.stringify(r.message)).toMatch(/"message":"[^"]+"/);
      }
      if (!acceptedCommand) expect(airState(server.engine)).toEqual(before);
      expect((await fetch(`${server.url}/api/state`)).status).toBe(200);
    }),
    { seed, numRuns },
  );
  client.ws.close();
  return tally;
}

describe('WebSocket fuzz', () => {
  it('a console connection: every bad frame gets a clear error and changes nothing', async () => {
    const tally = await fuzzRole('console', 1997, 100);
    expect(tally.refused).toBeGreaterThan(60);
    expect(tally.closed).toBeGreaterThan(0);
  });

  it('an output connection: nothing it sends ever changes the air', async () => {
    const tally = await fuzzRole('output', 2010, 80);
    expect(tally.accepted).toBe(0);
  });
});
