import { TAKE_LAYERS } from '../support/take-layers';
import type { CDPSession, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer, type Show } from '../../main/engine/show';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import { CutProxy } from '../support/cut-proxy';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 10_000);
const WARMUP = 200;
/** The page is brought level with the engine this often, so snapshots never queue without bound. */
const SYNC_EVERY = 8;
/** Faults (issue 11): the output's connection is cut this often, and the console reloaded this often. */
const DROP_OUTPUT_EVERY = Number(process.env.SOAK_DROP_EVERY ?? 300);
const RELOAD_CONSOLE_EVERY = Number(process.env.SOAK_RELOAD_EVERY ?? 250);
/** How long a cut lasts: past the output's first retries (250 ms, then 500 ms). */
const CUT_MS = 600;

/**
 * Two cues a layer, each of a template made for that layer where one exists
 * (the strap otherwise), so the soak covers every layer and every kind of view
 * that has a home there.
 */
function soakShow(): Show {
  const cues = TAKE_LAYERS.flatMap((layer) => {
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
  const layer: Layer = TAKE_LAYERS[i % TAKE_LAYERS.length]!;
  const cueId = `${layer}-${Math.floor(i / TAKE_LAYERS.length) % 2 ? 'b' : 'a'}`;
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

interface Faults {
  proxy: CutProxy;
  console: Page;
  outputDrops: number;
  consoleReloads: number;
}

/** A cable pulled under the output (it keeps its picture, retries, cuts back to air) or the console reloaded. */
async function injectFaults(i: number, faults: Faults): Promise<void> {
  if (i > 0 && i % DROP_OUTPUT_EVERY === 0) {
    faults.proxy.pull();
    await new Promise((r) => setTimeout(r, CUT_MS));
    faults.proxy.restore();
    faults.outputDrops += 1;
  }
  if (i > 0 && i % RELOAD_CONSOLE_EVERY === 0) {
    await faults.console.reload({ waitUntil: 'load' });
    faults.consoleReloads += 1;
  }
}

async function runCycles(page: Page, server: TestServer, from: number, count: number, faults: Faults): Promise<void> {
  for (let i = from; i < from + count; i++) {
    cycle(server, i);
    await injectFaults(i, faults);
    if ((i + 1) % SYNC_EVERY === 0) {
      const revision = server.engine.programSnapshot().revision;
      await page.waitForFunction((r) => Number(document.body.dataset.revision) >= r, revision, { timeout: 30_000 });
    }
  }
}

/**
 * The output page through 10,000 take/next/update/out cycles across all layers,
 * under faults: its connection cut (through a relay, test/support/cut-proxy.ts)
 * every DROP_OUTPUT_EVERY cycles and a console page reloaded every
 * RELOAD_CONSOLE_EVERY. Its JS heap and DOM node count after, against before
 * (both measured connected, with nothing on air, the same cue in preview, after
 * a forced GC).
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
  const proxy = await CutProxy.start(server.server.port);
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`http://127.0.0.1:${proxy.port}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    const consolePage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await consolePage.goto(server.url);
    const faults: Faults = { proxy, console: consolePage, outputDrops: 0, consoleReloads: 0 };
    const cdp = await page.context().newCDPSession(page);
    const connected = () => page.waitForFunction(() => document.body.dataset.connection === 'open', undefined, { timeout: 30_000 });
    await runCycles(page, server, 0, WARMUP, faults);
    await connected();
    const before = await measure(page, cdp);
    const started = performance.now();
    await runCycles(page, server, WARMUP, CYCLES, faults);
    const seconds = (performance.now() - started) / 1000;
    await connected();
    const after = await measure(page, cdp);
    return {
      soak_heap_growth_mb: Math.round((after.heapMb - before.heapMb) * 100) / 100,
      soak_dom_nodes_leaked: after.nodes - before.nodes,
      soak_detail: {
        cycles: CYCLES,
        commands: server.engine.programSnapshot().revision,
        seconds: Math.round(seconds),
        outputDrops: faults.outputDrops,
        consoleReloads: faults.consoleReloads,
        before,
        after,
      },
    };
  } finally {
    await browser.close();
    await proxy.close();
    await server.stop();
  }
}
