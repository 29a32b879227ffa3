import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startTestServer } from '../support/server';
import { CompanionHostStandIn } from '../support/companion-host';
import { summarise, type Summary } from './stats';

// How long a Stream Deck button takes to light after a take made from the console: the take goes over the console's
// own command path (a console WebSocket sending the take command), and the time runs until the Companion module's
// checkFeedbacks has produced the new feedback value at the host (stood in: Companion itself cannot be installed here;
// test/support/companion-host.ts). Beside it, the floor from the same takes: the console hearing its own program snapshot.

const TAKES = Number(process.env.BENCH_TAKES ?? 80);
/** A second take on a layer within 200 ms is refused by the engine; the bench waits past it between takes. */
const TAKE_INTERVAL_MS = 230;
const CUES = ['ep-landslide', 'ep-others'];

export async function benchCompanionFeedback(): Promise<Record<string, Summary>> {
  const server = await startTestServer();
  const host = new CompanionHostStandIn();
  let console_: WebSocket | null = null;
  try {
    await host.init({ host: '127.0.0.1', port: server.server.port, token: '' });
    await host.placeFeedbacks(Object.fromEntries(CUES.map((cueId) => [cueId, ['cue_on_air', { cueId }]])));
    await host.waitFor('the connection', () => host.variables.get('connection') === 'connected');
    const socket = (console_ = new WebSocket(`ws://127.0.0.1:${server.server.port}/ws`));
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    let id = 0;
    const command = (c: unknown) => socket.send(JSON.stringify({ id: ++id, command: c }));
    const consoleHears = (cueId: string) =>
      new Promise<number>((resolve) => {
        const onMessage = (raw: WebSocket.RawData) => {
          const m = JSON.parse(String(raw)) as { type: string; data?: { program?: Record<string, { cueId: string }> } };
          if (m.type === 'program' && m.data?.program?.['lower-third']?.cueId === cueId) {
            socket.off('message', onMessage);
            resolve(performance.now());
          }
        };
        socket.on('message', onMessage);
      });
    const feedback: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < TAKES; i++) {
      const cueId = CUES[i % CUES.length]!;
      command({ type: 'cue', cueId });
      await host.waitFor(`${cueId} in preview`, () => host.variables.get('preview_cue') === cueId);
      const heard = consoleHears(cueId);
      const lit = host.waitFor(`${cueId} lit`, () => host.feedbackValues.get(cueId) === true).then(() => performance.now());
      const start = performance.now();
      command({ type: 'take', cueId });
      const [litAt, heardAt] = await Promise.all([lit, heard]);
      feedback.push(litAt - start);
      floor.push(heardAt - start);
      await new Promise((resolve) => setTimeout(resolve, TAKE_INTERVAL_MS));
    }
    return { companion_feedback_ms: summarise(feedback), baseline_console_program_ms: summarise(floor) };
  } finally {
    console_?.close();
    await host.stop();
    await server.stop();
  }
}

// Run alone: `npx tsx test/bench/companion-feedback.bench.ts` (after `npm run build`).
if (process.argv[1]?.endsWith('companion-feedback.bench.ts')) {
  const figures = await benchCompanionFeedback();
  for (const [name, s] of Object.entries(figures))
    console.log(`${name.padEnd(30)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)}  (${s.runs} runs)`);
}
