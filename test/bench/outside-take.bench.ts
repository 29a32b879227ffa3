import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { SnapshotScript, fixtureHost, graphicFrame, onLayer, outsideView, startOutsideStage, type OutsideStage } from '../support/outside-stage';
import { strap, strapFields } from '../../main/templates/strap/schema';
import { summarise, type Summary } from './stats';
import { droppedFrames } from './frames.bench';

const TAKES = Number(process.env.BENCH_OUTSIDE_TAKES ?? 40);
const WARMUP = 4;
/** How long after the take frames are recorded: the fixtures' ins run 400 to 500 ms. */
const IN_MS = 700;

/**
 * In the output page: the time each snapshot arrived (a listener on the socket
 * added before the page's own), on the clock every frame of the page shares
 * (timeOrigin + now), so a graphic's frame inside its sandboxed iframe can be
 * compared with it.
 */
const ARRIVAL_PROBE = `(() => {
  const Native = WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        const at = performance.timeOrigin + performance.now();
        window.__arrivedAt = at;
        const then = window.__onArrive;
        window.__onArrive = null;
        if (then) then(at);
      });
    }
  };
  window.__name = (f) => f;
})();`;

/** Frame intervals in a page or a frame for `ms`, from now. */
const recordFrames = (target: Page | Frame, ms: number) =>
  target.evaluate(
    (forMs) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = -1;
        const t0 = performance.now();
        const tick = (t: number) => {
          if (last >= 0) out.push(t - last);
          last = t;
          if (performance.now() - t0 < forMs) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

/** The frame the built-in graphic first painted in: the first animation frame after its element landed. */
const builtinFrameAt = (page: Page, cueId: string) =>
  page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const found = () => document.querySelector(`[data-cue-id="${id}"]:not([data-preload])`);
        const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        if (found()) return done();
        const observer = new MutationObserver(() => found() && (observer.disconnect(), done()));
        observer.observe(document.getElementById('stage')!, { subtree: true, childList: true, attributes: true });
      }),
    cueId,
  );

type Kind = 'builtin' | 'ograf' | 'casparcg';
const VIEWS: Record<Kind, () => Record<string, unknown>> = {
  builtin: () => strapFields.parse(strap.demo),
  ograf: () => outsideView(fixtureHost('ograf', 'ograf/lower-third/lower-third.mjs'), { name: 'Jo Bloggs', title: 'Bench' }),
  casparcg: () => outsideView(fixtureHost('casparcg', 'casparcg/json-strap.html'), { f0: 'Jo Bloggs', f1: 'Bench' }),
};

/** One cue, preloaded, taken and taken out: its take-to-frame, and its in-animation's frame intervals (inside its frame for an outside one). */
async function takeOnce(stage: OutsideStage, page: Page, script: SnapshotScript, kind: Kind, n: number) {
  const cueId = `${kind}-${n}`;
  const view = VIEWS[kind]();
  const template = kind === 'builtin' ? 'strap' : `test-${kind}-strap`;
  stage.send(script.snapshot({ cueId, template, layer: 'lower-third', fields: {}, view }));
  await page.waitForSelector(kind === 'builtin' ? `[data-preload="${cueId}"]` : `[data-preload="${cueId}"][data-outside-state="loaded"]`, {
    state: 'attached',
  });
  const inner = kind === 'builtin' ? null : await graphicFrame(page, `[data-preload="${cueId}"]`);
  await page.waitForTimeout(50);
  script.onAir('lower-third', cueId, template, view);
  const painted = kind === 'builtin' ? builtinFrameAt(page, cueId) : null;
  const frames = recordFrames(inner ?? page, IN_MS);
  stage.send(script.snapshot());
  let frameAt: number;
  if (painted) frameAt = await painted;
  else frameAt = Number(await (await page.waitForSelector(`${onLayer('lower-third', cueId)}[data-frame-at]`)).getAttribute('data-frame-at'));
  const take = frameAt - (await page.evaluate(() => (window as unknown as { __arrivedAt: number }).__arrivedAt));
  const intervals = await frames;
  script.clear('lower-third');
  stage.send(script.snapshot());
  await page.waitForSelector(onLayer('lower-third', cueId), { state: 'detached' });
  return { take, intervals };
}

/** The floor, in the same conditions: a snapshot that changes nothing, from its arrival to the page's next frame. */
async function floorOnce(stage: OutsideStage, page: Page, script: SnapshotScript): Promise<number> {
  const next = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        (window as unknown as { __onArrive: (at: number) => void }).__onArrive = (at) =>
          requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now() - at));
      }),
  );
  await page.waitForTimeout(20);
  stage.send(script.snapshot());
  return next;
}

export async function benchOutsideTakes(): Promise<Record<string, Summary>> {
  const stage = await startOutsideStage();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => console.error(`outside bench page: ${e.message}`));
    await page.addInitScript({ content: ARRIVAL_PROBE });
    await page.goto(`${stage.url}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    const script = new SnapshotScript();
    const takes: Record<Kind, number[]> = { builtin: [], ograf: [], casparcg: [] };
    const intervals: Record<Kind, number[]> = { builtin: [], ograf: [], casparcg: [] };
    const floor: number[] = [];
    for (let i = 0; i < TAKES + WARMUP; i++) {
      // Interleaved, so the machine's load falls on every kind alike.
      for (const kind of ['builtin', 'ograf', 'casparcg'] as const) {
        const got = await takeOnce(stage, page, script, kind, i);
        const f = await floorOnce(stage, page, script);
        if (i < WARMUP) continue;
        takes[kind].push(got.take);
        intervals[kind].push(...got.intervals);
        floor.push(f);
      }
    }
    const frames = (kind: Kind): Summary => ({
      ...summarise(intervals[kind]),
      droppedShare: Math.round(droppedFrames(intervals[kind]).share * 10_000) / 10_000,
    });
    return {
      take_to_frame_builtin_strap_ms: summarise(takes.builtin),
      take_to_frame_ograf_strap_ms: summarise(takes.ograf),
      take_to_frame_casparcg_strap_ms: summarise(takes.casparcg),
      baseline_snapshot_to_frame_ms: summarise(floor),
      frames_builtin_strap_in: frames('builtin'),
      frames_ograf_strap_in: frames('ograf'),
      frames_casparcg_strap_in: frames('casparcg'),
    };
  } finally {
    await browser.close();
    await stage.close();
  }
}

// Alone: npx tsx test/bench/outside-take.bench.ts (npm run bench runs it with the others).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchOutsideTakes();
  for (const [name, s] of Object.entries(figures)) {
    const dropped = s.droppedShare === undefined ? '' : `  dropped ${(s.droppedShare * 100).toFixed(2)}%`;
    console.log(
      `${name.padEnd(34)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)}  max ${s.max.toFixed(2)}  (${s.runs} runs)${dropped}`,
    );
  }
}
