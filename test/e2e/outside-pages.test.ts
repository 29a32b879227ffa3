import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage } from '../support/output-page';
import { SnapshotScript, callsReach, fixtureHost, graphicFrame, onLayer, outsideView, startOutsideStage, type OutsideStage } from '../support/outside-stage';
import type { Layer } from '../../main/engine/show';
import type { OutsideHost } from '../../main/templates/outside/contract';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * CasparCG HTML and SPX pages in the output's host: the bridge the template
 * file handler injects drives the page's globals. Real output page, real
 * handler, real Chromium; the engine stood in for (test/support/outside-stage.ts).
 */
describe.skipIf(missing !== null)('CasparCG and SPX pages are driven through their globals', () => {
  let stage: OutsideStage;
  let browser: Browser;
  let output: Page;
  const said: string[] = [];

  beforeAll(async () => {
    stage = await startOutsideStage();
    browser = await launchChromium();
    output = await openOutputPage(browser, stage.url);
    output.on('console', (m) => said.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await stage?.close();
  });

  /** Cue (preload), then take; returns the graphic's frame once the take has been made. */
  async function cueAndTake(script: SnapshotScript, layer: Layer, cueId: string, host: OutsideHost, data: Record<string, unknown>, preloadCalls: string[]) {
    const view = outsideView(host, data);
    stage.send(script.snapshot({ cueId, template: `test-${cueId}`, layer, fields: {}, view }));
    await output.waitForSelector(`[data-preload="${cueId}"][data-outside-state="loaded"]`, { state: 'attached' });
    const frame = await graphicFrame(output, `[data-preload="${cueId}"]`);
    expect(await callsReach(frame, preloadCalls)).toEqual(preloadCalls);
    script.onAir(layer, cueId, `test-${cueId}`, view);
    stage.send(script.snapshot());
    await output.waitForSelector(`${onLayer(layer, cueId)}[data-outside-state="playing"]`);
    return frame;
  }

  it('JSON only, update before play required: update at preload, play at the take, next, update, stop then remove', async () => {
    const script = new SnapshotScript();
    const host = fixtureHost('casparcg', 'casparcg/json-strap.html');
    const frame = await cueAndTake(script, 'lower-third', 'cj', host, { f0: 'Jo Bloggs', f1: 'Labour' }, ['update']);
    await callsReach(frame, ['update', 'play']);
    await frame.waitForFunction(() => Number(getComputedStyle(document.getElementById('strap')!).opacity) === 1);
    script.change('lower-third', { step: 2 });
    stage.send(script.snapshot());
    await callsReach(frame, ['update', 'play', 'next']);
    script.change('lower-third', { updateSeq: 1, view: outsideView(host, { f0: 'Sam Smith', f1: 'Reform UK' }) });
    stage.send(script.snapshot());
    await callsReach(frame, ['update', 'play', 'next', 'update']);
    expect(await frame.evaluate(() => document.getElementById('f0')!.textContent)).toBe('Sam Smith');
    script.clear('lower-third');
    stage.send(script.snapshot());
    await output.waitForSelector(onLayer('lower-third', 'cj'), { state: 'detached' });
    // Removed only once the CSS out had ended (the bridge waits for the page to go quiet), then remove() was called.
    expect(said.filter((t) => t.startsWith('casparcg-call'))).toEqual(['casparcg-call stop', 'casparcg-call remove']);
  });

  it('XML only: the data goes as templateData XML', async () => {
    const script = new SnapshotScript();
    const frame = await cueAndTake(
      script,
      'bug',
      'cx',
      fixtureHost('casparcg', 'casparcg/xml-only.html', { dataFormat: 'xml' }),
      { f0: 'Tom & "Jerry"', f1: '<b>' },
      ['update'],
    );
    await callsReach(frame, ['update', 'play']);
    expect(await frame.evaluate(() => [document.getElementById('f0')!.textContent, document.getElementById('f1')!.textContent])).toEqual([
      'Tom & "Jerry"',
      '<b>',
    ]);
    expect(await output.$eval(onLayer('bug', 'cx'), (el) => el.dataset.fault ?? null)).toBeNull();
    script.clear('bug');
    stage.send(script.snapshot());
    await output.waitForSelector(onLayer('bug', 'cx'), { state: 'detached' });
  });

  it('a page that takes both, drawing on a canvas; a webcg-style page that dispatches every call later', async () => {
    const script = new SnapshotScript();
    const canvas = await cueAndTake(
      script,
      'fullscreen',
      'cb',
      fixtureHost('casparcg', 'casparcg/both.html', { dataFormat: 'xml' }),
      { f0: 'Canvas', f1: 'strap' },
      ['update'],
    );
    await callsReach(canvas, ['update', 'play']);
    // The canvas has been drawn: some pixel of its panel is opaque.
    await canvas.waitForFunction(() => (document.getElementById('c') as HTMLCanvasElement).getContext('2d')!.getImageData(1100, 900, 1, 1).data[3] === 255);
    const webcg = await cueAndTake(script, 'ticker', 'cw', fixtureHost('casparcg', 'casparcg/webcg-async.html'), { f0: 'Async' }, ['update']);
    await callsReach(webcg, ['update', 'play']);
    await webcg.waitForFunction(() => document.getElementById('t')!.textContent === 'Async' && document.getElementById('t')!.style.opacity === '1');
    script.clear('fullscreen');
    script.clear('ticker');
    stage.send(script.snapshot());
    await output.waitForSelector('.outside-host', { state: 'detached' });
  });

  it('SPX: nothing at preload (its update starts the in), update then play at the take, the f99 theme applied, out by itself after `out` ms', async () => {
    const script = new SnapshotScript();
    const host = fixtureHost('spx', 'spx/spx-strap.html', { spxOut: 2000 });
    const frame = await cueAndTake(script, 'lower-third', 'sx', host, { f0: 'Alex Doe', f1: 'Green', f99: './themes/blue.css' }, []);
    await callsReach(frame, ['update', 'in', 'play']);
    await frame.waitForFunction(() => getComputedStyle(document.getElementById('gfx')!).backgroundColor === 'rgb(21, 101, 192)');
    expect(await frame.evaluate(() => document.getElementById('name')!.textContent)).toBe('Alex Doe');
    // No snapshot changes: the host takes it out at 2000 ms, as SPX does.
    await output.waitForSelector(`${onLayer('lower-third', 'sx')}[data-outside-state="stopped"]`, { state: 'attached', timeout: 6000 });
    expect(said).toContain('spx-call stop');
    expect(await frame.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(['update', 'in', 'play', 'stop', 'out']);
    script.clear('lower-third');
    stage.send(script.snapshot());
    await output.waitForSelector(onLayer('lower-third', 'sx'), { state: 'detached' });
    expect(stage.stray).toEqual([]);
  });
});
