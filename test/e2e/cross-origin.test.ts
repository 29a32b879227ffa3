import { createServer, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { post, startTestServer, type TestServer } from '../support/server';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/**
 * A web page from another origin, open in the operator's own browser, tries to
 * drive the air: fetch, a no-cors fetch, a form post, a beacon and a WebSocket
 * to the loopback server. All are refused and nothing on air changes. Then the
 * same attempts from our own page succeed, so the refusals are about origin.
 */
describe.skipIf(missing !== null)('a page from another origin cannot take or clear graphics', () => {
  let server: TestServer;
  let evil: Server;
  let evilUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    // Another site: any port other than ours is another origin.
    evil = createServer((_req, res) => res.end('<!doctype html><title>cat pictures</title><p>nothing to see</p>'));
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
    expect((await post(`${server.url}/api/cue`, { cueId: 'wa-teetering' })).status).toBe(200);
    expect((await post(`${server.url}/api/take`, {})).status).toBe(200);
    expect((await post(`${server.url}/api/cue`, { cueId: 'ep-landslide' })).status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.addInitScript({ content: 'window.__name=(f)=>f;' });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => evil?.close(r));
    await server?.stop();
  });

  /** Every way a page can send a request somewhere else; each reports what it saw. */
  async function attack(target: string): Promise<Record<string, string>> {
    return page.evaluate(async (base) => {
      const seen: Record<string, string> = {};
      const attempt = async (name: string, go: () => Promise<unknown>) => {
        try {
          seen[name] = `resolved ${String(await go())}`;
        } catch (e) {
          seen[name] = `failed ${(e as Error).message}`;
        }
      };
      await attempt('fetch take', () =>
        fetch(`${base}/api/take`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status),
      );
      await attempt('no-cors clear', () => fetch(`${base}/api/clear`, { method: 'POST', mode: 'no-cors', body: '{}' }).then((r) => r.type));
      await attempt('no-cors command', () =>
        fetch(`${base}/api/command`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"type":"clear-all"}' }).then(
          (r) => r.type,
        ),
      );
      await attempt('beacon', async () => navigator.sendBeacon(`${base}/api/clear`, '{}'));
      await attempt('read state', () => fetch(`${base}/api/state`).then((r) => r.status));
      await attempt(
        'websocket',
        () =>
          new Promise((resolve, reject) => {
            const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?role=console`);
            ws.onopen = () => {
              ws.send(JSON.stringify({ id: 1, command: { type: 'clear-all' } }));
              setTimeout(() => resolve('opened and sent clear-all'), 300);
            };
            ws.onerror = () => reject(new Error('refused'));
          }),
      );
      // A form post navigates a frame: the classic cross-site request forgery.
      await attempt(
        'form',
        () =>
          new Promise((resolve) => {
            const frame = document.createElement('iframe');
            frame.name = 'sink';
            document.body.append(frame);
            const form = document.createElement('form');
            Object.assign(form, { method: 'POST', action: `${base}/api/clear`, target: 'sink', enctype: 'text/plain' });
            document.body.append(form);
            frame.onload = () => resolve('submitted');
            form.submit();
          }),
      );
      return seen;
    }, target);
  }

  it('every attempt from another origin is refused, and the air is as it was', async () => {
    const before = server.engine.programSnapshot();
    const asRun = await readFile(server.asRunPath, 'utf8');
    for (const origin of [evilUrl, evilUrl.replace('127.0.0.1', 'localhost')]) {
      await page.goto(origin);
      const seen = await attack(server.url);
      expect(seen['fetch take']).toMatch(/^failed/);
      expect(seen['read state']).toMatch(/^failed/);
      expect(seen.websocket).toBe('failed refused');
      // The rest are fire-and-forget: the proof is that nothing changed.
      expect(Object.keys(seen)).toHaveLength(7);
    }
    expect(server.engine.programSnapshot().revision).toBe(before.revision);
    expect(server.engine.programSnapshot().program).toEqual(before.program);
    expect(server.engine.programSnapshot().preview?.cueId).toBe('ep-landslide');
    expect(await readFile(server.asRunPath, 'utf8')).toBe(asRun);
  });

  it('the same requests from our own page do reach the engine', async () => {
    await page.goto(`${server.url}/output`);
    const seen = await attack(server.url);
    expect(seen['fetch take']).toBe('resolved 200');
    expect(seen.websocket).toBe('resolved opened and sent clear-all');
    await expect.poll(() => server.engine.programSnapshot().program).toEqual({});
  });

  /** Raw bytes, because fetch and browsers tidy ../ away before sending. */
  function rawGet(target: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(server.server.port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  it.each([
    '/../../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2f..%2fpackage.json',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/%2e%2e%5c%2e%2e%5cpackage.json',
    '/..\\..\\package.json',
    '/%252e%252e/%252e%252e/package.json',
    '/output/../../../../../../etc/passwd',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/renderer/%00../../package.json',
  ])('refuses to serve %s from outside the pages folder', async (target) => {
    const reply = await rawGet(target);
    expect(reply).toMatch(/^HTTP\/1\.1 (400|403|404)/);
    expect(reply).not.toMatch(/"name": "strapline"|root:x:0:0/);
  });
});

/** Opened to the network: the pages work with the tokens in their URLs, and not without. */
describe.skipIf(missing !== null)('open to the network, pages carry their tokens', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer({ host: '0.0.0.0' });
    base = `http://127.0.0.1:${server.server.port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a console with the control token takes; an output with the read-only token shows it; neither works without', async () => {
    const { control, readOnly } = server.access!.tokens;
    const bare = await browser.newPage();
    expect((await bare.goto(`${base}/output`))!.status()).toBe(401);
    expect((await bare.goto(`${base}/?token=${readOnly}`))!.status()).toBe(403);
    const output = await browser.newPage();
    await output.goto(`${base}/output?token=${readOnly}`);
    await output.waitForFunction(() => document.body.dataset.connection === 'open');
    const consolePage = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await consolePage.goto(`${base}/?token=${control}`);
    await consolePage.click('[data-cue-id="wa-plaid-four"]');
    await expect.poll(() => server.engine.programSnapshot().preview?.cueId).toBe('wa-plaid-four');
    await consolePage.keyboard.press('Space');
    await output.waitForSelector('[data-cue-id="wa-plaid-four"][data-phase="on"]');
    // The console's own fetches (other panels' too) ride on the cookie its page was given.
    expect(await consolePage.evaluate(() => fetch('/api/results').then((r) => r.status))).toBe(200);
    expect(await bare.evaluate(() => fetch('/api/results').then((r) => r.status))).toBe(401);
    await consolePage.waitForSelector('.access-badge');
  }, 60_000);
});
