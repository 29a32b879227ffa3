import { TAKE_LAYERS } from '../support/take-layers';
import { launchChromium } from '../support/chromium';
import { spawnServer } from '../support/server-process';
import { maxSizeImportCsv } from '../support/big-inputs';
import { installTakeProbe, probeCue, probeTake } from '../support/take-probe';
import { benchShow } from './take-latency.bench';
import { summarise, type Summary } from './stats';

const TAKES = Number(process.env.BENCH_TAKES_UNDER_IMPORT ?? 120);
const WARMUP = 10;

/**
 * Take latency while the largest import the server takes (20 MiB, every row
 * parsed and validated, issue 11 item 4) runs, beside the idle figure measured
 * in the same run, with the same server, page and takes. The server is its own
 * process (as in production) and the import is sent from this one, back to
 * back, so every take under import lands while the worker is busy.
 */
export async function benchTakeUnderImport(): Promise<Record<string, Summary>> {
  const server = await spawnServer(benchShow());
  const browser = await launchChromium();
  const { csv } = await maxSizeImportCsv();
  /** The import running now (its number), or null between imports. */
  let running: number | null = null;
  let imports = 0;
  const importOnce = async () => {
    const reply = await fetch(`${server.url}/api/import?format=commons-constituency&name=big.csv&apply=valid-rows`, { method: 'POST', body: csv });
    if (reply.status !== 200) throw new Error(`take-under-import bench: the import answered ${reply.status}: ${(await reply.text()).slice(0, 300)}`);
    imports += 1;
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.url}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    await installTakeProbe(page);
    await importOnce(); // the worker started and warm, outside the clock
    /** `busy`: count a take only when one import ran from before it was sent until after it landed. */
    let i = 0; // across both series, so every take puts up the cue not already on air
    const takeSeries = async (count: number, busy: boolean) => {
      const frame: number[] = [];
      const dom: number[] = [];
      for (const first = i; frame.length < count; i++) {
        const layer = TAKE_LAYERS[i % TAKE_LAYERS.length]!;
        const cueId = `${layer}-${Math.floor(i / TAKE_LAYERS.length) % 2 ? 'b' : 'a'}`;
        await probeCue(page, cueId);
        await page.waitForTimeout(40);
        const before = running;
        const t = await probeTake(page, cueId);
        if (i - first >= WARMUP && (!busy || (before !== null && running === before))) {
          frame.push(t.frame);
          dom.push(t.dom);
        }
        await page.waitForTimeout(Number(process.env.BENCH_GAP ?? 100));
      }
      return { frame, dom };
    };
    const idle = await takeSeries(TAKES, false);
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        running = imports + 1;
        await importOnce();
        running = null;
      }
    })();
    const busy = await takeSeries(TAKES, true);
    stop = true;
    await loop;
    console.log(`take-under-import: ${imports} imports of ${(csv.length / 2 ** 20).toFixed(1)} MiB`);
    return {
      take_to_frame_idle_ms: summarise(idle.frame),
      take_to_frame_under_import_ms: summarise(busy.frame),
      take_to_dom_under_import_ms: summarise(busy.dom),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
