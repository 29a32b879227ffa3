import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { strap } from '../../main/templates/strap/schema';
import { STRESS_CASES, STRESS_HEADLINE, STRESS_SUBLINE } from '../../main/server/gallery-stress';
import { REFERENCE_DIR } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const MOST_STEPS = [...TEMPLATE_DEFINITIONS].sort((a, b) => b.steps - a.steps)[0]!;

describe('GET /api/gallery', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(async () => server?.stop());

  const gallery = async () => (await fetch(`${server.url}/api/gallery`)).json();

  it('lists every template, in order, with its demo resolved against the whole 2024 night', async () => {
    const body = await gallery();
    expect(body.declared).toBe(650);
    expect(body.source).toBe('ge2024-results.json');
    expect(body.templates.map((t: { id: string }) => t.id)).toEqual(TEMPLATE_DEFINITIONS.map((t) => t.id));
    for (const def of TEMPLATE_DEFINITIONS) {
      const entry = body.templates.find((t: { id: string }) => t.id === def.id);
      expect(entry, def.id).toMatchObject({ name: def.name, description: def.description, layer: def.layer, steps: def.steps, demo: def.demo });
      expect(entry.error, `${def.id} could not resolve its demo`).toBeUndefined();
      expect(entry.view, def.id).toEqual(expect.any(Object));
    }
  });

  it('draws from its own results: the live night stays empty, and declaring it later changes no gallery view', async () => {
    const before = await gallery();
    // The gallery has all 650 seats; the live engine has declared none.
    expect(server.engine.resultsSnapshot().totals.declared).toBe(0);
    const results = await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8');
    const imported = await fetch(`${server.url}/api/import?format=strapline-json&name=ge2024-results.json`, { method: 'POST', body: results });
    expect(imported.status).toBe(200);
    expect(server.engine.resultsSnapshot().totals.declared).toBe(650);
    // Now the live engine holds the same night: each demo cue draws there exactly what the gallery shows.
    expect((await post(`${server.url}/api/command`, { type: 'add-stack', name: 'Gallery check', stackId: 'gallery-check' })).status).toBe(200);
    for (const def of TEMPLATE_DEFINITIONS) {
      const added = await post(`${server.url}/api/command`, {
        type: 'add-cue',
        stackId: 'gallery-check',
        template: def.id,
        cueId: `g-${def.id}`,
        fields: def.demo,
      });
      expect(added.status, JSON.stringify(added.json)).toBe(200);
      const live = server.engine.viewOf(`g-${def.id}`) as { view: Record<string, unknown> };
      // The live hex map names the loaded election's layout by key; the gallery's night draws the default one.
      if (def.id === 'hex-map') expect(live.view.layout).toBe(server.election.info().hexLayout);
      const { layout: _layout, ...drawn } = live.view;
      expect({ view: def.id === 'hex-map' ? drawn : live.view }, def.id).toEqual({ view: before.templates.find((t: { id: string }) => t.id === def.id).view });
    }
    expect(await gallery()).toEqual(before);
  });

  it('?set=stress: every hard case of 2024 resolves, each named, and the strap at its limits', async () => {
    const body = await (await fetch(`${server.url}/api/gallery?set=stress`)).json();
    expect(body.set).toBe('stress');
    expect(body.templates.map((t: { id: string; case: string }) => `${t.id}:${t.case}`)).toEqual(STRESS_CASES.map((c) => `${c.template}:${c.id}`));
    for (const entry of body.templates) expect(entry.error, `${entry.id} ${entry.case}`).toBeUndefined();
    // Every template is in the set, and the strap's texts are exactly as long as its fields allow.
    expect(new Set(body.templates.map((t: { id: string }) => t.id))).toEqual(new Set(TEMPLATE_DEFINITIONS.map((t) => t.id)));
    expect([...STRESS_HEADLINE].length).toBe(70);
    expect([...STRESS_SUBLINE].length).toBe(110);
    expect(strap.fields.safeParse({ headline: `${STRESS_HEADLINE}X` }).success).toBe(false);
    const seats = body.templates.filter((t: { id: string }) => t.id === 'seat-result').map((t: { view: { verdict: string } }) => t.view.verdict);
    expect(seats).toEqual(expect.arrayContaining(['SPEAKER RE-ELECTED', 'REFORM GAIN FROM CON', 'ALLIANCE GAIN FROM DUP', 'IND GAIN FROM LAB']));
  });

  it('refuses a set it does not have, naming the ones it has', async () => {
    const res = await fetch(`${server.url}/api/gallery?set=hardest`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('set must be one of demo, stress');
  });

  it('is read-only', async () => {
    const res = await fetch(`${server.url}/api/gallery`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect((await res.json()).error.message).toContain('GET');
  });
});

describe.skipIf(missing !== null)('the gallery page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(query: string): Promise<void> {
    await page.goto(`${server.url}/gallery${query}`);
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined);
  }

  it('draws every template at every step, each card marked with its template, step, name, layer and description', async () => {
    await open('');
    const cards = page.locator('.gallery-card');
    expect(await cards.count()).toBe(TEMPLATE_DEFINITIONS.reduce((n, t) => n + t.steps, 0));
    for (const def of TEMPLATE_DEFINITIONS) {
      for (let step = 1; step <= def.steps; step++) {
        const card = page.locator(`.gallery-card[data-template="${def.id}"][data-step="${step}"]`);
        expect(await card.count(), `${def.id} step ${step}`).toBe(1);
        expect(await card.locator(`.stage [data-template="${def.id}"][data-step="${step}"][data-phase="on"]`).count(), `${def.id} step ${step} drawn`).toBe(1);
        const text = await card.textContent();
        for (const part of [def.name, def.layer, def.description, `Step ${step} of ${def.steps}`]) expect(text, def.id).toContain(part);
      }
    }
    expect(await page.locator('.still-missing').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('opens a card full size: a 1920x1080 stage cut to that step', async () => {
    await page.click(`.gallery-card[data-template="${MOST_STEPS.id}"][data-step="${MOST_STEPS.steps}"] a`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    expect(new URL(page.url()).search).toBe(`?template=${MOST_STEPS.id}&step=${MOST_STEPS.steps}`);
    expect(await page.locator('.stage').boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(await page.locator('.stage').evaluate((el: HTMLElement) => [el.offsetWidth, el.offsetHeight])).toEqual([1920, 1080]);
    expect(await page.locator(`.stage [data-template="${MOST_STEPS.id}"]`).getAttribute('data-step')).toBe(String(MOST_STEPS.steps));
  });

  it('keeps a fixed dark background by default and none with &bg=transparent, for keying', async () => {
    const corner = async () => {
      const png = PNG.sync.read(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 4, height: 4 } }));
      return [...png.data.subarray(0, 4)];
    };
    await open('?template=strap&step=1');
    const dark = await corner();
    expect(dark[3]).toBe(255);
    expect(Math.max(dark[0]!, dark[1]!, dark[2]!)).toBeLessThan(128);
    await open('?template=strap&step=1&bg=transparent');
    expect((await corner())[3]).toBe(0);
  });

  it('says what is wrong with a bad address instead of drawing a guess', async () => {
    await open('?template=strap&step=9');
    expect(await page.evaluate(() => document.body.dataset.error)).toContain('from 1 to 1');
    await open('?template=no-such-thing');
    expect(await page.evaluate(() => document.body.dataset.error)).toContain('No template "no-such-thing"');
  });
});
