import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WEB_ROOT, startHeadless } from '../../main/server/headless';
import { chromiumMissingReason, launchChromium } from '../support/chromium';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/shows/v1-election-night.json');

/** A real server over temp folders: start/night.json opened at start, data/ as the data folder. */
async function serve(host: '0.0.0.0' | '127.0.0.1') {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-network-'));
  const [start, data] = [path.join(dir, 'start'), path.join(dir, 'data')];
  for (const f of [start, data]) await mkdir(f, { recursive: true });
  await copyFile(FIXTURE, path.join(start, 'night.json'));
  const app = await startHeadless({
    showPath: path.join(start, 'night.json'),
    host,
    port: 0,
    asRunPath: path.join(dir, 'as-run.jsonl'),
    webRoot: WEB_ROOT,
    dataDir: data,
  });
  const base = `http://127.0.0.1:${app.server.port}`;
  return { app, dir, start, data, base, stop: async () => (await app.close(), await rm(dir, { recursive: true, force: true })) };
}
type Served = Awaited<ReturnType<typeof serve>>;

/**
 * The console's show-file drawer suggests only paths the server will take
 * from it, in the server's own folder names; the share panel gives the
 * gallery with the read-only token. Checked by saving for real and by
 * fetching the links handed out.
 */
describe.skipIf(missing !== null)('the console from the network: where shows go, what to share', () => {
  let browser: Browser;
  const servers: Served[] = [];
  beforeAll(async () => (browser = await launchChromium()));
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.stop();
  });

  const openConsole = async (url: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(url);
    await page.locator('[data-show-file]').waitFor();
    return page;
  };
  /** Save As through the drawer; answers the path the placeholder suggested. */
  const saveAs = async (page: Page, typed?: string) => {
    await page.getByRole('button', { name: 'SAVE AS…' }).click();
    const box = page.getByLabel('Full path of the show file (.json)');
    await expect.poll(() => box.getAttribute('placeholder')).not.toBe('');
    const suggested = (await box.getAttribute('placeholder'))!;
    await box.fill(typed ?? suggested);
    await page.getByRole('button', { name: 'SAVE HERE' }).click();
    return { suggested, help: () => page.locator('#show-files-help').textContent() };
  };

  it('open to the network: the drawer names the two allowed folders, its suggestion saves, a path elsewhere is refused', async () => {
    const s = await serve('0.0.0.0');
    servers.push(s);
    const page = await openConsole(`${s.base}/?token=${s.app.access!.tokens.control}`);
    const shows = path.join(s.data, 'shows');
    const { suggested, help } = await saveAs(page);
    expect(suggested).toBe(path.join(shows, 'election-night.json'));
    await expect.poll(() => s.app.showFiles!.store.file).toBe(suggested);
    expect((await stat(suggested)).isFile()).toBe(true);

    const elsewhere = path.join(s.dir, 'elsewhere.json');
    await saveAs(page, elsewhere);
    await page.locator('.show-files-drawer [role="alert"]').filter({ hasText: 'From the network, show files are opened and saved only directly in' }).waitFor();
    expect(await help()).toBe(`From this console, show files open and save only directly in ${shows} or ${s.start}`);
    expect(await page.getByLabel('Full path of the show file (.json)').getAttribute('aria-describedby')).toBe('show-files-help');
    await page.screenshot({ path: '/tmp/console-network-save-as.png' });
    expect(await readdir(s.dir)).not.toContain('elsewhere.json');
    expect(s.app.showFiles!.store.file).toBe(suggested);
  });

  it('open to the network: the share panel gives the gallery with the read-only token, and the link works', async () => {
    const s = servers[0]!;
    const { control, readOnly } = s.app.access!.tokens;
    const page = await openConsole(`${s.base}/?token=${control}`);
    await page.getByRole('button', { name: 'OPEN TO NETWORK · SHARE' }).click();
    const panel = page.getByRole('region', { name: 'Access for colleagues' });
    const galleries = await panel.getByRole('textbox', { name: 'Template gallery' }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const producers = await panel.getByRole('textbox', { name: 'Producer view' }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(galleries.length).toBeGreaterThan(0);
    // One per address, beside the producer link and with the same token.
    expect(galleries).toEqual(producers.map((p) => p.replace(`/producer?token=${readOnly}`, `/gallery?token=${readOnly}`)));
    expect(galleries.every((g) => !g.includes(control))).toBe(true);
    await page.screenshot({ path: '/tmp/console-network-share.png' });
    const link = new URL(galleries[0]!);
    const local = `${s.base}${link.pathname}${link.search}`;
    expect((await fetch(local)).status).toBe(200);
    expect((await fetch(`${s.base}/gallery`)).status).toBe(401);
    // Escape, kept in the panel, closes it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('on loopback the drawer says any full path goes, and suggests one beside the open show', async () => {
    const s = await serve('127.0.0.1');
    servers.push(s);
    const page = await openConsole(`${s.base}/`);
    const { suggested, help } = await saveAs(page);
    expect(suggested).toBe(path.join(s.start, 'election-night.json'));
    await expect.poll(() => s.app.showFiles!.store.file).toBe(suggested);
    expect((await stat(suggested)).isFile()).toBe(true);
    await page.getByRole('button', { name: 'SAVE AS…' }).click();
    expect(await help()).toBe("Any full path on the server's machine, ending in .json");
    // The folders are only read: anything but GET is refused and changes nothing.
    const posted = await fetch(`${s.base}/api/show/folders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).toBe(405);
    expect(s.app.showFiles!.store.file).toBe(suggested);
  });
});
