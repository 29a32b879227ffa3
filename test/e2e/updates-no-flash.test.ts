import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';
import { OPACITY_SAMPLER, sameWords, startSampling, stopSampling } from '../support/opacity-dips';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** Every template that results update on air (the bound ones), with its defaults. */
const BOUND: { id: string; template: string; layer: Layer }[] = [
  { id: 'hc', template: 'hemicycle', layer: 'fullscreen' },
  { id: 'st', template: 'seat-tally', layer: 'fullscreen' },
  { id: 'hx', template: 'hex-map', layer: 'fullscreen' },
  { id: 'ts', template: 'target-seats', layer: 'fullscreen' },
  { id: 'sw', template: 'swingometer', layer: 'fullscreen' },
  { id: 'tk', template: 'ticker', layer: 'ticker' },
];
const BURST = 12;
const BURST_GAP_MS = 90;
/** Declared before the first take, so every verdict already reads "LAB need n more". */
const FIRST = 2;

/** The show: the target board watches exactly the seats its burst declares, in that order. */
function burstShow(labourSeats: readonly string[]) {
  const at = FIRST + BURST * BOUND.findIndex((c) => c.template === 'target-seats');
  const fields = (template: string) => (template === 'target-seats' ? { seats: labourSeats.slice(at, at + BURST) } : {});
  return {
    format: 'strapline-show',
    version: SHOW_FORMAT_VERSION,
    name: 'Burst',
    stacks: [{ id: 's', name: 'S', cues: BOUND.map((c) => ({ ...c, title: c.id, fields: fields(c.template) })) }],
  };
}

/**
 * Issue 13 item 11: an update animates only what changed. Results are declared through the
 * real server, one seat every 90 ms, while each bound graphic is on air in a real output page
 * that reads every element's opacity on every frame. Nothing whose text stayed the same may
 * dip, and neither may a line whose words stayed the same while its figures moved ("LAB need
 * 321 more" counting to "LAB need 309 more"): figures count, they do not flash.
 */
describe.skipIf(missing !== null)('updates while on air do not flash', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let labourSeats: { onsCode: string }[];

  beforeAll(async () => {
    const night: { onsCode: string; partyVotes: Record<string, number> }[] = JSON.parse(
      await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8'),
    ).seats;
    // Labour wins only: the parties keep their order in every key, so each verdict and count changes only its figures.
    const top = (votes: Record<string, number>) => Object.entries(votes).sort(([, a], [, b]) => b - a)[0]![0];
    labourSeats = night.filter((s) => top(s.partyVotes) === 'lab');
    server = await startTestServer({ show: burstShow(labourSeats.map((s) => s.onsCode)) });
    browser = await launchChromium();
    output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await output.addInitScript({ content: 'window.__name=(f)=>f;' });
    await output.addInitScript({ content: OPACITY_SAMPLER });
    await output.goto(`${server.url}/output`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
    await declare(FIRST);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let declared = 0;
  async function declare(n: number, gapMs = 0): Promise<void> {
    for (const seat of labourSeats.slice(declared, declared + n)) {
      expect((await post(`${server.url}/api/results`, seat)).status).toBe(200);
      if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
    }
    declared += n;
  }

  for (const cue of BOUND) {
    it(`${cue.template}: a burst of ${BURST} declarations moves figures, and nothing unchanged dips`, async () => {
      await post(`${server.url}/api/clear`, {});
      await output.waitForSelector('[data-layer]', { state: 'detached' });
      await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
      expect((await post(`${server.url}/api/cue`, { cueId: cue.id })).status).toBe(200);
      expect((await post(`${server.url}/api/take`, { cueId: cue.id })).json).toMatchObject({ ok: true });
      await output.waitForSelector(`[data-layer="${cue.layer}"][data-phase="on"]`);
      await new Promise((r) => setTimeout(r, 500)); // the last staggered figures settle
      const before = server.engine.programSnapshot().program[cue.layer]!.updateSeq;
      expect(await startSampling(output)).toBeGreaterThan(5);
      await declare(BURST, BURST_GAP_MS);
      // The burst reached the air as updates, and the last one reached the page; then each had time to finish (the longest is 1.2 s).
      expect(server.engine.programSnapshot().program[cue.layer]!.updateSeq).toBeGreaterThan(before + 2);
      await output.waitForFunction((r) => Number(document.body.dataset.revision) >= r, server.engine.programSnapshot().revision);
      await new Promise((r) => setTimeout(r, 1500));
      const samples = await stopSampling(output);
      const watched = samples.filter((s) => s.textBefore === s.textAfter || sameWords(s.textBefore, s.textAfter));
      expect(watched.length).toBeGreaterThan(5);
      const dipped = watched.filter((s) => s.lowest < s.before - 0.02);
      expect(dipped, `dipped: ${JSON.stringify(dipped, null, 1)}`).toEqual([]);
      // The burst did reach the screen: some figure moved.
      expect(samples.some((s) => s.textBefore !== s.textAfter)).toBe(true);
    });
  }
});
