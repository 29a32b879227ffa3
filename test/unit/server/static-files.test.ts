import http from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { baselineFromSeats } from '../../../main/engine/election';
import { startServer, type RunningServer } from '../../../main/server/server';
import { CONTENT_SECURITY_POLICY, resolveInside } from '../../../main/server/static-files';
import { testShow, testTemplates } from '../../support/engine-fixture';

/**
 * Static files must never leave the web root. The root sits two folders deep
 * in a temporary tree, with a marked package.json at every level above it, so
 * any escape would show up as a marker in a response.
 */
let tmp: string;
let root: string;
let server: RunningServer;
const MARKER = 'SECRET-OUTSIDE-WEB-ROOT';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'strapline-static-'));
  root = path.join(tmp, 'app', 'web');
  await mkdir(path.join(root, 'renderer'), { recursive: true });
  await mkdir(path.join(root, 'overlays'), { recursive: true });
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(tmp, 'app', 'web-sibling'), { recursive: true });
  await writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(root, 'overlays', 'output.html'), '<!doctype html><title>output</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  for (const dir of [tmp, path.join(tmp, 'app'), path.join(tmp, 'app', 'web-sibling')]) {
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: MARKER }));
  }
  // Links planted in the built pages: out of the root to a file, to a folder, and to /etc/passwd; and one that stays inside.
  await symlink('/etc/passwd', path.join(root, 'assets', 'passwd.js'));
  await symlink(path.join(tmp, 'package.json'), path.join(root, 'assets', 'up.json'));
  await symlink(tmp, path.join(root, 'overlays', 'above'));
  await symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'assets', 'alias.js'));
  const engine = new Engine({ show: testShow(), baseline: baselineFromSeats([]), templates: testTemplates, now: () => 0 });
  server = await startServer({ engine, webRoot: root, host: '127.0.0.1', port: 0, constituencies: [], rehearsalSource: path.join(tmp, 'none.json') });
});

afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

const insideRoot = (p: string | null) => p === null || p.startsWith(root + path.sep);

describe('resolveInside', () => {
  it('resolves a plain path inside the root', () => {
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
  });

  const hostile = [
    '../package.json',
    '/../package.json',
    '/../../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/%5c..%5c..%5cpackage.json',
    '/..\\..\\package.json',
    '/../web-sibling/package.json',
    '//etc/passwd',
    '/etc/passwd',
    `/${'../'.repeat(20)}etc/passwd`,
    `/${'%2e%2e/'.repeat(20)}etc/passwd`,
  ];
  it.each(hostile)('never resolves %s outside the root', (urlPath) => {
    const resolved = resolveInside(root, urlPath);
    expect(insideRoot(resolved), String(resolved)).toBe(true);
    expect(resolved).not.toBe(path.join(tmp, 'app', 'package.json'));
    expect(resolved).not.toBe(path.join(tmp, 'package.json'));
  });

  it('keeps an absolute filesystem path inside the root', () => {
    expect(insideRoot(resolveInside(root, path.join(tmp, 'package.json')))).toBe(true);
  });

  it('refuses NUL bytes and broken percent-encoding outright', () => {
    expect(resolveInside(root, '/index.html%00.js')).toBeNull();
    expect(resolveInside(root, '/index.html\u0000')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(root, '/%')).toBeNull();
  });
});

/** A raw request: fetch would normalise the path before it left. */
function rawGet(urlPath: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: urlPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
  });
}

describe('over real HTTP', () => {
  it('serves a file inside the root (so the refusals below mean something)', async () => {
    const r = await rawGet('/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("app")');
  });

  const traversals = [
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/..\\..\\package.json',
    '/output/../../package.json',
    '/../web-sibling/package.json',
    '/%00',
    `/${'%2e%2e/'.repeat(12)}etc/passwd`,
  ];
  it.each(traversals)('GET %s never returns a file outside the root', async (urlPath) => {
    const r = await rawGet(urlPath);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain(MARKER);
    expect(r.body).not.toMatch(/root:.*:0:0:/);
  });

  it.each([
    ['/', 'console'],
    ['/output', 'output'],
  ])('GET %s returns HTML with a Content-Security-Policy', async (urlPath, title) => {
    const r = await rawGet(urlPath);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain(`<title>${title}</title>`);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/assets/passwd.js', '/assets/up.json', '/overlays/above/package.json', '/overlays/above/app/package.json', '/assets/%70asswd.js'])(
    'GET %s does not follow a symlink out of the root',
    async (urlPath) => {
      const r = await rawGet(urlPath);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain(MARKER);
      expect(r.body).not.toMatch(/root:.*:0:0:/);
    },
  );

  it('still serves a symlink that stays inside the root', async () => {
    const r = await rawGet('/assets/alias.js');
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("app")');
  });

  it('refuses methods other than GET and HEAD for pages', async () => {
    const res = await fetch(`${server.url}/output`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(405);
  });
});
