import type { CDPSession, Page } from 'playwright-core';
import { LAYERS, SHOW_FORMAT_VERSION, type Layer, type Show } from '../../main/engine/show';
import { TEMPLATE_DEFINITIONS } from '../../overlays/graphics/definitions';
import { launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 10_000);
const WARMUP = 200;
/** The page is brought level with the engine this often, so snapshots never queue without bound. */
const SYNC_EVERY = 8;

/**
 * Two cues a layer, each of a template made for that layer where one exists
 * (the strap otherwise), so the soak covers every layer and every kind of view
 * that has a home there.
 */
function soakShow(): Show {
  const cues = LAYERS.flatMap((layer) => {
    const template = TEMPLATE_DEFINITIONS.find((t) => t.layer === layer) ?? TEMPLATE_DEFINITIONS[0]!;
    return ['a', 'b'].map((k) => ({ id: `${layer}-${k}`, title: `${layer} ${k}`, template: template.id, layer, fields: template.demo }));
  });
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Soak', stacks: [{ id: 'soak', name: 'Soak', cues }] };
}

interface Counters {
  heapMb: number;
  nodes: number;
  attachedNodes: number;
  listeners: number;
}

/** Garbage collected first, so what remains is what the page holds on to. */
async function measure(page: Page, cdp: CDPSession): Promise<Counters> {
  await page.waitForTimeout(1500); // every out-animation has finished and removed its element
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const attachedNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heapMb: heap.usedSize / 2 ** 20, nodes: dom.nodes, attachedNodes, listeners: dom.jsEventListeners };
}

/** One cycle on one layer: cue, take, every next step, an update, out. */
function cycle(server: TestServer, i: number): void {
  const layer: Layer = LAYERS[i % LAYERS.length]!;
  const cueId = `${layer}-${Math.floor(i / LAYERS.length) % 2 ? 'b' : 'a'}`;
  const must = (command: unknown) => {
    const r = server.engine.dispatch(command);
    if (!r.ok) throw new Error(`soak cycle ${i}: ${JSON.stringify(command)} refused: ${r.error.message}`);
  };
  must({ type: 'cue', cueId });
  must({ type: 'take', cueId });
  const onAir = server.engine.programSnapshot().program[layer]!;
  for (let step = 1; step < onAir.steps; step++) must({ type: 'next', layer });
  must({ type: 'update', layer });
  must({ type: 'out', layer });
}

async function runCycles(page: Page, server: TestServer, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    cycle(server, i);
    if ((i + 1) % SYNC_EVERY === 0) {
      const revision = server.engine.programSnapshot().revision;
      await page.waitForFunction((r) => Number(document.body.dataset.revision) >= r, revision, { timeout: 30_000 });
    }
  }
}

/**
 * The output page through 10,000 take/next/update/out cycles across all layers:
 * its JS heap and DOM node count after, against before (both measured with
 * nothing on air, the same cue in preview, after a forced GC).
 */
export interface SoakFigures {
  soak_heap_growth_mb: number;
  soak_dom_nodes_leaked: number;
  soak_detail: Record<string, unknown>;
}

export async function benchSoak(): Promise<SoakFigures> {
  // The engine's clock runs fast, so the 200 ms take guard passes at soak pace.
  let t = Date.UTC(2024, 6, 4, 22);
  const server = await startTestServer({ show: soakShow(), now: () => (t += 100) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    const cdp = await page.context().newCDPSession(page);
    await runCycles(page, server, 0, WARMUP);
    const before = await measure(page, cdp);
    const started = performance.now();
    await runCycles(page, server, WARMUP, CYCLES);
    const seconds = (performance.now() - started) / 1000;
    const after = await measure(page, cdp);
    return {
      soak_heap_growth_mb: Math.round((after.heapMb - before.heapMb) * 100) / 100,
      soak_dom_nodes_leaked: after.nodes - before.nodes,
      soak_detail: { cycles: CYCLES, commands: server.engine.programSnapshot().revision, seconds: Math.round(seconds), before, after },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
