import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';

/** GET /ograf/ through the real server on a loopback port: what it serves, and what it refuses, naming the path. */
describe('GET /ograf/', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves a module that imports the shared bundle and exports its template\u2019s class', async () => {
    const res = await fetch(`${server.url}/ograf/strap/graphic.mjs`);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe(`import { graphicClass } from '../strapline-ograf.js';\nexport default graphicClass("strap");\n`);
  });

  it('refuses other methods, unknown files and the hex map, saying which and why', async () => {
    const post = await fetch(`${server.url}/ograf/`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const unknown = await fetch(`${server.url}/ograf/strap/other.js`);
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).toContain('no OGraf file at /ograf/strap/other.js');
    const hex = await fetch(`${server.url}/ograf/hex-map/graphic.mjs`);
    expect(hex.status).toBe(404);
    expect(JSON.stringify(await hex.json())).toContain('hex-map is not exported');
  });
});
