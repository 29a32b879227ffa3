import { TAKE_LAYERS } from '../support/take-layers';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { SHOW_FORMAT_VERSION } from '../../main/engine/show';
import type { Show } from '../../main/engine/show';
import { launchChromium } from '../support/chromium';
import { spawnServer } from '../support/server-process';
import { summarise, type Summary } from './stats';
import { installTakeProbe, probeCue, probeEcho, probeTake } from '../support/take-probe';

const TAKES = Number(process.env.BENCH_TAKES ?? 320);
const WARMUP = 20;

/** Two straps per layer, taken in turn, so every layer sees a new graphic every fourth take. */
export function benchShow(): Show {
  const cues = TAKE_LAYERS.flatMap((layer) =>
    ['a', 'b'].map((k) => ({
      id: `${layer}-${k}`,
      title: `${layer} ${k}`,
      template: 'strap',
      layer,
      fields: { headline: `Bench ${layer} ${k}`, subline: 'Take latency', party: 'lab', variant: 'standard' },
    })),
  );
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Bench', stacks: [{ id: 'bench', name: 'Bench', cues }] };
}

/** A WebSocket server that answers every message with itself, and nothing else. */
export async function startEcho(): Promise<{ url: string; close: () => void }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));
  await new Promise((r) => wss.once('listening', r));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, close: () => wss.close() };
}

export async function benchTakeLatency(): Promise<Record<string, Summary>> {
  const server = await spawnServer(benchShow());
  const echo = await startEcho();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('404') && console.error(m.text()));
    // tsx names functions with an __name helper; the page needs it for evaluate().
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.url}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    await installTakeProbe(page, echo.url);
    const dom: number[] = [];
    const frame: number[] = [];
    const roundTrip: number[] = [];
    const floor: number[] = [];
    const echoed: number[] = [];
    for (let i = 0; i < TAKES + WARMUP; i++) {
      const layer = TAKE_LAYERS[i % TAKE_LAYERS.length]!;
      const cueId = `${layer}-${Math.floor(i / TAKE_LAYERS.length) % 2 ? 'b' : 'a'}`;
      // Cue first (the preload), as an operator does, then take.
      const cueMs = await probeCue(page, cueId);
      await page.waitForTimeout(40);
      // The floor, in the same conditions: cueing the cue already in preview changes nothing and sends
      // nothing but its answer, so it is one trip to the engine and back with no work at either end.
      const floorMs = await probeCue(page, cueId);
      await page.waitForTimeout(20);
      const echoMs = await probeEcho(page);
      await page.waitForTimeout(20);
      const t = await probeTake(page, cueId);
      if (i >= WARMUP) {
        dom.push(t.dom);
        frame.push(t.frame);
        roundTrip.push(cueMs);
        floor.push(floorMs);
        echoed.push(echoMs);
      }
      await page.waitForTimeout(Number(process.env.BENCH_GAP ?? 250));
    }
    return {
      take_to_dom_ms: summarise(dom),
      take_to_frame_ms: summarise(frame),
      baseline_command_roundtrip_ms: summarise(roundTrip),
      baseline_socket_roundtrip_ms: summarise(floor),
      baseline_ws_echo_ms: summarise(echoed),
    };
  } finally {
    await browser.close();
    echo.close();
    await server.stop();
  }
}
