import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { DEMO_SHOW, REFERENCE_DIR } from '../../main/server/headless';
import { importStraplineResultsJson } from '../../main/engine/import';
import type { CommandResult } from '../../main/engine/protocol';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const MOST_STEPS = [...TEMPLATE_DEFINITIONS].sort((a, b) => b.steps - a.steps)[0]!;

/** The demo show, plus a stack with every template's demo cue, so every drawing is seen. */
async function producerShow(): Promise<unknown> {
  const show = JSON.parse(await readFile(DEMO_SHOW, 'utf8'));
  const cues = TEMPLATE_DEFINITIONS.map((t) => ({ id: `every-${t.id}`, title: `Every: ${t.name}`, template: t.id, layer: t.layer, fields: t.demo }));
  show.stacks.push({ id: 'every-template', name: 'Every template', cues });
  return show;
}

describe('GET /api/producer', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer({ show: await producerShow() })));
  afterAll(async () => server?.stop());

  it('lists every stack and cue with the view it would draw now, and answers 304 while nothing changed', async () => {
    const res = await fetch(`${server.url}/api/producer`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const { show } = server.engine.showSnapshot();
    expect(body.stacks.map((s: { id: string }) => s.id)).toEqual(show.stacks.map((s) => s.id));
    const every = body.stacks.find((s: { id: string }) => s.id === 'every-template');
    for (const def of TEMPLATE_DEFINITIONS) {
      const cue = every.cues.find((c: { id: string }) => c.id === `every-${def.id}`);
      expect(cue, def.id).toMatchObject({ template: def.id, templateName: def.name, layer: def.layer, steps: def.steps });
      expect({ view: cue.view }).toEqual(server.engine.viewOf(`every-${def.id}`));
    }
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${server.url}/api/producer`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    server.engine.dispatch({ type: 'edit-cue', cueId: 'wa-teetering', title: 'Edited' });
    const after = await fetch(`${server.url}/api/producer`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(JSON.stringify(await after.json())).toContain('"title":"Edited"');
  });

  it('refuses anything but GET and changes nothing', async () => {
    const revision = server.engine.programSnapshot().revision;
    const res = await fetch(`${server.url}/api/producer`, { method: 'POST', body: JSON.stringify({ type: 'take', cueId: 'wa-teetering' }) });
    expect(res.status).toBe(405);
    expect(server.engine.programSnapshot().revision).toBe(revision);
  });
});

/**
 * The producer view in Chromium against the real server: thumbnails, the
 * full-size preview, and above all that it never sends a command. Every
 * dispatch the engine sees is recorded; the test's own changes go round it.
 */
describe.skipIf(missing !== null)('the producer view', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let act: (command: unknown) => CommandResult;
  const seen: unknown[] = [];
  const requests: { method: string; url: string }[] = [];
  const sockets: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ show: await producerShow() });
    const engine = server.engine;
    act = engine.dispatch.bind(engine);
    engine.dispatch = (input: unknown) => (seen.push(input), act(input));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${server.url}/producer`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cueButton = (cueId: string) => page.locator(`button[data-cue-id="${cueId}"]`);

  it('shows every stack with a thumbnail of each cue, drawn by its template', async () => {
    const { show } = server.engine.showSnapshot();
    expect(await page.locator('.producer-stack-name').allTextContents()).toEqual(
      show.stacks.map((s) => `${s.name}${s.cues.length === 1 ? '1 cue' : `${s.cues.length} cues`}`),
    );
    for (const cue of show.stacks.flatMap((s) => s.cues)) {
      const button = cueButton(cue.id);
      expect(await button.getAttribute('aria-label'), cue.id).toContain(cue.title);
      expect(await button.locator(`.producer-thumb .stage [data-template="${cue.template}"][data-phase="on"]`).count(), cue.id).toBe(1);
    }
    expect(await page.locator('.still-missing').count()).toBe(0);
  });

  it('opens a full-size preview from the keyboard and steps through it', async () => {
    const id = `every-${MOST_STEPS.id}`;
    await cueButton(id).focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.producer-preview[open]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-cue-id')).toBe(id);
    const stage = dialog.locator('.stage');
    expect(await stage.evaluate((el: HTMLElement) => [el.offsetWidth, el.offsetHeight])).toEqual([1920, 1080]);
    // Fitted to the dialog, yet most of the page's width: a real preview, not another thumbnail.
    expect((await stage.boundingBox())!.width).toBeGreaterThan(1200);
    const graphic = () => dialog.locator(`.stage [data-template="${MOST_STEPS.id}"]`);
    expect(await graphic().getAttribute('data-step')).toBe('1');
    // At step 1 the preview draws exactly what the thumbnail does, inline styles and all.
    const thumb = cueButton(id).locator(`.stage [data-template="${MOST_STEPS.id}"]`);
    expect(await graphic().evaluate((el) => el.outerHTML)).toBe(await thumb.evaluate((el) => el.outerHTML));
    expect(await dialog.locator('.producer-step').count()).toBe(MOST_STEPS.steps);
    if (MOST_STEPS.steps > 1) {
      await dialog.getByRole('button', { name: 'Step 2' }).click();
      expect(await graphic().getAttribute('data-step')).toBe('2');
      expect(await dialog.getByRole('button', { name: 'Step 2' }).getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press(String(MOST_STEPS.steps));
      expect(await graphic().getAttribute('data-step')).toBe(String(MOST_STEPS.steps));
      await page.keyboard.press('ArrowLeft');
      expect(await graphic().getAttribute('data-step')).toBe(String(MOST_STEPS.steps - 1));
    }
    await page.keyboard.press('Escape');
    await page.locator('dialog.producer-preview[open]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cueId)).toBe(id);
  });

  it('follows show edits and new results, redrawing only the thumbnails whose drawing changed', async () => {
    const cues = TEMPLATE_DEFINITIONS.map((t) => `every-${t.id}`);
    const before = new Map(cues.map((id) => [id, JSON.stringify(server.engine.viewOf(id))]));
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('.still-frame').forEach((f) => (f.dataset.probe = 'old')));
    expect(act({ type: 'edit-cue', cueId: 'wa-teetering', title: 'Tories hanging on in Wales' }).ok).toBe(true);
    const results = await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8');
    const imported = importStraplineResultsJson(results, 'ge2024-results.json');
    expect(act({ type: 'declare-results', source: 'producer test', seats: imported.rows }).ok).toBe(true);
    const revision = String(server.engine.resultsSnapshot().resultsRevision);
    await page.waitForFunction((r) => document.body.dataset.resultsRevision === r, revision, { timeout: 10_000 });
    expect(await cueButton('wa-teetering').textContent()).toContain('Tories hanging on in Wales');
    for (const id of cues) {
      const changed = JSON.stringify(server.engine.viewOf(id)) !== before.get(id);
      const probe = await cueButton(id).locator('.still-frame').getAttribute('data-probe');
      expect(probe, `${id}: ${changed ? 'its view changed, so it is redrawn' : 'unchanged, so it is kept'}`).toBe(changed ? null : 'old');
    }
  });

  it('passes a ?token= on to its API calls', async () => {
    const other = await browser.newPage();
    const asked: string[] = [];
    other.on('request', (r) => asked.push(r.url()));
    await other.goto(`${server.url}/producer?token=abc123`);
    await other.waitForFunction(() => document.body.dataset.ready === '1');
    expect(asked.filter((u) => u.includes('/api/')).every((u) => new URL(u).searchParams.get('token') === 'abc123')).toBe(true);
    expect(asked.some((u) => u.includes('/api/producer'))).toBe(true);
    await other.close();
  });

  it('shows what is on air beside the stacks, drawn by the output renderer, and follows takes, steps, the mark and outs', async () => {
    const panel = page.locator('aside.producer-on-air');
    const row = (layer: string) => panel.locator(`[data-on-air-layer="${layer}"] .producer-on-air-what`);
    expect(await row('fullscreen').textContent()).toBe('clear');
    // Beside the stacks, not under them: the panel and the first stack share the top of the page.
    const [board, aside] = [await page.locator('#board').boundingBox(), await panel.boundingBox()];
    expect(aside!.x).toBeGreaterThan(board!.x + board!.width - 1);
    expect(aside!.y).toBeLessThan(200);

    const id = `every-${MOST_STEPS.id}`;
    expect(act({ type: 'cue', cueId: id }).ok).toBe(true);
    expect(act({ type: 'take', cueId: id }).ok).toBe(true);
    expect(act({ type: 'next', layer: MOST_STEPS.layer }).ok).toBe(true);
    const onStage = panel.locator(`.stage [data-layer="${MOST_STEPS.layer}"][data-cue-id="${id}"]`);
    await onStage.waitFor({ timeout: 10_000 });
    expect(await onStage.getAttribute('data-phase')).toBe('on');
    expect(await onStage.getAttribute('data-step')).toBe('2');
    expect(await row(MOST_STEPS.layer).textContent()).toBe(`Every: ${MOST_STEPS.name} · step 2 of ${MOST_STEPS.steps}`);
    // What the operator only previews is not on air, and the producer's panel does not show it.
    expect(act({ type: 'cue', cueId: 'every-strap' }).ok).toBe(true);
    expect(act({ type: 'set-mode', mode: 'rehearsal' }).ok).toBe(true);
    await panel.locator('[data-rehearsal-mark]:not([hidden])').waitFor({ timeout: 10_000 });
    expect(await panel.locator('.stage [data-layer="lower-third"]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/producer-on-air-1920.png' });

    expect(act({ type: 'set-mode', mode: 'live' }).ok).toBe(true);
    expect(act({ type: 'clear-all' }).ok).toBe(true);
    await onStage.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await panel.locator('[data-rehearsal-mark]').isHidden()).toBe(true);
    expect(await row(MOST_STEPS.layer).textContent()).toBe('clear');
  });

  it('never made a control request: no command reached the engine, no POST, no socket', async () => {
    expect(seen).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const paths = new Set(requests.map((r) => new URL(r.url).pathname));
    expect([...paths].filter((p) => p !== '/producer' && p !== '/api/producer' && p !== '/api/producer/on-air' && !p.startsWith('/assets/'))).toEqual([]);
    expect(sockets).toEqual([]);
    expect(server.engine.programSnapshot().program).toEqual({});
  });
});
