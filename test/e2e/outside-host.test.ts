import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { openOutputPage } from '../support/output-page';
import { SnapshotScript, callsReach, fixtureHost, graphicFrame, onLayer, outsideView, startOutsideStage, type OutsideStage } from '../support/outside-stage';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * The output's host for outside graphics, in the real output page in Chromium,
 * with the real template file handler serving the conformance templates in
 * test/fixtures/templates. The engine is stood in for (see outside-stage.ts):
 * the snapshots are the ones it sends for a cue, a take, a next, an update, a
 * custom action and an out.
 */
describe.skipIf(missing !== null)('an OGraf graphic is preloaded, taken, stepped, updated, reloaded and taken out', () => {
  let stage: OutsideStage;
  let browser: Browser;
  let output: Page;
  /** What the page and its frames logged: how a call made just before a frame goes is seen. */
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

  it(
    'light DOM: load at preload with the data, hidden; play only at the take; update; custom action; ' +
      'reload at its step with skipAnimation; stop then dispose',
    async () => {
      const script = new SnapshotScript();
      const host = fixtureHost('ograf', 'ograf/lower-third/lower-third.mjs');
      const view = outsideView(host, { name: 'Jo Bloggs', title: 'Returning Officer' });
      stage.send(script.snapshot({ cueId: 'og', template: 'test-lower-third', layer: 'lower-third', fields: {}, view }));
      await output.waitForSelector('[data-preload="og"][data-outside-state="loaded"]', { state: 'attached' });
      let frame = await graphicFrame(output, '[data-preload="og"]');
      expect(await callsReach(frame, ['load:realtime'])).toEqual(['load:realtime']);
      expect(await frame.evaluate(() => Number(getComputedStyle(document.querySelector('.box')!).opacity))).toBe(0);

      script.onAir('lower-third', 'og', 'test-lower-third', view);
      stage.send(script.snapshot());
      await output.waitForSelector(`${onLayer('lower-third', 'og')}[data-template="test-lower-third"][data-step="1"][data-outside-state="playing"]`);
      // The take reused the preloaded frame: no second load.
      expect(await callsReach(frame, ['load:realtime', 'play:1::anim'])).toEqual(['load:realtime', 'play:1::anim']);
      await frame.waitForFunction(() => Number(getComputedStyle(document.querySelector('.box')!).opacity) === 1);
      await output.waitForSelector(`${onLayer('lower-third', 'og')}[data-phase="on"]`);

      script.change('lower-third', { updateSeq: 1, view: outsideView(host, { name: 'Sam Smith', title: 'Candidate' }) });
      stage.send(script.snapshot());
      await callsReach(frame, ['load:realtime', 'play:1::anim', 'update']);
      await frame.waitForFunction(() => document.querySelector('.name')!.textContent === 'Sam Smith');

      script.change('lower-third', { customAction: { seq: 1, id: 'flash', payload: null } });
      stage.send(script.snapshot());
      await callsReach(frame, ['load:realtime', 'play:1::anim', 'update', 'custom:flash']);

      // A reloaded output: a fresh load with the data on air now, put back with skipAnimation, the custom action not replayed.
      await output.reload();
      await output.waitForSelector(`${onLayer('lower-third', 'og')}[data-outside-state="playing"][data-phase="on"]`);
      frame = await graphicFrame(output, onLayer('lower-third', 'og'));
      expect(await callsReach(frame, ['load:realtime', 'play:1::skip'])).toEqual(['load:realtime', 'play:1::skip']);
      expect(await frame.evaluate(() => document.querySelector('.name')!.textContent)).toBe('Sam Smith');

      script.clear('lower-third');
      stage.send(script.snapshot());
      await output.waitForSelector(`${onLayer('lower-third', 'og')}[data-phase="out"]`, { state: 'attached' });
      await output.waitForSelector(onLayer('lower-third', 'og'), { state: 'detached' });
      // Removed only after the out ended and the graphic was disposed.
      expect(said.filter((t) => t.startsWith('ograf-call'))).toEqual(['ograf-call stop', 'ograf-call dispose']);
    },
  );

  it('open shadow root, a relative import(), dynamic steps, a custom action with its payload; a reload replays the steps with skipAnimation', async () => {
    const script = new SnapshotScript();
    const host = fixtureHost('ograf', 'ograf/shadow-steps/shadow-steps.mjs', { steps: -1 });
    const view = outsideView(host, { headline: 'Turnout' });
    stage.send(script.snapshot({ cueId: 'sh', template: 'test-steps', layer: 'fullscreen', fields: {}, view }));
    await output.waitForSelector('[data-preload="sh"][data-outside-state="loaded"]', { state: 'attached' });
    script.onAir('fullscreen', 'sh', 'test-steps', view);
    stage.send(script.snapshot());
    await output.waitForSelector(`${onLayer('fullscreen', 'sh')}[data-outside-state="playing"]`);
    for (const step of [2, 3]) {
      script.change('fullscreen', { step });
      stage.send(script.snapshot());
      await output.waitForSelector(`${onLayer('fullscreen', 'sh')}[data-step="${step}"]`);
    }
    script.change('fullscreen', { customAction: { seq: 4, id: 'highlight', payload: { colour: 'rgb(200, 150, 0)' } } });
    stage.send(script.snapshot());
    let frame = await graphicFrame(output, onLayer('fullscreen', 'sh'));
    await callsReach(frame, ['load', 'play:0:anim', 'play:1:anim', 'play:2:anim', 'custom:highlight:{"colour":"rgb(200, 150, 0)"}']);
    const line = () => frame.evaluate(() => document.querySelector('body > *')!.shadowRoot!.querySelector('.line')!.textContent);
    expect(await line()).toBe('Turnout · 3');

    await output.reload();
    await output.waitForSelector(`${onLayer('fullscreen', 'sh')}[data-step="3"][data-outside-state="playing"]`);
    frame = await graphicFrame(output, onLayer('fullscreen', 'sh'));
    expect(await callsReach(frame, ['load', 'play:0:skip', 'play:1:skip', 'play:2:skip'])).toHaveLength(4);
    expect(await line()).toBe('Turnout · 3');
    script.clear('fullscreen');
    stage.send(script.snapshot());
    await output.waitForSelector(onLayer('fullscreen', 'sh'), { state: 'detached' });
    expect(stage.stray).toEqual([]);
  });
});
