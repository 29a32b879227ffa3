import type { Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { spawnServer } from '../support/server-process';
import { installTakeProbe, probeCue, probeTake } from '../support/take-probe';
import { CasparcgStandin } from '../support/casparcg-standin';
import { allConnected, configureCasparcg } from '../support/casparcg-show';
import { benchShow } from './take-latency.bench';
import { summarise, type Summary } from './stats';

const TAKES = Number(process.env.BENCH_SPREAD_TAKES ?? 200);
const WARMUP = 10;
const CLOCK_SAMPLES = 40;

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * The page's clock against this process's: the offset from the round trip that
 * was quickest, and half that trip as how sure it is. Both clocks count from the
 * epoch; their origins can differ by a millisecond or so, which this removes.
 */
async function clockOffset(page: Page): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < CLOCK_SAMPLES; i++) {
    const before = epochNow();
    const pageAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epochNow();
    if ((after - before) / 2 < best.uncertaintyMs) best = { offsetMs: pageAt - (before + after) / 2, uncertaintyMs: (after - before) / 2 };
  }
  return best;
}

/**
 * take_spread_ms: one take reaching two outputs, Strapline's output page in
 * Chromium (the graphic's DOM change) and a CasparCG templates output (its CG PLAY
 * received by the stand-in, test/support/casparcg-standin.ts, which replaces a real
 * CasparCG Server here), and how far apart they land. Beside it, from the same run,
 * the floor of the measurement: how well the two clocks could be lined up.
 */
export async function benchTakeSpread(): Promise<Record<string, Summary>> {
  const server = await spawnServer(benchShow());
  const standin = await CasparcgStandin.start();
  const browser = await launchChromium();
  try {
    await configureCasparcg(server, [
      { id: 'bench', main: { host: '127.0.0.1', port: standin.port }, channel: 1, mode: 'templates', templates: { strap: { name: 'strapline/STRAP' } } },
    ]);
    await allConnected(server);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.url}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    await installTakeProbe(page);
    const spread: number[] = [];
    const pageFirst: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < TAKES + WARMUP; i++) {
      const cueId = `lower-third-${i % 2 ? 'b' : 'a'}`;
      await probeCue(page, cueId);
      await page.waitForTimeout(60);
      const clock = await clockOffset(page);
      const plays = standin.received(/CG 1-2\d PLAY/).length;
      const sentAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      const t = await probeTake(page, cueId);
      // The stand-in records a command as it arrives, before it acts on it.
      const until = Date.now() + 5000;
      while (standin.received(/CG 1-2\d PLAY/).length === plays) {
        if (Date.now() > until) throw new Error(`take ${i}: the CasparCG stand-in never received CG PLAY`);
        await new Promise((r) => setTimeout(r, 2));
      }
      const playAt = standin.received(/CG 1-2\d PLAY/).at(-1)!.at;
      const domAt = sentAt + t.dom - clock.offsetMs;
      if (i >= WARMUP) {
        spread.push(Math.abs(domAt - playAt));
        pageFirst.push(playAt - domAt);
        floor.push(clock.uncertaintyMs);
      }
      await page.waitForTimeout(Number(process.env.BENCH_GAP ?? 250));
    }
    const failed = standin.commands.filter((c) => c.code >= 400);
    if (failed.length > 0) throw new Error(`the stand-in refused ${failed.length} commands, first: ${failed[0]!.line} (${failed[0]!.code})`);
    return { take_spread_ms: summarise(spread), take_spread_casparcg_after_page_ms: summarise(pageFirst), baseline_clock_sync_ms: summarise(floor) };
  } finally {
    await browser.close();
    await standin.stop();
    await server.stop();
  }
}

// Run on its own: `npx tsx test/bench/take-spread.bench.ts` (npm run bench runs it with the rest).
if (process.argv[1]?.endsWith('take-spread.bench.ts')) {
  const figures = await benchTakeSpread();
  for (const [name, s] of Object.entries(figures))
    console.log(`${name.padEnd(36)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)}  (${s.runs} runs)`);
}
