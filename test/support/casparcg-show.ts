import { expect } from 'vitest';
import type { CasparcgOutputStatus } from '../../main/engine/protocol';
import { post, type TestServer } from './server';

/** A show for the CasparCG tests: two straps on the lower third, and a two-step hex map on the full-screen layer (which holds the lower third). */
export const CASPARCG_SHOW = {
  format: 'strapline-show',
  version: 3,
  name: 'CasparCG test',
  stacks: [
    {
      id: 'night',
      name: 'Night',
      cues: [
        {
          id: 'strap-a',
          title: 'Strap A',
          template: 'strap',
          layer: 'lower-third',
          fields: { headline: 'Labour "gain" in C:\\Wales', subline: 'Line one\nline two, costs $5' },
        },
        { id: 'strap-b', title: 'Strap B', template: 'strap', layer: 'lower-third', fields: { headline: 'Ynys Môn: Plaid gain' } },
        {
          id: 'map',
          title: 'Map',
          template: 'hex-map',
          layer: 'fullscreen',
          fields: { title: 'General election 2024', region: 'E12000006', source: 'results' },
        },
      ],
    },
  ],
};

/** Templates-mode mapping used by the tests: the server's own templates for the strap and the map. */
export const TEST_TEMPLATES = { strap: { name: 'strapline/STRAP', dataFormat: 'json' }, 'hex-map': { name: 'strapline/MAP', dataFormat: 'xml' } } as const;

/** Plain throws rather than expect, so a bench or a beforeAll may use these too. */
export async function configureCasparcg(server: Pick<TestServer, 'url'>, outputs: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/api/casparcg`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outputs }) });
  if (res.status !== 200) throw new Error(`POST /api/casparcg answered ${res.status}: ${await res.text()}`);
}

export async function casparcgStatus(server: Pick<TestServer, 'url'>): Promise<CasparcgOutputStatus[]> {
  const res = await fetch(`${server.url}/api/casparcg`);
  return ((await res.json()) as { status: CasparcgOutputStatus[] }).status;
}

/** Waits until every server of every output is connected (casparcg-connection has had its VERSION answer). */
export async function allConnected(server: Pick<TestServer, 'url'>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await casparcgStatus(server)).every((o) => o.servers.every((s) => s.connected))) {
    if (Date.now() > until) throw new Error(`CasparCG servers not all connected after ${timeoutMs} ms: ${JSON.stringify(await casparcgStatus(server))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function command(server: Pick<TestServer, 'url'>, path: string, body: unknown): Promise<void> {
  const res = await post(`${server.url}${path}`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

/** A command line as sent, without casparcg-connection's REQ id. */
export const bare = (line: string) => line.replace(/^REQ \S+ /, '');
