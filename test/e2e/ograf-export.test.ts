import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';
import { openOutputPage, takeToAir } from '../support/output-page';
import { graphicFrame, onLayer } from '../support/outside-stage';
import { OGRAF_V1_MANIFEST_CHECKS } from '../support/ograf-manifest-checks';
import * as T from '../support/outside-templates';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SHOW: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'OGraf export', stacks: [{ id: 'night', name: 'Night', cues: [] }] };
const SHOTS = path.join(os.tmpdir(), 'strapline-ograf-export');

interface Listed {
  id: string;
  template: string;
  name: string;
  manifest: string;
}

/**
 * Strapline's built-ins as OGraf graphics: every manifest GET /ograf/ lists
 * keeps the OGraf v1 manifest's rules, and each graphic, downloaded over HTTP
 * into a real templates folder as any renderer would take it, plays in
 * Strapline's own sandboxed OGraf host on the real output page in Chromium:
 * cued, taken, drawn, with no request from its frame after load.
 */
describe.skipIf(missing !== null)('the built-ins exported as OGraf', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let dir: string;
  let graphics: Listed[];
  const demo = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-ograf-export-'));
    server = await startTestServer({ show: SHOW, templateDirs: [dir] });
    const listing = (await (await fetch(`${server.url}/ograf/`)).json()) as { graphics: Listed[] };
    graphics = listing.graphics;
    // Every file a renderer needs, fetched as one would: the manifest, its module, and the bundle the module imports.
    const get = async (url: string) => {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
      return res.text();
    };
    await T.writeTemplate(dir, 'strapline/strapline-ograf.js', await get('/ograf/strapline-ograf.js'));
    for (const g of graphics) {
      await T.writeTemplate(dir, `strapline/${g.template}/${g.template}.ograf.json`, await get(g.manifest));
      await T.writeTemplate(dir, `strapline/${g.template}/graphic.mjs`, await get(`/ograf/${g.template}/graphic.mjs`));
    }
    const gallery = (await (await fetch(`${server.url}/api/gallery?set=demo`)).json()) as { templates: { id: string; view: Record<string, unknown> | null }[] };
    for (const t of gallery.templates) if (t.view) demo.set(t.id, t.view);
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every built-in but the hex map (which says why), each manifest within the OGraf v1 rules', async () => {
    const listing = (await (await fetch(`${server.url}/ograf/`)).json()) as { notExported: { template: string; reason: string }[] };
    expect(graphics.map((g) => g.template).sort()).toEqual([
      'bug',
      'exit-poll',
      'hemicycle',
      'seat-result',
      'seat-tally',
      'strap',
      'swingometer',
      'target-seats',
      'ticker',
    ]);
    expect(listing.notExported).toEqual([{ template: 'hex-map', reason: expect.stringMatching(/hex-layout/) }]);
    const check = new Ajv({ allErrors: true, strict: false }).compile(OGRAF_V1_MANIFEST_CHECKS);
    for (const g of graphics) {
      const manifest = (await (await fetch(`${server.url}${g.manifest}`)).json()) as Record<string, unknown>;
      expect(check(manifest) ? [] : check.errors, g.manifest).toEqual([]);
      expect(manifest).toMatchObject({ main: 'graphic.mjs', supportsRealTime: true, stepCount: expect.any(Number) });
      if ((manifest.v_strapline as { bound: boolean }).bound) expect(manifest.description).toMatch(/resolved view/);
    }
    // And the rules do refuse: a key OGraf does not define, and a missing required one.
    expect(
      check({ $schema: OGRAF_V1_MANIFEST_CHECKS.properties.$schema.const, id: 'x', name: 'x', supportsRealTime: true, supportsNonRealTime: false, layer: 'x' }),
    ).toBe(false);
    expect(check({ id: 'x', name: 'x', supportsRealTime: true, supportsNonRealTime: false })).toBe(false);
    expect((await fetch(`${server.url}/ograf/hex-map/hex-map.ograf.json`)).status).toBe(404);
  });

  it('plays each one in Strapline\u2019s own OGraf host: listed, cued, taken, drawn, fetching nothing after load', async () => {
    const templates = async () =>
      (
        (await (await fetch(`${server.url}/api/templates`)).json()) as {
          templates: { id: string; source: string | null; usable: boolean; problems: string[] }[];
        }
      ).templates;
    await expect.poll(async () => (await templates()).filter((t) => t.source?.startsWith('strapline/')).length, { timeout: 15_000 }).toBe(graphics.length);
    for (const g of graphics) {
      const listed = (await templates()).find((t) => t.source === `strapline/${g.template}/${g.template}.ograf.json`)!;
      expect(listed.problems, g.template).toEqual([]);
      const cueId = `og-${g.template}`;
      const added = await post(`${server.url}/api/command`, {
        type: 'add-cue',
        stackId: 'night',
        cueId,
        template: listed.id,
        fields: demo.get(g.template) ?? {},
      });
      expect(added.json, `add-cue ${g.template}`).toMatchObject({ ok: true });
      const layer = server.engine.showSnapshot().show.stacks[0]!.cues.find((c) => c.id === cueId)!.layer;
      const requests: string[] = [];
      await takeToAir(server.url, output, cueId, layer);
      const frame = await graphicFrame(output, onLayer(layer, cueId));
      const listen = (r: { url: () => string; frame: () => unknown }) => {
        if (r.frame() === frame) requests.push(r.url());
      };
      output.on('request', listen);
      // Drawn: the element's shadow root holds the template's graphic, laid out with a size.
      await frame.waitForFunction(
        () => {
          const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('.layer > *'));
          const el = host?.shadowRoot?.querySelector<HTMLElement>('.layer > *');
          return el !== undefined && el !== null && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
        },
        undefined,
        { timeout: 8000 },
      );
      await new Promise((r) => setTimeout(r, 900)); // let the in-animation finish for the screenshot
      output.off('request', listen);
      expect(requests, `${g.template} fetched after its take`).toEqual([]);
      await output.screenshot({ path: path.join(SHOTS, `${g.template}.png`) });
      expect((await post(`${server.url}/api/out`, { layer })).status).toBe(200);
      await output.waitForSelector(onLayer(layer, cueId), { state: 'detached', timeout: 8000 });
    }
    // Nine graphics, each loaded, taken, drawn and taken out in turn: about 29 s on a loaded two-core machine.
  }, 120_000);
});
