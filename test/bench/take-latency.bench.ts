import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { LAYERS, SHOW_FORMAT_VERSION } from '../../main/engine/show';
import type { Show } from '../../main/engine/show';
import { launchChromium } from '../support/chromium';
import { spawnServer } from '../support/server-process';
import { summarise, type Summary } from './stats';

const TAKES = Number(process.env.BENCH_TAKES ?? 320);
const WARMUP = 20;

/** Two straps per layer, taken in turn, so every layer sees a new graphic every fourth take. */
function benchShow(): Show {
  const cues = LAYERS.flatMap((layer) =>
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

/**
 * In the output page: a control socket sends the take; a MutationObserver sees
 * the graphic's element land (take_to_dom_ms) and the next animation frame is
 * the first painted with it (take_to_frame_ms). Both clocks are the page's own.
 */
async function installProbe(page: Page, echoUrl: string): Promise<void> {
  await page.evaluate(async (echoAt) => {
    // The machine's own floor: a bare WebSocket echo (no Strapline code at either end) from this page.
    const echo = new WebSocket(echoAt);
    await new Promise((r) => (echo.onopen = r));
    const ws = new WebSocket(`ws://${location.host}/ws?role=console`);
    await new Promise((r) => (ws.onopen = r));
    let nextId = 1;
    const waiting = new Map<number, (ms: number) => void>();
    const sentAt = new Map<number, number>();
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data));
      if (m.type === 'result') {
        if (!m.result.ok) console.error(`bench command failed: ${m.result.error.message}`);
        waiting.get(m.id)?.(performance.now() - sentAt.get(m.id)!);
      }
    };
    const send = (command: unknown) =>
      new Promise<number>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        sentAt.set(id, performance.now());
        ws.send(JSON.stringify({ id, command }));
      });
    const stage = document.getElementById('stage')!;
    (window as any).__bench = {
      cue: (cueId: string) => send({ type: 'cue', cueId }),
      echo: () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          echo.onmessage = () => resolve(performance.now() - t0);
          echo.send('{"ping":true}');
        }),
      take: (cueId: string) =>
        new Promise<{ dom: number; frame: number }>((resolve) => {
          let t0 = 0;
          // The preload waits hidden in its layer, so the take lands as its cue id being set (or, unpreloaded, as a new node).
          const isTaken = (n: Node) => (n as HTMLElement).dataset?.cueId === cueId;
          const observer = new MutationObserver((records) => {
            const landed = records.some((r) => isTaken(r.target) || [...r.addedNodes].some(isTaken));
            if (!landed) return;
            const dom = performance.now() - t0;
            observer.disconnect();
            requestAnimationFrame(() => resolve({ dom, frame: performance.now() - t0 }));
          });
          observer.observe(stage, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-cue-id'] });
          t0 = performance.now();
          void send({ type: 'take', cueId });
        }),
    };
  }, echoUrl);
}

/** A WebSocket server that answers every message with itself, and nothing else. */
async function startEcho(): Promise<{ url: string; close: () => void }> {
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
    await installProbe(page, echo.url);
    const dom: number[] = [];
    const frame: number[] = [];
    const roundTrip: number[] = [];
    const floor: number[] = [];
    const echoed: number[] = [];
    for (let i = 0; i < TAKES + WARMUP; i++) {
      const layer = LAYERS[i % LAYERS.length]!;
      const cueId = `${layer}-${Math.floor(i / LAYERS.length) % 2 ? 'b' : 'a'}`;
      // Cue first (the preload), as an operator does, then take.
      const cueMs = await page.evaluate((id) => (window as any).__bench.cue(id), cueId);
      await page.waitForTimeout(40);
      // The floor, in the same conditions: cueing the cue already in preview changes nothing and sends
      // nothing but its answer, so it is one trip to the engine and back with no work at either end.
      const floorMs = await page.evaluate((id) => (window as any).__bench.cue(id), cueId);
      await page.waitForTimeout(20);
      const echoMs = await page.evaluate(() => (window as any).__bench.echo());
      await page.waitForTimeout(20);
      const t = await page.evaluate((id) => (window as any).__bench.take(id), cueId);
      if (i >= WARMUP) {
        dom.push(t.dom);
        frame.push(t.frame);
        roundTrip.push(cueMs);
        floor.push(floorMs);
        echoed.push(echoMs);
      }
      await page.waitForTimeout(Number(process.env.BENCH_GAP ?? 250));
    }
    return { take_to_dom_ms: summarise(dom), take_to_frame_ms: summarise(frame), baseline_command_roundtrip_ms: summarise(roundTrip), baseline_socket_roundtrip_ms: summarise(floor), baseline_ws_echo_ms: summarise(echoed) };
  } finally {
    await browser.close();
    echo.close();
    await server.stop();
  }
}
