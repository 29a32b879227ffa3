import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const cues = [
  { id: 'ep', title: 'Exit poll', template: 'exit-poll', layer: 'fullscreen', fields: {} },
  { id: 'st', title: 'State of the parties', template: 'seat-tally', layer: 'fullscreen', fields: {} },
  { id: 'hc', title: 'House of Commons', template: 'hemicycle', layer: 'fullscreen', fields: {} },
];
const show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'National', stacks: [{ id: 'national', name: 'National picture', cues }] };

/**
 * The national templates through the real server and the real output page:
 * take, every Next, an update on air (never a replayed in), live results while
 * on air for the bound ones, and out.
 */
describe.skipIf(missing !== null)('national templates on the output', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let night: { onsCode: string }[];

  beforeAll(async () => {
    night = JSON.parse(await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8')).seats;
    server = await startTestServer({ show });
    browser = await launchChromium();
    output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await output.addInitScript({ content: 'window.__name=(f)=>f;' });
    // Every phase a full-screen graphic passes through, as it happens (a busy machine may finish the in before a test looks).
    await output.addInitScript({
      content: `window.__phases = [];
        const seen = (el) => { if (el.dataset && el.dataset.layer === 'fullscreen') window.__phases.push(el.dataset.cueId + ':' + el.dataset.phase); };
        new MutationObserver((records) => { for (const r of records) {
          if (r.type === 'attributes') seen(r.target); else r.addedNodes.forEach(seen);
        } }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });`,
    });
    await output.goto(`${server.url}/output`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const graphic = () => output.locator('[data-layer="fullscreen"]');
  const text = (selector: string) => output.locator(`[data-layer="fullscreen"] ${selector}`).first().textContent();
  const seat = (code: string) => night.find((s) => s.onsCode === code)!;

  async function take(cueId: string, template: string): Promise<void> {
    // Each test starts from an empty full-screen layer, whatever the one before left.
    await post(`${server.url}/api/clear`, {});
    await output.waitForSelector('[data-layer="fullscreen"]', { state: 'detached' });
    await output.evaluate(() => ((window as unknown as { __phases: string[] }).__phases = []));
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
    expect((await post(`${server.url}/api/cue`, { cueId })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, {})).json).toMatchObject({ ok: true });
    await output.waitForSelector(`[data-layer="fullscreen"][data-cue-id="${cueId}"]`);
    expect(await graphic().getAttribute('data-template')).toBe(template);
    expect(await graphic().getAttribute('data-step')).toBe('1');
    await output.waitForSelector('[data-layer="fullscreen"][data-phase="on"]');
    // It played its in-animation, then settled on air.
    expect(await output.evaluate(() => (window as unknown as { __phases: string[] }).__phases)).toEqual([`${cueId}:in`, `${cueId}:on`]);
    // Marks this element: an update must keep it (a re-mount would replay the in).
    await graphic().evaluate((el) => (el.dataset.probe = 'same'));
  }

  async function stillOnAir(): Promise<void> {
    expect(await output.locator('[data-layer="fullscreen"]').count()).toBe(1);
    expect(await graphic().getAttribute('data-phase')).toBe('on');
    expect(await graphic().getAttribute('data-probe')).toBe('same');
  }

  async function out(): Promise<void> {
    expect((await post(`${server.url}/api/out`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector('[data-layer="fullscreen"][data-phase="out"]');
    await output.waitForSelector('[data-layer="fullscreen"]', { state: 'detached' });
  }

  const waitText = (selector: string, want: string) =>
    output.waitForFunction(([s, w]) => document.querySelector(`[data-layer="fullscreen"] ${s}`)?.textContent === w, [selector, want] as const);

  it('exit poll: reveals one party a Next, largest first, then moves the bars on an update', async () => {
    await take('ep', 'exit-poll');
    const shown = () => output.$$eval('[data-layer="fullscreen"] .ep-row', (rows) => rows.map((r) => getComputedStyle(r).visibility === 'visible'));
    expect(await shown()).toEqual([true, false, false, false, false, false, false, false]);
    expect(await text('.ep-name')).toBe('Labour');
    expect(await text('.ep-seats')).toBe('410');
    expect(await text('.ep-verdict-text')).toBe('LAB majority of 170');
    for (let step = 2; step <= 8; step++) {
      expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).json).toMatchObject({ ok: true });
      await output.waitForSelector(`[data-layer="fullscreen"][data-step="${step}"]`);
    }
    await output.waitForFunction(() => [...document.querySelectorAll('.ep-row')].every((r) => getComputedStyle(r).opacity === '1'));
    expect(await output.$$eval('.ep-row .ep-name', (els) => els.map((e) => e.textContent))).toEqual([
      'Labour',
      'Conservative',
      'Lib Dem',
      'Reform UK',
      'SNP',
      'Plaid Cymru',
      'Green',
      'Others',
    ]);
    // The same order: bars glide, figures count.
    const moved = [
      { party: 'lab', seats: 420, previous: 191 },
      { party: 'con', seats: 121, previous: 368 },
      { party: 'other', seats: 19 },
    ];
    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { parties: moved } })).status).toBe(200);
    await waitText('.ep-verdict-text', 'LAB majority of 190');
    await waitText('.ep-seats', '420');
    await stillOnAir();
    // A new running order: rows cross-fade to the 2019 poll, all still revealed.
    const poll2019 = [
      { party: 'lab', seats: 191 },
      { party: 'con', seats: 368 },
      { party: 'snp', seats: 55 },
    ];
    await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { parties: poll2019, time: '22:01' } });
    await waitText('.ep-name', 'Conservative');
    await waitText('.ep-verdict-text', 'CON majority of 86');
    await waitText('.ep-time', '22:01');
    await stillOnAir();
    await out();
  });

  it('seat tally: counts a declaration while on air and follows a region change', async () => {
    await take('st', 'seat-tally');
    expect(await text('.st-declared-n')).toBe('0');
    expect(await text('.st-verdict-text')).toBe('Awaiting the first declaration');
    expect((await post(`${server.url}/api/results`, seat('E14001425'))).status).toBe(200); // Peterborough, Lab gain
    await waitText('.st-col[data-party="lab"] .st-seats', '1');
    await waitText('.st-col[data-party="lab"] .st-change', '+1');
    await waitText('.st-col[data-party="con"] .st-change', '\u22121');
    await waitText('.st-declared-n', '1');
    await waitText('.st-verdict-text', 'LAB need 325 more');
    await stillOnAir();
    await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { region: 'W92000004' } });
    await waitText('.st-area', 'Wales');
    await waitText('.st-declared-of', 'of 32 declared');
    await waitText('.st-declared-n', '0');
    await stillOnAir();
    await out();
  });

  it('hemicycle: colours a seat as it declares, and the whole night in one import', async () => {
    expect((await post(`${server.url}/api/results`, seat('E14001425'))).status).toBe(200); // Peterborough (already in, if the tally ran)
    await take('hc', 'hemicycle');
    const parties = () => output.$$eval('.hc-svg circle', (cs) => cs.map((c) => (c as SVGElement).dataset.party));
    const before = await parties();
    expect(before).toHaveLength(650);
    expect(before.filter((p) => p === 'lab')).toHaveLength(1); // Peterborough
    expect(before.filter((p) => p === 'pending')).toHaveLength(649);
    expect((await post(`${server.url}/api/results`, seat('E14001174'))).status).toBe(200); // Clacton, Reform gain
    await output.waitForFunction(() => document.querySelectorAll('.hc-svg circle[data-party="reform"]').length === 1);
    await waitText('.hc-declared-n', '2');
    await stillOnAir();
    const file = await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8');
    const res = await fetch(`${server.url}/api/import?format=strapline-json&name=ge2024.json`, { method: 'POST', body: file });
    expect(res.status).toBe(200);
    await waitText('.hc-declared-n', '650');
    await waitText('.hc-verdict-text', 'LAB majority of 174');
    // A bulk change fades the new arc in over the old one, which then goes.
    await output.waitForFunction(() => document.querySelectorAll('.hc-svg').length === 1);
    const after = await parties();
    expect(after.filter((p) => p === 'lab')).toHaveLength(411);
    expect(after.filter((p) => p === 'con')).toHaveLength(121);
    expect(after.slice(-121).every((p) => p === 'con')).toBe(true);
    const fill = await output.$eval('.hc-svg circle', (c) => getComputedStyle(c).fill);
    expect(fill).toBe('rgb(228, 0, 59)'); // Labour red, from the palette
    await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { title: 'The new House' } });
    await waitText('.hc-title', 'The new House');
    await stillOnAir();
    await out();
  });
});
