import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../../../main/server/headless';
import { spawnServer } from '../../support/server-process';

/**
 * The server as its own process (tsx main/server/cli.ts, with a data folder,
 * so session.json is written after every change of the air): "the process
 * stays up" is then something the test can see, not a crashed test worker.
 */
type Spawned = Awaited<ReturnType<typeof spawnServer>>;
let demo: unknown;
let running: Spawned | null = null;
beforeAll(async () => {
  demo = JSON.parse(await readFile(DEMO_SHOW, 'utf8'));
});
afterEach(async () => {
  await running?.stop();
  running = null;
});

interface Said {
  type: string;
  id?: number;
  data?: { message?: string };
  result?: { ok: boolean; error?: { code: string; message: string } };
}

async function openConsole(url: string): Promise<{ ws: WebSocket; said: Said[] }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws?role=console`);
  const said: Said[] = [];
  ws.on('message', (d) => said.push(JSON.parse(String(d)) as Said));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, said };
}

/** { a: { a: ... } }, levels deep, built as text: the way it arrives. */
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const deepRestore = (levels: number) =>
  '{"type":"restore-program","program":{"lower-third":' +
  `{"cueId":"x","title":"X","template":"strap","fields":{"headline":"X"},"step":1,"view":${deepJson(levels)}}}}`;

describe('one command no longer kills the server', () => {
  it('refuses restore-program with a view 20,000 levels deep, over HTTP and the WebSocket, and the process stays up with the air unchanged', async () => {
    running = await spawnServer(demo);
    const before = await (await fetch(`${running.url}/api/state`)).json();
    const res = await fetch(`${running.url}/api/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepRestore(20_000) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^Body program\.lower-third\.view\.a\.a.*nested deeper than 32 levels$/);
    const { ws, said } = await openConsole(running.url);
    ws.send(`{"id":7,"command":${deepRestore(20_000)}}`);
    await expect
      .poll(() => said.find((m) => m.type === 'error')?.data?.message, { timeout: 5000 })
      .toMatch(/^Message command\.program\.lower-third\.view.*nested deeper than 32 levels$/);
    // Past the microtask that used to throw, and a write of session.json.
    await new Promise((r) => setTimeout(r, 500));
    expect(running.exitCode()).toBeNull();
    const after = await (await fetch(`${running.url}/api/state`)).json();
    expect({ ...after, at: 0 }).toEqual({ ...before, at: 0 });
    ws.close();
  });
});

describe('a fault after a command was accepted', () => {
  it('is caught, logged and told to the console, and the server keeps running with the take on air', async () => {
    running = await spawnServer(demo, 'test/support/faulty-server.ts');
    const { ws, said } = await openConsole(running.url);
    for (const [route, body] of [
      ['cue', { cueId: 'wa-teetering' }],
      ['take', { cueId: 'wa-teetering' }],
    ] as const) {
      const res = await fetch(`${running.url}/api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
    }
    const faults = () => said.filter((m) => m.type === 'error').map((m) => m.data?.message ?? '');
    for (const boom of ['listener boom', 'microtask boom', 'rejection boom']) {
      await expect.poll(() => faults().find((m) => m.includes(boom)), { timeout: 5000 }).toMatch(/^Internal error in .+: .+\. The server kept running/);
    }
    expect(running.exitCode()).toBeNull();
    const state = await (await fetch(`${running.url}/api/state`)).json();
    expect(Object.values(state.program).map((g) => (g as { cueId: string }).cueId)).toContain('wa-teetering');
    // Logged with the stack, for whoever looks at the server's terminal afterwards.
    expect(running.stderr()).toMatch(/microtask boom\n\s+at /);
    ws.close();
  });
});
