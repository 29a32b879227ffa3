import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Layer, type Show } from '../../main/engine/show';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage } from '../support/output-page';
import { TEMPLATE_FIXTURES, callsReach, graphicFrame, onLayer } from '../support/outside-stage';
import { post, startTestServer, type TestServer } from '../support/server';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(os.tmpdir(), `strapline-${name}.png`) });

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SHOW: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Outside end to end', stacks: [{ id: 'night', name: 'Night', cues: [] }] };

/**
 * The whole path of an outside template, with nothing stood in: the real
 * headless server on a loopback port watching a temporary copy of the
 * conformance templates, the registry found through GET /api/templates, cues
 * added with add-cue and driven through POST /api/command, and the real
 * /output page in Chromium drawing each graphic in its sandboxed frame.
 */
describe.skipIf(missing !== null)('outside templates from the folder to the air', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let dir: string;
  const said: string[] = [];

  const command = (body: Record<string, unknown>) => post(`${server.url}/api/command`, body);
  const program = async () => (await (await fetch(`${server.url}/api/state`)).json()).program as Record<Layer, { cueId: string; step: number } | null>;
  const templateId = async (source: string) => {
    const { templates } = (await (await fetch(`${server.url}/api/templates`)).json()) as {
      templates: { id: string; source: string | null; usable: boolean }[];
    };
    const found = templates.find((t) => t.source === source);
    return found?.usable ? found.id : undefined;
  };
  async function addCue(source: string, cueId: string, fields: Record<string, unknown>, layer?: Layer): Promise<void> {
    const template = await templateId(source);
    expect(template, `${source} listed`).toBeDefined();
    const added = await command({ type: 'add-cue', stackId: 'night', template, cueId, fields, ...(layer ? { layer } : {}) });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
  }
  async function cueAndTake(cueId: string): Promise<void> {
    expect((await command({ type: 'cue', cueId })).status).toBe(200);
    await output.waitForSelector(`[data-preload="${cueId}"][data-outside-state="loaded"]`, { state: 'attached' });
    // Past the minimum take interval, measured from the last take.
    await expect.poll(async () => (await command({ type: 'take', cueId })).status, { interval: 100 }).toBe(200);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-e2e-templates-'));
    await cp(TEMPLATE_FIXTURES, dir, { recursive: true });
    server = await startTestServer({ show: SHOW, templateDirs: [dir] });
    browser = await launchChromium();
    output = await openOutputPage(browser, server.url);
    output.on('console', (m) => said.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('OGraf: listed, added, cued, taken and drawn in its frame, stepped, updated, a custom action, reloaded at its step, out and disposed', async () => {
    await addCue('ograf/shadow-steps/shadow-steps.ograf.json', 'og-steps', { headline: 'Turnout' }, 'fullscreen');
    await cueAndTake('og-steps');
    const on = onLayer('fullscreen', 'og-steps');
    await output.waitForSelector(`${on}[data-step="1"][data-outside-state="playing"]`);
    let frame = await graphicFrame(output, on);
    const line = () => frame.evaluate(() => document.querySelector('body > *')?.shadowRoot?.querySelector('.line')?.textContent ?? null);
    await expect.poll(line).toBe('Turnout · 1');

    expect((await command({ type: 'next', layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector(`${on}[data-step="2"]`);
    await expect.poll(line).toBe('Turnout · 2');

    expect((await command({ type: 'update', layer: 'fullscreen', fields: { headline: 'Majority' } })).status).toBe(200);
    await expect.poll(line).toBe('Majority · 2');

    expect((await command({ type: 'custom-action', layer: 'fullscreen', action: 'highlight', payload: { colour: 'rgb(200, 150, 0)' } })).status).toBe(200);
    await expect
      .poll(() => frame.evaluate(() => (window as unknown as { __calls: string[] }).__calls.at(-1)))
      .toBe('custom:highlight:{"colour":"rgb(200, 150, 0)"}');
    await shot(output, 'outside-e2e-ograf-on-air');

    await output.reload();
    await output.waitForSelector(`${on}[data-step="2"][data-outside-state="playing"]`);
    frame = await graphicFrame(output, on);
    // Back at its step without an in, and the custom action not replayed.
    expect(await callsReach(frame, ['load', 'play:0:skip', 'play:1:skip'])).toHaveLength(3);
    await expect.poll(line).toBe('Majority · 2');

    said.length = 0;
    expect((await command({ type: 'out', layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector(on, { state: 'detached' });
    expect((await program()).fullscreen ?? null).toBeNull();
  });

  it('SPX with an out in ms: update then play at the take, and after that time the graphic and the engine both take it off', async () => {
    await addCue('spx/spx-strap.html', 'spx-auto', { f0: 'Ada Lovelace', f1: 'Returning Officer' }, 'lower-third');
    await cueAndTake('spx-auto');
    const on = onLayer('lower-third', 'spx-auto');
    await output.waitForSelector(`${on}[data-outside-state="playing"]`);
    const frame = await graphicFrame(output, on);
    await callsReach(frame, ['update', 'in', 'play']);
    await expect.poll(() => frame.evaluate(() => document.getElementById('name')!.textContent)).toBe('Ada Lovelace');
    // f99 went with its default, so the theme sheet is applied.
    expect(await frame.evaluate(() => document.getElementById('f99')!.innerText)).toBe('./themes/blue.css');
    expect((await program())['lower-third']?.cueId).toBe('spx-auto');
    await shot(output, 'outside-e2e-spx-on-air');
    // The definition's "out": "2000": program and picture agree that it left.
    await expect.poll(async () => (await program())['lower-third'] ?? null, { timeout: 6000 }).toBeNull();
    await output.waitForSelector(on, { state: 'detached' });
  });

  it('a template dropped into the folder during the run is listed and plays', async () => {
    await cp(path.join(TEMPLATE_FIXTURES, 'casparcg/json-strap.html'), path.join(dir, 'late/late-strap.html'), { recursive: true });
    await expect.poll(() => templateId('late/late-strap.html'), { timeout: 10_000 }).toBeDefined();
    await addCue('late/late-strap.html', 'cg-late', { f0: 'Late strap', f1: 'dropped in' }, 'lower-third');
    await cueAndTake('cg-late');
    const on = onLayer('lower-third', 'cg-late');
    await output.waitForSelector(`${on}[data-outside-state="playing"]`);
    const frame = await graphicFrame(output, on);
    await callsReach(frame, ['update', 'play']);
    await expect.poll(() => frame.evaluate(() => document.getElementById('f0')!.textContent)).toBe('Late strap');
    expect((await command({ type: 'out', layer: 'lower-third' })).status).toBe(200);
    await output.waitForSelector(on, { state: 'detached' });
  });

  it('a bound field updates on air when its seat declares', async () => {
    const bind = { f0: { seat: 'E14001425', value: 'verdict' }, f1: { seat: 'E14001425', value: 'majority' } };
    await addCue('casparcg/json-strap.html', 'cg-bound', { f0: 'Awaiting Peterborough', f1: '', bind }, 'lower-third');
    await cueAndTake('cg-bound');
    const on = onLayer('lower-third', 'cg-bound');
    await output.waitForSelector(`${on}[data-outside-state="playing"]`);
    const frame = await graphicFrame(output, on);
    const text = () => frame.evaluate(() => document.getElementById('strap')!.textContent);
    await expect.poll(text).toContain('Awaiting Peterborough');
    const seat = { onsCode: 'E14001425', revision: 1, state: 'declared', validVotes: 40000, partyVotes: { lab: 18000, con: 15000, ref: 7000 } };
    expect((await post(`${server.url}/api/results`, seat)).status).toBe(200);
    await expect.poll(text).toBe('LAB GAIN FROM CON 3000');
    // An update, not a second in.
    expect(await callsReach(frame, ['update', 'play', 'update'])).toEqual(['update', 'play', 'update']);
    await shot(output, 'outside-e2e-bound');
    expect((await command({ type: 'out', layer: 'lower-third' })).status).toBe(200);
    await output.waitForSelector(on, { state: 'detached' });
  });

  it('the producer view names outside cues from the registry, with their steps', async () => {
    const { stacks } = (await (await fetch(`${server.url}/api/producer`)).json()) as {
      stacks: { cues: { id: string; templateName: string; steps: number }[] }[];
    };
    const cues = new Map(stacks[0]!.cues.map((c) => [c.id, c]));
    expect(cues.get('og-steps')).toMatchObject({ templateName: 'Test steps (shadow DOM, dynamic steps, no schema)', steps: -1 });
    expect(cues.get('spx-auto')).toMatchObject({ templateName: 'Test strap: steps as a string, out in ms, f99 theme', steps: 1 });
  });

  it('the console names outside cues in the stack from the registry', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.locator('[data-stack-id="night"] .stack-name').click();
    const meta = page.locator('.stack-viewport [data-cue-id="og-steps"] .cue-meta');
    await expect.poll(() => meta.textContent()).toMatch(/^Test steps \(shadow DOM, dynamic steps, no schema\) · full\s?screen/);
    await page.locator('.stack-viewport').screenshot({ path: path.join(os.tmpdir(), 'strapline-outside-e2e-cue-rows.png') });
    await page.close();
  });
});

/**
 * Open to the network, every request needs a token, but template files are
 * served without one (README, On air safety: the frame is sandboxed and holds
 * no token to send). An output holding only the read-only token must still
 * play an outside graphic: its page, its socket and the template's files.
 */
describe.skipIf(missing !== null)('an outside graphic on an output with the read-only token', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-e2e-token-templates-'));
    await cp(path.join(TEMPLATE_FIXTURES, 'ograf/lower-third'), path.join(dir, 'ograf/lower-third'), { recursive: true });
    server = await startTestServer({ show: SHOW, host: '0.0.0.0', templateDirs: [dir] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is drawn in its frame when taken, and the API without a token is still refused', async () => {
    const base = `http://127.0.0.1:${server.server.port}`;
    const { control, readOnly } = server.access!.tokens;
    const auth = { authorization: `Bearer ${control}` };
    expect((await fetch(`${base}/api/templates`)).status).toBe(401);
    const { templates } = (await (await fetch(`${base}/api/templates`, { headers: auth })).json()) as { templates: { id: string; source: string | null }[] };
    const template = templates.find((t) => t.source === 'ograf/lower-third/lower-third.ograf.json')!.id;
    expect(
      (
        await post(
          `${base}/api/command`,
          { type: 'add-cue', stackId: 'night', template, cueId: 'og-token', fields: { name: 'Jo Bloggs', title: 'Agent' } },
          auth,
        )
      ).status,
    ).toBe(200);

    const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await output.addInitScript({ content: 'window.__name = (f) => f;' });
    await output.goto(`${base}/output?token=${readOnly}&key=0b1220`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
    expect((await post(`${base}/api/command`, { type: 'cue', cueId: 'og-token' }, auth)).status).toBe(200);
    await output.waitForSelector('[data-preload="og-token"][data-outside-state="loaded"]', { state: 'attached' });
    expect((await post(`${base}/api/command`, { type: 'take', cueId: 'og-token' }, auth)).status).toBe(200);
    const on = onLayer('lower-third', 'og-token');
    await output.waitForSelector(`${on}[data-outside-state="playing"][data-phase="on"]`);
    const frame = await graphicFrame(output, on);
    await frame.waitForFunction(() => Number(getComputedStyle(document.querySelector('.box')!).opacity) === 1);
    expect(await frame.evaluate(() => document.querySelector('.name')!.textContent)).toBe('Jo Bloggs');
    await shot(output, 'outside-e2e-read-only-token');
  });
});
