import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';
import { openOutputPage, takeToAir } from '../support/output-page';
import { TEMPLATE_FIXTURES, callsReach, graphicFrame, onLayer } from '../support/outside-stage';
import * as T from '../support/outside-templates';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SHOW: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Outside forms', stacks: [{ id: 'night', name: 'Night', cues: [] }] };
const SHOTS = path.join(os.tmpdir(), 'strapline-outside-forms');

/** Every GDD type the console draws, and a custom action: the module is the light-DOM fixture, which records its calls. */
const OGRAF_GDD = JSON.stringify({
  id: 'gdd-forms',
  name: 'GDD forms',
  main: 'graphic.mjs',
  supportsRealTime: true,
  stepCount: 1,
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', gddType: 'single-line', title: 'Name', default: 'Name' },
      title: { type: 'string', gddType: 'multi-line', title: 'Title', default: 'Title' },
      votes: { type: 'integer', title: 'Votes', minimum: 0 },
      share: { type: 'number', gddType: 'percentage', title: 'Share' },
      hold: { type: 'integer', gddType: 'duration-ms', title: 'Hold' },
      tint: { type: 'string', gddType: 'color-rrggbb', title: 'Tint', default: '#D81E5B' },
      side: { type: 'string', title: 'Side', enum: ['left', 'right'], default: 'left' },
      logo: { type: 'boolean', title: 'Logo' },
      image: { type: 'string', gddType: 'file-path/image-path', title: 'Image', gddOptions: { extensions: ['png', 'jpg'] } },
    },
  },
  customActions: [{ id: 'highlight', name: 'Highlight', schema: null }],
});

const SPX_ALL = T.spxPage(`{
  "description": "Every SPX ftype", "out": "manual", "steps": "1", "dataformat": "json",
  "DataFields": [
    { "field": "f0", "ftype": "textfield", "title": "Name", "value": "Jane" },
    { "field": "f1", "ftype": "textarea", "title": "Lines", "value": "a" },
    { "field": "f2", "ftype": "dropdown", "title": "Side", "value": "left",
      "items": [{ "text": "Left", "value": "left" }, { "text": "Right", "value": "right" }] },
    { "field": "f3", "ftype": "number", "title": "Count", "value": "3" },
    { "field": "f4", "ftype": "checkbox", "title": "Logo", "value": "0" },
    { "field": "f5", "ftype": "color", "title": "Colour", "value": "#112233" },
    { "field": "f6", "ftype": "hidden", "title": "Secret", "value": "x" },
    { "ftype": "caption", "title": "A caption" }, { "ftype": "divider" },
    { "field": "f99", "ftype": "filelist", "title": "Theme", "extension": "css", "value": "./css/default.css" }
  ]
}`);

/**
 * The console's forms for outside templates, through the real server, the real
 * console and output pages in Chromium and a real templates folder: a form per
 * kind with the built-ins' inputs, values that reach the cue and the graphic, a
 * bad value refused on its field, and custom actions that reach the graphic.
 */
describe.skipIf(missing !== null)('outside template forms in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const ids: Record<string, string> = {};
  const cue = (cueId: string) => server.engine.showSnapshot().show.stacks[0]!.cues.find((c) => c.id === cueId)!;
  const open = async (cueId: string) => {
    await page.locator(`.stack-viewport [data-cue-id="${cueId}"]`).click();
    await page.locator(`.outside-cue[data-editing="${cueId}"]`).waitFor();
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-forms-'));
    await T.writeTemplate(dir, 'ograf/gdd/gdd.ograf.json', OGRAF_GDD);
    // The light-DOM fixture, made to record a custom action's payload too.
    const module = (await readFile(path.join(TEMPLATE_FIXTURES, 'ograf/lower-third/lower-third.mjs'), 'utf8')).replace(
      "async customAction({ id }) {\n    window.__calls.push('custom:' + id);",
      "async customAction({ id, payload }) {\n    window.__calls.push('custom:' + id + ':' + JSON.stringify(payload));",
    );
    expect(module).toContain('JSON.stringify(payload)');
    await T.writeTemplate(dir, 'ograf/gdd/graphic.mjs', module);
    await T.writeTemplate(dir, 'spx/all.html', SPX_ALL);
    await T.writeTemplate(dir, 'caspar/json-strap.html', await readFile(path.join(TEMPLATE_FIXTURES, 'casparcg/json-strap.html'), 'utf8'));
    server = await startTestServer({ show: SHOW, templateDirs: [dir] });
    const listed = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: { id: string; source: string }[] };
    for (const t of listed.templates) if (t.source) ids[t.source] = t.id;
    // The OGraf schema requires its name: a cue is added with one (a default is not a value, as ajv checks it).
    for (const [cueId, source, fields] of [
      ['ograf', 'ograf/gdd/gdd.ograf.json', { name: 'Name' }],
      ['spx', 'spx/all.html', {}],
      ['caspar', 'caspar/json-strap.html', {}],
    ] as const) {
      const added = await post(`${server.url}/api/command`, { type: 'add-cue', stackId: 'night', cueId, template: ids[source], fields });
      expect(added.json, `add-cue ${source}`).toMatchObject({ ok: true });
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}/`);
    await page.locator('[data-stack-id="night"] .stack-name').click();
    await page.getByRole('tab', { name: 'Cue' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('draws an OGraf schema with an input per GDD type, saves typed values, and refuses a bad one on its field', async () => {
    await open('ograf');
    const field = (key: string) => page.locator(`.outside-cue .form-field[data-field="${key}"]`);
    expect(await field('name').getAttribute('class')).toContain('kind-text');
    expect(await field('title').locator('textarea').count()).toBe(1);
    expect(await field('votes').getAttribute('class')).toContain('kind-number');
    expect(await field('share').locator('.field-help').textContent()).toMatch(/fraction/);
    expect(await field('hold').locator('.field-help').textContent()).toMatch(/milliseconds/);
    expect(await field('tint').locator('input[type="color"]').count()).toBe(1);
    expect(await field('side').locator('select option').allTextContents()).toEqual(['left', 'right']);
    expect(await field('logo').locator('input[type="checkbox"]').count()).toBe(1);
    expect(await field('image').locator('.field-help').textContent()).toBe('A file path (png, jpg)');

    await field('name').locator('input').fill('Grace Hopper');
    await field('name').locator('input').press('Enter');
    await field('votes').locator('input').fill('12,345');
    await field('votes').locator('input').press('Enter');
    await field('side').locator('select').selectOption('right');
    await field('logo').locator('input').check();
    await expect.poll(() => cue('ograf').fields).toMatchObject({ name: 'Grace Hopper', votes: 12345, side: 'right', logo: true });

    await field('votes').locator('input').fill('-5');
    await field('votes').locator('input').press('Enter');
    await expect.poll(() => field('votes').locator('.field-error').textContent()).toBe('must be >= 0');
    expect(cue('ograf').fields.votes).toBe(12345);
    await field('share').locator('input').fill('lots');
    await field('share').locator('input').press('Enter');
    await expect.poll(() => field('share').locator('.field-error').textContent()).toBe('"lots" is not a number');
    expect(cue('ograf').fields.share).toBeUndefined();
    await page.locator('.outside-cue').screenshot({ path: path.join(SHOTS, 'ograf-form.png') });
  });

  it('draws SPX ftypes as their inputs and saves SPX strings ("1" for a ticked box)', async () => {
    await open('spx');
    const field = (key: string) => page.locator(`.outside-cue .form-field[data-field="${key}"]`);
    expect(await field('f1').locator('textarea').count()).toBe(1);
    expect(await field('f2').locator('select option').allTextContents()).toEqual(['left', 'right']);
    expect(await field('f3').getAttribute('class')).toContain('kind-number');
    expect(await field('f5').locator('input[type="color"]').count()).toBe(1);
    expect(await field('f6').count()).toBe(0); // hidden: sent with its default, never shown
    expect(await field('f99').locator('input').inputValue()).toBe('./css/default.css');
    await field('f4').locator('input').check();
    await field('f3').locator('input').fill('7');
    await field('f3').locator('input').press('Enter');
    await expect.poll(() => cue('spx').fields).toMatchObject({ f4: '1', f3: '7' });
    await page.locator('.outside-cue').screenshot({ path: path.join(SHOTS, 'spx-form.png') });
  });

  it('gives a CasparCG page without a schema key/value rows, raw JSON and a JSON or XML choice', async () => {
    await open('caspar');
    await page.getByLabel('New key').fill('f0');
    await page.getByLabel('New key').press('Enter');
    await page.getByLabel('Value of f0').fill('Ada Lovelace');
    await page.getByLabel('Value of f0').press('Enter');
    await expect.poll(() => cue('caspar').fields.f0).toBe('Ada Lovelace');
    const raw = page.locator('.outside-cue textarea[data-field="(raw)"]');
    await raw.fill('{"f0": "Ada Lovelace", "f1": "Mathematician"}');
    await raw.blur();
    await expect.poll(() => cue('caspar').fields.f1).toBe('Mathematician');
    await page.getByLabel('Data for update()').selectOption('json');
    await expect.poll(() => cue('caspar').fields.dataFormat).toBe('json');
    await page.locator('.outside-cue').screenshot({ path: path.join(SHOTS, 'caspar-form.png') });

    const output = await openOutputPage(browser, server.url);
    await takeToAir(server.url, output, 'caspar', cue('caspar').layer);
    const frame = await graphicFrame(output, onLayer(cue('caspar').layer, 'caspar'));
    await callsReach(frame, ['update', 'play']);
    expect(await frame.locator('#f1').textContent()).toBe('Mathematician');
    await output.close();
  });

  it('puts OGraf custom actions on the on-air bar; the button and POST /api/command reach the graphic', async () => {
    const output = await openOutputPage(browser, server.url);
    const layer = cue('ograf').layer;
    await takeToAir(server.url, output, 'ograf', layer);
    const frame = await graphicFrame(output, onLayer(layer, 'ograf'));
    expect(await frame.locator('.name').textContent()).toBe('Grace Hopper');
    const button = page.locator(`[data-layer-row="${layer}"] button.custom-action[data-action="highlight"]`);
    await button.click();
    const played = ['load:realtime', 'play:1::anim'];
    await callsReach(frame, [...played, 'custom:highlight:null']);
    expect((await post(`${server.url}/api/command`, { type: 'custom-action', layer, action: 'highlight', payload: { n: 2 } })).status).toBe(200);
    await callsReach(frame, [...played, 'custom:highlight:null', 'custom:highlight:{"n":2}']);
    expect((await post(`${server.url}/api/command`, { type: 'custom-action', layer, action: 'nope' })).status).toBe(400);
    await page.locator('div.on-air:has(.on-air-bar)').screenshot({ path: path.join(SHOTS, 'on-air-actions.png') });
    await output.close();
  });
});
