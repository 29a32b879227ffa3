import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestServer, type TestServer } from '../../support/server';

/** GET /api/as-run against the real server: the session's entries, as the JSONL file has them. */

let server: TestServer;
let t = Date.UTC(2024, 6, 4, 22, 0, 0);

beforeAll(async () => {
  server = await startTestServer({ now: () => t });
});
afterAll(async () => {
  await server?.stop();
});

async function take(cueId: string): Promise<void> {
  t += 1000;
  expect((await post(`${server.url}/api/cue`, { cueId })).status).toBe(200);
  expect((await post(`${server.url}/api/take`, {})).status).toBe(200);
}

describe('GET /api/as-run', () => {
  it('is empty before anything has gone to air', async () => {
    const res = await fetch(`${server.url}/api/as-run`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ entries: [], total: 0, dropped: 0 });
  });

  it('returns every entry of the session, oldest first, exactly as written to the as-run file', async () => {
    await take('wa-teetering');
    await take('wa-plaid-four');
    t += 1000;
    await post(`${server.url}/api/clear`, {});
    const body = (await (await fetch(`${server.url}/api/as-run`)).json()) as { entries: unknown[]; total: number };
    expect(body.total).toBe(3);
    await expect.poll(async () => (await readFile(server.asRunPath, 'utf8')).trim().split('\n').length).toBe(3);
    const file = (await readFile(server.asRunPath, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(body.entries).toEqual(file);
    expect(body.entries.map((e) => (e as { action: string }).action)).toEqual(['take', 'take', 'clear-all']);
  });

  it('gives the newest N with ?limit=N', async () => {
    const body = (await (await fetch(`${server.url}/api/as-run?limit=1`)).json()) as { entries: Array<{ action: string }>; total: number };
    expect(body.entries.map((e) => e.action)).toEqual(['clear-all']);
    expect(body.total).toBe(3);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit=1.5', 'whole number'],
    ['?since=4', 'since'],
  ])('refuses %s with 400 naming the parameter', async (query, says) => {
    const res = await fetch(`${server.url}/api/as-run${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.message).toContain(says);
  });

  it('takes GET only', async () => {
    const res = await post(`${server.url}/api/as-run`, {});
    expect(res.status).toBe(405);
  });
});
