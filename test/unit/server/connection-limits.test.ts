import http from 'node:http';
import net from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { baselineFromSeats } from '../../../main/engine/election';
import { DEFAULT_CONNECTION_LIMITS } from '../../../main/server/connection-limits';
import { startServer, type RunningServer } from '../../../main/server/server';
import { testShow, testTemplates } from '../../support/engine-fixture';

/**
 * Real slow clients on loopback against the real server, with its limits
 * shortened (400 ms, 8 sockets) so each test is bounded in time; the defaults
 * are checked to be the ones the README gives. Every request here uses its own
 * socket (agent: false), so nothing this file leaves open counts against it.
 */
const LIMITS = { perAddress: 8, headersTimeoutMs: 400, bodyTimeoutMs: 400 };
let tmp: string;
let engine: Engine;
let server: RunningServer;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'strapline-limits-'));
  const root = path.join(tmp, 'web');
  for (const dir of ['renderer', 'overlays', 'assets']) await mkdir(path.join(root, dir), { recursive: true });
  await writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(root, 'overlays', 'output.html'), '<!doctype html><title>output</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  engine = new Engine({ show: testShow(), baseline: baselineFromSeats([]), templates: testTemplates, now: () => 0 });
  server = await startServer({
    engine,
    webRoot: root,
    host: '127.0.0.1',
    port: 0,
    constituencies: [],
    rehearsalSource: path.join(tmp, 'none.json'),
    limits: LIMITS,
  });
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

interface Reply {
  status: number;
  type: string;
  length: string | undefined;
  body: string;
}
function request(method: string, urlPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: urlPath, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), length: res.headers['content-length'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A client that sends `start`, then one byte every 100 ms; what it heard and when the server hung up. */
function trickle(start: string): Promise<{ closedAfterMs: number; heard: string }> {
  return new Promise((resolve) => {
    const began = Date.now();
    let heard = '';
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(start));
    const drip = setInterval(() => socket.writable && socket.write('x'), 100);
    const giveUp = setTimeout(() => socket.destroy(), 4000);
    socket.on('data', (d) => (heard += String(d)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - began, heard });
    });
  });
}

describe('slow clients are dropped after a set time', () => {
  it('the defaults are the README’s: 64 sockets an address, 10 s for headers, 60 s for a body', () => {
    expect(DEFAULT_CONNECTION_LIMITS).toEqual({ perAddress: 64, headersTimeoutMs: 10_000, bodyTimeoutMs: 60_000 });
  });

  it('headers that trickle in', async () => {
    const { closedAfterMs, heard } = await trickle('GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(heard).toMatch(/^HTTP\/1.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(350);
    expect(closedAfterMs).toBeLessThan(2000);
  });

  it('a body that trickles in: a 408 that says why, then the socket is closed', async () => {
    const { closedAfterMs, heard } = await trickle(
      'POST /api/command HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
    );
    expect(heard).toMatch(/^HTTP\/1.1 408/);
    expect(heard).toContain('The request body did not arrive within 0.4 s');
    expect(closedAfterMs).toBeLessThan(2000);
    expect((await request('GET', '/api/state')).status).toBe(200);
  });
});

describe('sockets per address', () => {
  it('refuses the socket past the cap with a clear 503, and the open ones (WebSockets count) carry on', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: LIMITS.perAddress },
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?role=console`);
            ws.once('open', () => resolve(ws)).once('error', reject);
          }),
      ),
    );
    const refused = await request('GET', '/api/state');
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.message).toBe(`Too many connections from 127.0.0.1: at most ${LIMITS.perAddress} at once`);
    // Every socket that was open still hears the air change.
    const heard = sockets.map(
      (ws) =>
        new Promise<string>((resolve) =>
          ws.on('message', (d) => {
            const m = JSON.parse(String(d)) as { type: string; data: { preview: { cueId: string } | null } };
            if (m.type === 'program' && m.data.preview) resolve(m.data.preview.cueId);
          }),
        ),
    );
    expect(engine.dispatch({ type: 'cue', cueId: 'a' }).ok).toBe(true);
    expect(await Promise.all(heard)).toEqual(sockets.map(() => 'a'));
    sockets[0]!.close();
    await expect.poll(async () => (await request('GET', '/api/state')).status, { timeout: 2000 }).toBe(200);
    for (const ws of sockets) ws.close();
  });
});

describe('HEAD', () => {
  it.each(['/api/state', '/api/stacks', '/api/results', '/api/constituencies', '/api/as-run', '/', '/output', '/assets/app.js', '/nothing-here'])(
    'HEAD %s answers as GET does, without a body',
    async (urlPath) => {
      const [get, head] = [await request('GET', urlPath), await request('HEAD', urlPath)];
      expect({ status: head.status, type: head.type }).toEqual({ status: get.status, type: get.type });
      expect(head.length).toBe(String(Buffer.byteLength(get.body)));
      expect(head.body).toBe('');
    },
  );
});
