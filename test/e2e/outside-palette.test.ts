import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import * as T from '../support/outside-templates';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SHOW: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Outside palette', stacks: [{ id: 'night', name: 'Night', cues: [] }] };

/**
 * The console's palette learns the registry from the server: outside templates
 * beside the built-ins, marked by kind, with their problems, and one dropped
 * into the folder during the show appears in an open palette without a reload.
 * Real server, real folder, real console page in Chromium.
 */
describe.skipIf(missing !== null)('outside templates in the console palette', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const item = (source: string) => page.locator(`.palette-item.outside[title="${source}"]`);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-palette-'));
    await T.writeTemplate(dir, 'spx/strap.html', T.SPX_TWO_STEP);
    await T.writeTemplate(dir, 'ograf/broken/broken.ograf.json', '{\n  "name": "Broken"\n');
    server = await startTestServer({ show: SHOW, templateDirs: [dir] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.locator('[data-stack-id="night"] .stack-name').click();
    await page.getByRole('tab', { name: 'Cue' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists them marked by kind, a broken one with its problem and not pickable, and a new one appears live', async () => {
    await page.getByRole('button', { name: '+ Cue' }).click();
    await item('spx/strap.html').waitFor();
    expect(await item('spx/strap.html').getAttribute('data-kind')).toBe('spx');
    await expect
      .poll(() => item('ograf/broken/broken.ograf.json').locator('.palette-problem').textContent())
      .toMatch(/broken\.ograf\.json:3:1: not valid JSON/);
    expect(await item('ograf/broken/broken.ograf.json').getAttribute('aria-disabled')).toBe('true');
    await T.writeTemplate(dir, 'caspar/inline.html', T.CASPAR_INLINE);
    await item('caspar/inline.html').waitFor({ timeout: 10_000 });
    expect(await item('caspar/inline.html').getAttribute('data-kind')).toBe('casparcg');
    await item('caspar/inline.html').scrollIntoViewIfNeeded();
    await page.locator('.palette-menu').screenshot({ path: path.join(os.tmpdir(), 'strapline-outside-palette.png') });
  });

  it('a pick adds a cue of it, and its form has a box per schema property that saves to the engine', async () => {
    await item('spx/strap.html').click();
    const id = (await (await fetch(`${server.url}/api/templates`)).json()).templates.find((t: { source: string }) => t.source === 'spx/strap.html')
      .id as string;
    await expect.poll(() => server.engine.showSnapshot().show.stacks[0]!.cues.map((c) => c.template)).toEqual([id]);
    const cueId = server.engine.showSnapshot().show.stacks[0]!.cues[0]!.id;
    await page.locator(`.stack-viewport [data-cue-id="${cueId}"]`).click();
    const box = page.locator('.outside-cue .form-field[data-field="f0"] input');
    await box.fill('Grace Hopper');
    await box.press('Enter');
    await expect.poll(() => server.engine.showSnapshot().show.stacks[0]!.cues[0]!.fields.f0).toBe('Grace Hopper');
    await page.locator('.outside-cue').screenshot({ path: path.join(os.tmpdir(), 'strapline-outside-cue-form.png') });
  });
});
