import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importResults } from '../../main/engine/import';
import { SHOW_FORMAT_VERSION } from '../../main/engine/show';
import type { SeatResult } from '../../main/engine/election';
import { REFERENCE_DIR, REPO_ROOT } from '../../main/server/headless';
import { needleAngle } from '../../overlays/graphics/swingometer/dial';
import type { SwingometerView } from '../../main/templates/swingometer/bind';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const PETERBOROUGH = 'E14001425';
const WATFORD = 'E14001568';
const EAST = 'E12000006';
const cue = (id: string, template: string, fields: Record<string, unknown>) => ({ id, title: id, template, layer: 'fullscreen', fields });
const show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Seats',
  stacks: [
    {
      id: 'seats',
      name: 'Seats',
      cues: [
        cue('sr', 'seat-result', { constituency: PETERBOROUGH }),
        cue('ts', 'target-seats', { party: 'lab', region: EAST }),
        cue('sw', 'swingometer', { from: 'con', to: 'lab', source: 'results' }),
      ],
    },
  ],
};

/** The seat templates on the real output page, driven through the real server's HTTP API. */
describe.skipIf(missing !== null)('seat templates on air: take, step, update, live results, out', () => {
  let server: TestServer;
  let browser: Browser;
  let output: Page;
  let night: readonly SeatResult[];
  const root = () => output.locator('[data-layer="fullscreen"]');
  const text = (selector: string) => root().locator(selector).first().textContent();
  const view = () => server.engine.programSnapshot().program.fullscreen!.view;

  beforeAll(async () => {
    const file = path.join(REFERENCE_DIR, 'ge2024-results.json');
    night = importResults(await readFile(file, 'utf8'), file, 'strapline-json').rows;
    server = await startTestServer({ show });
    // A partial night: the East of England in, except Peterborough and Watford.
    const constituencies = JSON.parse(await readFile(path.join(REFERENCE_DIR, 'constituencies.json'), 'utf8')).constituencies as {
      onsCode: string;
      regionCode: string;
    }[];
    const east = new Set(constituencies.filter((c) => c.regionCode === EAST).map((c) => c.onsCode));
    const seats = night.filter((s) => east.has(s.onsCode) && s.onsCode !== PETERBOROUGH && s.onsCode !== WATFORD);
    expect(server.engine.dispatch({ type: 'declare-results', source: 'setup', seats }).ok).toBe(true);
    browser = await launchChromium();
    output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await output.addInitScript({ content: 'window.__name=(f)=>f;' });
    await output.goto(`${server.url}/output`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function take(cueId: string, template: string) {
    expect((await post(`${server.url}/api/cue`, { cueId })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, {})).json).toMatchObject({ ok: true });
    await output.waitForSelector(`[data-layer="fullscreen"][data-cue-id="${cueId}"]`);
    expect(await root().getAttribute('data-template')).toBe(template);
    expect(await root().getAttribute('data-step')).toBe('1');
    await output.waitForSelector(`[data-cue-id="${cueId}"][data-phase="on"]`);
    // A mark on the element: an update that rebuilt the graphic (a replayed in) would lose it.
    await root().evaluate((el) => void (el.dataset.mark = 'first'));
  }

  async function next(step: number) {
    expect((await post(`${server.url}/api/next`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector(`[data-layer="fullscreen"][data-step="${step}"]`);
  }

  async function stillOnAir() {
    expect(await root().count()).toBe(1);
    expect(await root().getAttribute('data-phase')).toBe('on');
    expect(await root().getAttribute('data-mark')).toBe('first');
  }

  async function takeOut() {
    expect((await post(`${server.url}/api/out`, { layer: 'fullscreen' })).status).toBe(200);
    await output.waitForSelector('[data-layer="fullscreen"][data-phase="out"]');
    await output.waitForSelector('[data-layer="fullscreen"]', { state: 'detached' });
    await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
  }

  const waitText = (selector: string, expected: string) =>
    output.waitForFunction(([s, t]) => document.querySelector(`[data-layer="fullscreen"] ${s}`)?.textContent === t, [selector, expected] as const);

  it('seat result: awaits Peterborough, flashes the gain when it declares on air, then the full result', async () => {
    await take('sr', 'seat-result');
    expect(await text('.sr-verdict-text')).toBe('AWAITING DECLARATION');
    expect(await root().getAttribute('data-state')).toBe('pending');

    // The declaration arrives with candidates (Commons Library file), through POST /api/results.
    const csv = (await readFile(path.resolve(REPO_ROOT, '../shared/data/ge2024-candidate-results.csv'), 'utf8')).split('\n');
    const [seat] = importResults([csv[0]!, ...csv.filter((l) => l.startsWith(`${PETERBOROUGH},`))].join('\n'), 'c.csv', 'commons-candidate').rows;
    expect((await post(`${server.url}/api/results`, seat)).status).toBe(200);
    await waitText('.sr-verdict-text', 'LAB GAIN FROM CON');
    await waitText('[data-part="majority"]', '118');
    expect(await text('.sr-mp')).toBe('Andrew Pakes');
    expect(await text('[data-part="swing"]')).toBe('2.6%');
    expect(await root().getAttribute('data-state')).toBe('declared');
    await stillOnAir();

    await next(2);
    await output.waitForFunction(() => document.querySelectorAll('[data-layer="fullscreen"] .sr-row:not(.is-empty)').length === 6);
    expect(await text('.sr-party')).toBe('Labour');
    await waitText('[data-part="bar0-share"]', '32.0%');
    // Candidates by name, each with their party.
    expect(await text('.sr-candidate')).toBe('Andrew Pakes');
    expect(await root().locator('.sr-row:not(.is-empty) .sr-party').allTextContents()).toEqual([
      'Labour',
      'Conservative',
      'Reform UK',
      'Workers Party',
      'Green',
      '',
    ]);

    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { bars: 3 } })).status).toBe(200);
    await output.waitForFunction(() => document.querySelectorAll('[data-layer="fullscreen"] .sr-row:not(.is-empty)').length === 3);
    await waitText('[data-part="bar2-name"]', 'Others');
    await stillOnAir();
    await takeOut();
  });

  it('target seats: Watford turns to LAB GAIN on air, pages step on, a new region rewrites the board', async () => {
    await take('ts', 'target-seats');
    expect(await text('[data-part="r0-seat"]')).toBe('Watford');
    expect(await text('[data-part="r0-status"]')).toBe('TO DECLARE');
    const gainsBefore = Number(await text('[data-part="gains"]'));

    const watford = night.find((s) => s.onsCode === WATFORD);
    expect((await post(`${server.url}/api/results`, watford)).status).toBe(200);
    await waitText('[data-part="r0-status"]', 'LAB GAIN');
    await waitText('[data-part="gains"]', String(gainsBefore + 1));
    await stillOnAir();

    await next(2);
    await next(3);
    // Pages off screen are content-visibility: hidden (not laid out or painted at all).
    const visible = (n: number) =>
      root()
        .locator(`.ts-page:nth-child(${n})`)
        .evaluate((el) => getComputedStyle(el).contentVisibility);
    await expect.poll(() => visible(3)).toBe('visible');
    expect(await visible(1)).toBe('hidden');
    expect(await root().locator('.ts-page:nth-child(3) .ts-page-no').textContent()).toBe('Page 3 of 3');

    // Wales has 14 Labour targets: two pages, so step 3 now shows page 2.
    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { region: 'W92000004' } })).status).toBe(200);
    await waitText('[data-part="subtitle"]', 'Wales');
    await expect.poll(() => visible(2)).toBe('visible');
    expect(await visible(3)).toBe('hidden');
    // Same words, new figure: it counts to it in place (updates move only what changed).
    await expect.poll(() => root().locator('.ts-page:nth-child(2) .ts-page-no').textContent()).toBe('Page 2 of 2');
    await stillOnAir();
    await takeOut();
  });

  it('swingometer: the needle moves on air as a seat declares, then a what-if swing turns it the other way', async () => {
    const needle = () =>
      root()
        .locator('.sw-needle')
        .evaluate((el) => {
          const m = new DOMMatrix(getComputedStyle(el).transform);
          return (Math.atan2(m.b, m.a) * 180) / Math.PI;
        });
    await take('sw', 'swingometer');
    const before = view() as SwingometerView;
    expect(before.swing).not.toBeNull();
    expect(await text('.sw-figure')).toBe(`${before.swing!.toFixed(1)}%`);
    await expect.poll(needle).toBeCloseTo(needleAngle(before.swing, before.range), 1);

    const welsh = night.find((s) => s.onsCode.startsWith('W07'));
    expect((await post(`${server.url}/api/results`, welsh)).status).toBe(200);
    const after = view() as SwingometerView;
    expect(after.swing).not.toBe(before.swing);
    await waitText('.sw-figure', `${after.swing!.toFixed(1)}%`);
    // The seat figures are a projection, said so, with the real change beside them.
    await waitText('[data-part="to-note"]', `at this swing \u00b7 actual +${after.actual!.to}`);
    await expect.poll(needle).toBeCloseTo(needleAngle(after.swing, after.range), 1);
    await stillOnAir();

    await next(2);
    await expect
      .poll(() =>
        root()
          .locator('.sw-panel')
          .evaluate((el) => getComputedStyle(el).opacity),
      )
      .toBe('1');
    expect(await text('[data-part="l0-name"]')).toBe(after.lastToFall[0]!.name);

    expect((await post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { source: 'fixed', swing: -4 } })).status).toBe(200);
    await waitText('.sw-figure', '4.0%');
    expect(await text('.sw-direction')).toBe('LAB to CON');
    await expect.poll(needle).toBeCloseTo(needleAngle(-4, 15), 1);
    await stillOnAir();
    await takeOut();
  });

  /** Every element matched whose text runs past its box (clipped or spilling), by its text. */
  const overflowing = (selector: string) =>
    root()
      .locator(selector)
      .evaluateAll((els) =>
        els
          .filter((el) => el.textContent !== '' && getComputedStyle(el).display !== 'none')
          .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > el.parentElement!.getBoundingClientRect().right + 1)
          .map((el) => el.textContent),
      );

  it('seat result: SPEAKER RE-ELECTED for Chorley, Northern Ireland by name, and the longest names of 2024 inside their boxes', async () => {
    const sr = (code: string) => post(`${server.url}/api/command`, { type: 'update', layer: 'fullscreen', fields: { constituency: code, bars: 7 } });
    const declare = async (codes: string[]) => {
      const seats = night.filter((seat) => codes.includes(seat.onsCode));
      expect((await post(`${server.url}/api/command`, { type: 'declare-results', source: 'test', seats })).status).toBe(200);
    };
    await declare(['E14001170', 'N05000009', 'E14001283', 'N05000002']);
    await take('sr', 'seat-result');
    expect((await sr('E14001170')).status).toBe(200);
    await waitText('.sr-verdict-text', 'SPEAKER RE-ELECTED');
    expect(await text('.sr-mp')).toBe('Lindsay Hoyle');
    expect(await text('[data-part="swing"]')).toBe('\u2013');
    expect(await text('[data-part="swing-dir"]')).toBe('No two-party swing');
    await next(2);
    await waitText('[data-part="bar2-label"]', 'Democracy for Chorley');
    expect(await overflowing('.sr-verdict-text, .sr-mp, .sr-candidate, .sr-party, .sr-who')).toEqual([]);

    expect((await sr('N05000009')).status).toBe(200);
    await waitText('.sr-verdict-text', 'ALLIANCE GAIN FROM DUP');
    expect(await text('.sr-mp')).toBe('Sorcha-Lucy Eastwood');
    expect(await text('[data-part="swing-dir"]')).toBe('DUP to ALLIANCE');
    expect(await overflowing('.sr-verdict-text, .sr-mp, .sr-candidate, .sr-party, .sr-who')).toEqual([]);

    // Hertford and Stortford: the longest winner's name of 2024 (Joshua Robert Abraham Dean).
    expect((await sr('E14001283')).status).toBe(200);
    await waitText('.sr-mp', 'Joshua Robert Abraham Dean');
    expect(await overflowing('.sr-verdict-text, .sr-mp, .sr-candidate, .sr-party, .sr-who')).toEqual([]);

    // The longest candidates' names and party names of 2024 (real names, votes made up so they
    // place in the rows shown: no real seat puts them all on one board).
    const names: [string, string, string][] = [
      ['Prince Ankit Love Emperor of India', 'ind', 'Independent'],
      ['Nick the Incredible Flying Brick', 'mrlp', 'Official Monster Raving Loony Party'],
      ['Fred Wing Commander (RTD) Ramsey', 'ind', 'Independent'],
      ['Bharatkumar Ishverbhai Patel', 'tusc', 'Trade Unionist and Socialist Coalition'],
      ['Hamilton Action-Man Kingsley', 'sdlp', 'Social Democratic and Labour Party'],
      ['Andrew Fieldsend-Roxborough', 'sf', 'Sinn Féin'],
    ];
    const candidates = names.map(([name, partyId, partyName], i) => ({ name, partyId, partyName, votes: 6000 - i * 500 }));
    const partyVotes: Record<string, number> = {};
    for (const c of candidates) partyVotes[c.partyId] = (partyVotes[c.partyId] ?? 0) + c.votes;
    const validVotes = candidates.reduce((n, c) => n + c.votes, 0);
    const made = { onsCode: 'N05000002', revision: 9, state: 'declared', validVotes, partyVotes, candidates };
    expect((await post(`${server.url}/api/command`, { type: 'declare-results', source: 'test', seats: [made] })).status).toBe(200);
    expect((await post(`${server.url}/api/command`, { type: 'accept-correction', onsCode: 'N05000002' })).status).toBe(200);
    expect((await sr('N05000002')).status).toBe(200);
    await waitText('.sr-mp', 'Prince Ankit Love Emperor of India');
    await waitText('[data-part="bar1-label"]', 'Official Monster Raving Loony Party');
    expect(await overflowing('.sr-verdict-text, .sr-mp, .sr-candidate, .sr-party, .sr-who')).toEqual([]);
    await stillOnAir();
    await takeOut();
  });

  it('target seats: SPEAKER RE-ELECTED and SINN FÉIN fit their chips', async () => {
    const seats = night.filter((seat) => ['E14001170', 'N05000009', 'N05000002'].includes(seat.onsCode));
    expect((await post(`${server.url}/api/command`, { type: 'declare-results', source: 'test', seats })).status).toBe(200);
    expect(
      (
        await post(`${server.url}/api/command`, {
          type: 'edit-cue',
          cueId: 'ts',
          fields: { party: 'alliance', seats: ['E14001170', 'N05000009', 'N05000002', 'N05000018'] },
        })
      ).status,
    ).toBe(200);
    await take('ts', 'target-seats');
    await waitText('[data-part="r0-status"]', 'SPEAKER RE-ELECTED');
    expect(await root().locator('.ts-page:nth-child(1) .ts-row:not(.is-empty) .ts-chip').allTextContents()).toEqual([
      'SPEAKER',
      'DUP',
      'SINN FÉIN',
      'SINN FÉIN',
    ]);
    // A chip too wide pushes the columns before it out of line with the other rows (or spills out of its own).
    const spills = await root().evaluate((board) => {
      const rows = [...board.querySelectorAll('.ts-page:nth-child(1) .ts-row:not(.is-empty)')];
      const edge = (row: Element, column: string) => row.querySelector(`.${column}`)!.getBoundingClientRect().right;
      const usual = (column: string) => rows.map((row) => edge(row, column)).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
      return rows
        .filter(
          (row) =>
            ['ts-holder', 'ts-maj', 'ts-swing'].some((column) => Math.abs(edge(row, column) - usual(column)) > 1) ||
            row.querySelector('.ts-chip')!.getBoundingClientRect().right > edge(row, 'ts-holder') + 1,
        )
        .map((row) => row.querySelector('.ts-result')!.textContent);
    });
    expect(spills).toEqual([]);
    await takeOut();
  });
});
