import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { launchChromium } from '../support/chromium';
import { spawnServer } from '../support/server-process';
import { summarise, type Summary } from './stats';

const CUES = 2000;
const PRESSES = Number(process.env.BENCH_NAV_PRESSES ?? 500);
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const WARMUP = 30;
/** Between presses: the server's preview echo and the preview monitor settle, so presses do not overlap. */
const GAP_MS = 60;

/** One stack of 2,000 straps, each with its own words, as a long night's running order might be. */
function longShow(): Show {
  const parties = ['lab', 'con', 'ld', 'reform', 'green', 'snp', 'pc', 'none'];
  const cues = Array.from({ length: CUES }, (_, i) => ({
    id: `cue-${i + 1}`,
    title: `Seat ${i + 1}: result due ${String(22 + Math.floor(i / 400)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    template: 'strap',
    layer: 'lower-third' as const,
    fields: { headline: `Result ${i + 1} expected`, subline: `Declaration ${i + 1} of ${CUES}`, party: parties[i % parties.length]!, variant: 'standard' },
  }));
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Bench: 2,000 cues', stacks: [{ id: 'long', name: 'Long night', cues }] };
}

/** In the page, from its own clock: navigation start to the first frame painted after the first cue row exists. */
const LOAD_PROBE = `
window.__name = (f) => f;
window.__loaded = new Promise((resolve) => {
  const painted = () => requestAnimationFrame(() => {
    const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(null);
  });
  const mo = new MutationObserver(() => { if (document.querySelector('.stack-viewport [data-row="cue"]')) { mo.disconnect(); painted(); } });
  mo.observe(document, { childList: true, subtree: true });
});`;

/**
 * console_nav_ms: a keydown dispatched at the start of a frame (inside a rAF
 * callback), to the first task after that frame's rendering: the handler, the
 * React render and the frame's style, layout and paint. Within 16.7 ms, the new
 * selection is on the very next vsync. console_nav_to_frame_ms: a keydown at
 * any moment to the first rAF after the row changed, then that frame's
 * rendering: what an operator sees, vsync wait included (information only).
 */
async function installNavProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const list = document.querySelector<HTMLElement>('.stack-viewport')!;
    const rows = document.querySelector('.stack-rows')!;
    const afterFrame = (done: () => void) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = done;
      ch.port2.postMessage(null);
    };
    (window as unknown as { __nav: unknown }).__nav = (key: string, aligned: boolean) =>
      new Promise<{ ms: number; id: string | null; late: boolean }>((resolve) => {
        let id: string | null = null;
        let t0 = 0;
        const finish = (late: boolean) => resolve({ ms: performance.now() - t0, id, late });
        const selected = (n: Node) => n instanceof HTMLElement && n.getAttribute('aria-selected') === 'true';
        const scan = (records: MutationRecord[]) => {
          for (const r of records) {
            const hit = [r.target, ...r.addedNodes].find(selected) as HTMLElement | undefined;
            if (hit) id = hit.dataset.cueId ?? null;
          }
        };
        const mo = new MutationObserver(scan);
        mo.observe(rows, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected'] });
        const press = () => {
          t0 = performance.now();
          list.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        };
        // If the row had not changed by the end of the frame, wait for it and count the frame it lands in.
        const untilChanged = (late: boolean) => {
          scan(mo.takeRecords());
          if (id !== null) return requestAnimationFrame(() => afterFrame(() => (mo.disconnect(), finish(late))));
          setTimeout(() => untilChanged(late), 0);
        };
        if (aligned) {
          requestAnimationFrame(() => {
            press();
            afterFrame(() => (id !== null ? (mo.disconnect(), finish(false)) : untilChanged(true)));
          });
        } else {
          press();
          untilChanged(false);
        }
      });
  });
}

async function measureNav(page: Page, aligned: boolean, presses: number, start: number): Promise<{ ms: number[]; late: number; at: number }> {
  const ms: number[] = [];
  let late = 0;
  let at = start;
  for (let i = 0; i < presses + WARMUP; i++) {
    // Down through most of the stack, back up every fifth press: long scrolls and turns.
    const key = i % 5 === 4 ? 'ArrowUp' : 'ArrowDown';
    at += key === 'ArrowDown' ? 1 : -1;
    const r = await page.evaluate(
      ([k, a]) => (window as unknown as { __nav: (k: string, a: boolean) => Promise<{ ms: number; id: string | null; late: boolean }> }).__nav(k, a),
      [key, aligned] as const,
    );
    if (r.id !== `cue-${at}`) throw new Error(`press ${i}: expected cue-${at} selected, saw ${r.id}`);
    if (i >= WARMUP) {
      ms.push(r.ms);
      if (r.late) late += 1;
    }
    await page.waitForTimeout(GAP_MS);
  }
  return { ms, late, at };
}

async function measureLoads(browser: Browser, url: string): Promise<number[]> {
  const loads: number[] = [];
  for (let i = 0; i < LOADS + 2; i++) {
    // A fresh context each time: no warm cache, as the console opens at the start of a shift.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript({ content: LOAD_PROBE });
    const page = await context.newPage();
    await page.goto(url);
    const ms = await page.evaluate(() => (window as unknown as { __loaded: Promise<number> }).__loaded);
    if (i >= 2) loads.push(ms);
    await context.close();
  }
  return loads;
}

export async function benchConsole(): Promise<Record<string, Summary>> {
  const server = await spawnServer(longShow());
  const browser = await launchChromium();
  try {
    const loads = await measureLoads(browser, `${server.url}/`);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => console.error(`console page: ${e.message}`));
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.url}/`);
    await page.locator('.stack-viewport [data-cue-id="cue-1"]').click();
    await installNavProbe(page);
    const aligned = await measureNav(page, true, PRESSES, 1);
    const anyPhase = await measureNav(page, false, Math.round(PRESSES / 2), aligned.at);
    if (aligned.late > 0) console.warn(`console_nav_ms: ${aligned.late} of ${PRESSES} presses missed the frame they started in`);
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const t: number[] = [];
          const tick = (now: number) => (t.push(now), t.length > 120 ? resolve(t.slice(1).map((x, i) => x - t[i]!)) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
    );
    return {
      console_nav_ms: summarise(aligned.ms),
      console_nav_to_frame_ms: summarise(anyPhase.ms),
      console_load_ms: summarise(loads),
      baseline_console_frame_interval_ms: summarise(frames),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

// `npx tsx test/bench/console.bench.ts` runs this one alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, s] of Object.entries(await benchConsole()))
    console.log(`${name.padEnd(34)} p50 ${s.p50}  p95 ${s.p95}  p99 ${s.p99}  max ${s.max}  (${s.runs} runs)`);
}
