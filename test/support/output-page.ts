import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Layer } from '../../main/engine/show';
import { post } from './server';

/** The real output page at 1920x1080 on a solid key colour (for looking at), connected to the server. */
export async function openOutputPage(browser: Browser, serverUrl: string): Promise<Page> {
  const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // tsx names functions with __name, which page.evaluate would carry into the page.
  await output.addInitScript({ content: 'window.__name = (f) => f;' });
  await output.goto(`${serverUrl}/output?key=0b1220`);
  await output.waitForFunction(() => document.body.dataset.connection === 'open');
  return output;
}

/** Cues and takes a cue through the control API, then waits for the output to show it steady on its layer. */
export async function takeToAir(serverUrl: string, output: Page, cueId: string, layer: Layer): Promise<void> {
  await new Promise((r) => setTimeout(r, 250)); // past the minimum take interval
  expect((await post(`${serverUrl}/api/cue`, { cueId })).status).toBe(200);
  expect((await post(`${serverUrl}/api/take`, { cueId })).json).toMatchObject({ ok: true });
  await output.waitForSelector(`[data-layer="${layer}"][data-cue-id="${cueId}"][data-phase="on"]`);
}
