import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHeadless, WEB_ROOT, type Headless } from '../../main/server/headless';
import type { Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage } from '../support/output-page';
import { installTakeProbe, probeCue, probeTake, type TakeTiming } from '../support/take-probe';
import { fortyMegabyteShow, maxSizeImportCsv } from '../support/big-inputs';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * Issue 11, item 4: big work must not freeze the air. While the largest import
 * the server takes (20 MiB) and a 40 MB show are read, takes sent over the
 * WebSocket from a real output page are answered and land in its DOM within
 * BOUND_MS. The bound is generous for a loaded two-core machine; the tight
 * figure is the bench's (take-under-import.bench.ts). Before the worker, the
 * server answered nothing for seconds (5.9 s for a 19.5 MiB import).
 */
const BOUND_MS = 250;

const takes: Show['stacks'][number] = {
  id: 'air',
  name: 'Air',
  cues: ['a', 'b'].map((k) => ({
    id: `strap-${k}`,
    title: `Strap ${k}`,
    template: 'strap',
    layer: 'lower-third' as const,
    fields: { headline: `Strap ${k}`, subline: 'While the big work runs', party: 'lab', variant: 'standard' },
  })),
};

describe.skipIf(missing !== null)('big work off the event loop: the air keeps its timing', () => {
  let dir: string;
  let app: Headless;
  let browser: Browser;
  let output: Page;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-big-'));
    const showPath = path.join(dir, 'takes.json');
    await writeFile(showPath, JSON.stringify({ format: 'strapline-show', version: 2, name: 'Takes', stacks: [takes] }));
    app = await startHeadless({
      showPath,
      host: '127.0.0.1',
      port: 0,
      asRunPath: path.join(dir, 'as-run.jsonl'),
      webRoot: WEB_ROOT,
      dataDir: path.join(dir, 'data'),
    });
    browser = await launchChromium();
    output = await openOutputPage(browser, app.server.url);
    await installTakeProbe(output);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Counts every take of the file, so each one puts up the strap not already on air. */
  let taken = 0;

  /** Takes strap a and b in turn until `work` settles; every take's timing, and how many landed while it ran. */
  async function takeWhile<T>(work: Promise<T>): Promise<{ result: T; during: TakeTiming[] }> {
    let settled = false;
    const result = work.finally(() => (settled = true));
    // Awaited below; if a take fails first, the work's own failure is not a second, unhandled one.
    result.catch(() => undefined);
    const during: TakeTiming[] = [];
    while (!settled) {
      const cueId = `strap-${taken++ % 2 ? 'b' : 'a'}`;
      await probeCue(output, cueId);
      await new Promise((r) => setTimeout(r, 220)); // past the 200 ms take guard
      const timing = await probeTake(output, cueId);
      if (!settled) during.push(timing);
    }
    return { result: await result, during };
  }

  const worst = (timings: TakeTiming[]) => ({ answered: Math.max(...timings.map((t) => t.answered)), dom: Math.max(...timings.map((t) => t.dom)) });

  it('answers takes and changes the output within 250 ms during a maximum-size import', { timeout: 180_000 }, async () => {
    const { csv, rows } = await maxSizeImportCsv();
    const { result, during } = await takeWhile(
      fetch(`${app.server.url}/api/import?format=commons-constituency&name=big.csv&apply=valid-rows`, { method: 'POST', body: csv }).then(async (r) => ({
        status: r.status,
        json: await r.json(),
      })),
    );
    console.log(`import of ${rows} rows: ${during.length} takes during it, worst ${JSON.stringify(worst(during))} ms`);
    expect(result.status).toBe(200);
    expect(result.json.report).toMatchObject({ recordsRead: rows, seatsValid: 650, applied: 'valid-rows' });
    expect(app.engine.resultsSnapshot().totals.declared).toBe(650);
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(worst(during).answered).toBeLessThan(BOUND_MS);
    expect(worst(during).dom).toBeLessThan(BOUND_MS);
  });

  it('answers takes and changes the output within 250 ms while a 40 MB show opens', { timeout: 180_000 }, async () => {
    const file = path.join(dir, 'forty.json');
    const show = fortyMegabyteShow(takes);
    const text = JSON.stringify(show, null, 2);
    expect(text.length).toBeGreaterThan(40_000_000);
    await writeFile(file, text);
    const { result, during } = await takeWhile(
      fetch(`${app.server.url}/api/show/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: file }) }).then(
        async (r) => ({ status: r.status, json: await r.json() }),
      ),
    );
    console.log(`40 MB show open: ${during.length} takes during it, worst ${JSON.stringify(worst(during))} ms`);
    expect(result.status, JSON.stringify(result.json).slice(0, 300)).toBe(200);
    expect(result.json.name).toBe('Forty megabytes');
    // A show naming no election is opened on the one open, and remembers it.
    expect(app.engine.showSnapshot().show).toEqual({ ...show, election: { folder: 'ge2024', name: 'General election 2024' } });
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(worst(during).answered).toBeLessThan(BOUND_MS);
    expect(worst(during).dom).toBeLessThan(BOUND_MS);
  });
});
