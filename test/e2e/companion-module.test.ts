import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW, WEB_ROOT, startHeadless, type Headless } from '../../main/server/headless';
import { post, startTestServer, type TestServer } from '../support/server';
import { CompanionHostStandIn } from '../support/companion-host';
import { chromiumMissingReason, launchChromium } from '../support/chromium';

const missing = chromiumMissingReason();
if (missing) console.warn(`console half of the Companion e2e skipped: ${missing}`);

// The Companion module (companion/) against the real Strapline server on a loopback port. Bitfocus Companion itself
// cannot be installed here, so its host is stood in (test/support/companion-host.ts): the module runs as Companion
// runs it, its built entry point in a child process over Node IPC, through @companion-module/base's own InstanceBase.

const FEEDBACKS: Record<string, [string, Record<string, string>]> = {
  landslideOnAir: ['cue_on_air', { cueId: 'ep-landslide' }],
  landslidePreview: ['cue_in_preview', { cueId: 'ep-landslide' }],
  lowerThirdBusy: ['layer_occupied', { layer: 'lower-third' }],
  lowerThirdText: ['on_air_text', { layer: 'lower-third' }],
};

let host: CompanionHostStandIn | null = null;
let server: TestServer | null = null;
afterEach(async () => {
  await host?.stop();
  await server?.stop();
  host = server = null;
});

async function moduleOn(port: number, token = ''): Promise<CompanionHostStandIn> {
  const standIn = new CompanionHostStandIn();
  await standIn.init({ host: '127.0.0.1', port, token });
  await standIn.placeFeedbacks(FEEDBACKS);
  await standIn.waitFor('the connection', () => standIn.variables.get('connection') === 'connected');
  return standIn;
}

describe('Companion module against the real server', () => {
  it('lights the buttons and sets the variables when the console cues and takes', async () => {
    server = await startTestServer();
    host = await moduleOn(server.server.port);
    const h = host;
    await h.waitFor('the presets', () => h.presets.some((p) => p.category === 'Stack: Wales'));
    // Feedback values reach the host a few ms after the presets (the base batches them): waited for, not assumed.
    await h.waitFor('the first feedback values', () => h.feedbackValues.has('landslideOnAir') && h.feedbackValues.has('lowerThirdText'));
    expect(h.feedbackValues.get('landslideOnAir')).toBe(false);
    expect(h.feedbackValues.get('lowerThirdText')).toEqual({ text: 'LOWER-THIRD\nOFF' });

    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-landslide' })).status).toBe(200);
    await h.waitFor('preview feedback', () => h.feedbackValues.get('landslidePreview') === true);
    expect(h.variables.get('preview_cue')).toBe('ep-landslide');
    expect(h.feedbackValues.get('landslideOnAir')).toBe(false);

    expect((await post(`${server.url}/api/take`, { cueId: 'ep-landslide' })).status).toBe(200);
    await h.waitFor('on-air feedback', () => h.feedbackValues.get('landslideOnAir') === true);
    const title = server.engine.programSnapshot().program['lower-third']!.title;
    await h.waitFor('the on-air title variable', () => h.variables.get('lower_third_title') === title);
    expect(h.feedbackValues.get('lowerThirdBusy')).toBe(true);
    expect(h.feedbackValues.get('lowerThirdText')).toEqual({ text: title });
    expect(h.variables.get('lower_third_step')).toBe(1);
    expect(h.variables.get('seats_declared')).toBe(0);
    expect(h.variables.get('corrections_waiting')).toBe(0);

    expect((await post(`${server.url}/api/clear`, {})).status).toBe(200);
    await h.waitFor('the button to go dark', () => h.feedbackValues.get('landslideOnAir') === false && h.feedbackValues.get('lowerThirdBusy') === false);
    expect(h.variables.get('lower_third_title')).toBe('');
  });

  it('drives the engine from the buttons, and refuses what cannot be done without changing anything', async () => {
    // The engine's clock is injected and moved on between takes: a second take on a layer within 200 ms is refused.
    let clock = Date.now();
    server = await startTestServer({ now: () => clock });
    host = await moduleOn(server.server.port);
    const program = () => server!.engine.programSnapshot();
    const later = () => (clock += 1000);

    expect(await host.press('cue_position', { stack: 'Wales', position: 2 })).toMatchObject({ success: true });
    expect(program().preview?.cueId).toBe('wa-teetering');
    expect(await host.press('take', { cueId: '' })).toMatchObject({ success: true });
    expect(program().program['lower-third']?.cueId).toBe('wa-teetering');

    later();
    expect(await host.press('take', { cueId: 'ep-landslide' })).toMatchObject({ success: true });
    expect(program().program['lower-third']?.cueId).toBe('ep-landslide');
    expect(await host.press('out', { layer: 'lower-third' })).toMatchObject({ success: true });
    expect(program().program['lower-third']).toBeUndefined();

    later();
    expect(await host.press('take', { cueId: 'ep-east-turns' })).toMatchObject({ success: true });
    expect(await host.press('clear_all', {})).toMatchObject({ success: true });
    expect(program().program).toEqual({});

    const before = program().revision;
    const refused = await host.press('cue_position', { stack: 'Wales', position: 99 });
    expect(refused.success).toBe(false);
    expect(refused.errorMessage).toMatch(/stack "Wales" has \d+ cues, not a cue 99/);
    const noCorrection = await host.press('accept_correction', {});
    expect(noCorrection).toMatchObject({ success: false, errorMessage: 'accept correction: no correction is waiting' });
    const unknownCue = await host.press('cue', { cueId: 'no-such-cue' });
    expect(unknownCue.success).toBe(false);
    expect(unknownCue.errorMessage).toMatch(/^cue: /);
    expect(program().revision).toBe(before);
  });

  it('reconnects with backoff after the server restarts, and resyncs to what the new server has on air', async () => {
    let first: Headless | null = await startHeadless({ showPath: DEMO_SHOW, host: '127.0.0.1', port: 0, asRunPath: '', webRoot: WEB_ROOT });
    const port = first.server.port;
    let second: Headless | null = null;
    try {
      host = await moduleOn(port);
      const h = host;
      await first.engine.commit({ type: 'cue', cueId: 'ep-landslide' });
      await first.engine.commit({ type: 'take', cueId: 'ep-landslide' });
      await h.waitFor('on air before the restart', () => h.feedbackValues.get('landslideOnAir') === true);

      await first.close();
      first = null;
      // Down, the module forgets: no button stays lit for a graphic that may have gone meanwhile.
      await h.waitFor('the link to drop', () => h.variables.get('connection') === 'reconnecting' && h.feedbackValues.get('landslideOnAir') === false);
      expect(h.status?.status).toBe('connection_failure');
      // Each failed try waits longer: 250 ms, 500 ms, 1000 ms (companion/src/link.ts, backoffMs).
      const waits = () => h.logs.flatMap((l) => /trying again in (\d+) ms/.exec(l.message)?.[1] ?? []).map(Number);
      await h.waitFor('three tries with backoff', () => waits().length >= 3);
      expect(waits().slice(0, 3)).toEqual([250, 500, 1000]);

      second = await startHeadless({ showPath: DEMO_SHOW, host: '127.0.0.1', port, asRunPath: '', webRoot: WEB_ROOT });
      await second.engine.commit({ type: 'cue', cueId: 'ep-east-turns' });
      await second.engine.commit({ type: 'take', cueId: 'ep-east-turns' });
      const title = second.engine.programSnapshot().program['lower-third']!.title;
      await h.waitFor('the resync', () => h.variables.get('connection') === 'connected' && h.variables.get('lower_third_title') === title);
      expect(h.feedbackValues.get('landslideOnAir')).toBe(false);
      expect(h.status?.status).toBe('ok');
    } finally {
      await first?.close();
      await host?.stop();
      host = null;
      await second?.close();
    }
  });

  it('open to the network: refused without the control token, and in control with it', async () => {
    server = await startTestServer({ host: '0.0.0.0' });
    const { control, readOnly } = server.access!.tokens;
    const port = server.server.port;

    const withoutToken = new CompanionHostStandIn();
    try {
      await withoutToken.init({ host: '127.0.0.1', port, token: '' });
      await withoutToken.waitFor('the refusal', () => withoutToken.status?.status === 'authentication_failure');
      expect(withoutToken.status?.message).toMatch(/refused the token \(HTTP 401\)/);
    } finally {
      await withoutToken.stop();
    }

    // The read-only token is for watching: the server refuses it the control stream, and the module says which token to give.
    const watcher = new CompanionHostStandIn();
    try {
      await watcher.init({ host: '127.0.0.1', port, token: readOnly });
      await watcher.waitFor('the refusal', () => watcher.status?.status === 'authentication_failure');
      expect(watcher.status?.message).toMatch(/HTTP 403\): give the control token/);
      expect((await watcher.press('take', { cueId: 'ep-landslide' })).success).toBe(false);
      expect(server.engine.programSnapshot().preview).toBeNull();
    } finally {
      await watcher.stop();
    }

    host = await moduleOn(port, control);
    const h = host;
    expect(await h.press('take', { cueId: 'ep-landslide' })).toMatchObject({ success: true });
    await h.waitFor('on-air feedback', () => h.feedbackValues.get('landslideOnAir') === true);
  });

  it.skipIf(missing !== null)('a take from the console page lights the button, and a take from the button shows in the console', async () => {
    server = await startTestServer();
    host = await moduleOn(server.server.port);
    const h = host;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.addInitScript({ content: 'window.__name=(f)=>f;' });
      await page.goto(`${server.url}/`);
      await page.click('[data-cue-id="ep-landslide"]');
      await h.waitFor('preview feedback from the console', () => h.feedbackValues.get('landslidePreview') === true);
      await page.keyboard.press('Space');
      await h.waitFor('on-air feedback from the console', () => h.feedbackValues.get('landslideOnAir') === true);

      // The other way: a button's out shows in the console's layer table.
      await page.locator('[data-layer-row="lower-third"].live').waitFor();
      expect(await h.press('out', { layer: 'lower-third' })).toMatchObject({ success: true });
      await h.waitFor('the button to go dark', () => h.feedbackValues.get('landslideOnAir') === false);
      await page.locator('[data-layer-row="lower-third"]:not(.live)').waitFor();
      expect(await page.locator('[data-layer-row="lower-third"] .layer-what').textContent()).toBe('clear');
    } finally {
      await browser.close();
    }
  });
});
