import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OGRAF_RUNNER_PATH, serveTemplateFile } from '../../../main/server/template-files';
import { PAGE_BRIDGE_SCRIPT } from '../../../main/server/template-bridge';
import { OutputHealth } from '../../../main/server/output-health';

/**
 * The outside-template file handler over real HTTP on a temporary folder tree:
 * a marker file above the templates folder shows any escape.
 */
let tmp: string;
let server: http.Server;
let base: string;
const MARKER = 'SECRET-ABOVE-TEMPLATES';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'strapline-templates-'));
  const folder = path.join(tmp, 'templates');
  await mkdir(path.join(folder, 'casparcg'), { recursive: true });
  await writeFile(path.join(tmp, 'secret.txt'), MARKER);
  await writeFile(
    path.join(folder, 'casparcg', 'strap.html'),
    '<!doctype html>\n<html><head lang="en"><script>window.first = typeof window.__x;</script></head><body>strap</body></html>',
  );
  await writeFile(path.join(folder, 'casparcg', 'bare.html'), '<!doctype html><p>no head at all</p>');
  await writeFile(path.join(folder, 'casparcg', 'data.json'), '{"a":1}');
  await writeFile(path.join(folder, 'casparcg', 'name with space.js'), 'export {}');
  await symlink(path.join(tmp, 'secret.txt'), path.join(folder, 'casparcg', 'link.txt'));
  server = http.createServer((req, res) => {
    void serveTemplateFile(req, res, [folder], new URL(req.url!, 'http://x').pathname).then((handled) => handled || res.writeHead(418).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(tmp, { recursive: true, force: true });
});

describe('serveTemplateFile', () => {
  it('injects the bridge as the first script of the head, and sandboxes the page by its CSP', async () => {
    const res = await fetch(`${base}/templates/0/casparcg/strap.html`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body.indexOf(PAGE_BRIDGE_SCRIPT)).toBeGreaterThan(body.indexOf('<head lang="en">'));
    expect(body.indexOf(PAGE_BRIDGE_SCRIPT)).toBeLessThan(body.indexOf('window.first'));
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^sandbox allow-scripts;/);
    expect(csp).not.toMatch(/allow-same-origin|allow-top-navigation|allow-forms|allow-popups/);
    expect(csp).toContain(`connect-src ${base}/templates/;`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a page with no head still gets the bridge first; other files are sent as they are', async () => {
    const bare = await (await fetch(`${base}/templates/0/casparcg/bare.html`)).text();
    expect(bare.startsWith(`<!doctype html><script>${PAGE_BRIDGE_SCRIPT}</script><p>`)).toBe(true);
    const json = await fetch(`${base}/templates/0/casparcg/data.json`);
    expect(await json.text()).toBe('{"a":1}');
    expect(json.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${base}/templates/0/casparcg/name%20with%20space.js`)).status).toBe(200);
  });

  it('serves the OGraf runner page', async () => {
    const res = await fetch(`${base}${OGRAF_RUNNER_PATH}`);
    expect(await res.text()).toContain('import(args.module)');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts;/);
  });

  it.each([
    '/templates/0/../secret.txt',
    '/templates/0/%2e%2e/secret.txt',
    '/templates/0/casparcg/..%2f..%2fsecret.txt',
    '/templates/0/casparcg/link.txt',
    '/templates/1/casparcg/strap.html',
    '/templates/01x/casparcg/strap.html',
    '/templates/0/casparcg/missing.html',
    '/templates/0/casparcg%00/strap.html',
  ])('refuses %s and leaks nothing', async (p) => {
    const res = await fetch(`${base}${p}`);
    const body = await res.text();
    expect(body).not.toContain(MARKER);
    // A path normalised out of /templates/ is not this handler's (418 here); inside it, a 404 naming the path.
    expect([404, 418]).toContain(res.status);
    if (res.status === 404) expect(JSON.parse(body).error.message).toMatch(/No template/);
  });

  it('refuses anything but GET', async () => {
    const res = await fetch(`${base}/templates/0/casparcg/strap.html`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
  });

  it('a Host header that is not a plain host gives the page no connect-src at all', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve) => {
      http.get(`${base}/templates/0/casparcg/data.json`, { headers: { host: "evil; script-src 'none'" } }, resolve);
    });
    res.resume();
    expect(res.headers['content-security-policy']).toContain("connect-src 'none';");
  });
});

describe('an output reports outside-template faults', () => {
  it('keeps the last few with the output, refuses a malformed one and changes nothing', () => {
    const health = new OutputHealth(
      () => 1000,
      () => undefined,
    );
    const id = health.connect('test');
    const fault = {
      kind: 'outside-template',
      layer: 'bug',
      cueId: 'c1',
      src: '/templates/0/x.mjs',
      call: 'load',
      message: 'no answer within 5000 ms',
      at: 1,
    } as const;
    expect(health.report(id, { type: 'output-report', fps: 60, layers: ['bug'], revision: 1, faults: [fault] })).toBeNull();
    expect(health.snapshot().outputs[0]!.faults).toEqual([fault]);
    const bad = health.report(id, { type: 'output-report', fps: 60, layers: ['bug'], revision: 2, faults: [{ ...fault, layer: 'nowhere' }] });
    expect(bad?.message).toMatch(/faults/);
    expect(health.snapshot().outputs[0]!.revision).toBe(1);
  });
});
