import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { BigInput } from '../../../main/server/big-input';
import { DEMO_SHOW, REFERENCE_DIR, WEB_ROOT } from '../../../main/server/headless';
import { loadReferenceData } from '../../../main/server/reference-data';
import { readShowFile } from '../../../main/server/show-file';
import { startServer, type RunningServer } from '../../../main/server/server';
import { TEMPLATES } from '../../../main/templates/definitions';
import { maxSizeImportCsv } from '../../support/big-inputs';
import { airState } from '../../support/air-state';

/**
 * The big-input worker through the real server on a loopback port: a bad big
 * file is still refused with its line and changes nothing, and a worker that
 * dies (here, out of memory under a small heap limit: a real crash of the
 * thread, nothing mocked) is an error for that request alone, never the end of
 * the server; the next import starts a new worker.
 */
describe('imports and show files in the big-input worker', () => {
  const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
  let engine: Engine;
  let server: RunningServer;
  let small: BigInput;
  let crashing: RunningServer;

  beforeAll(async () => {
    const reference = await loadReferenceData(REFERENCE_DIR);
    const demo = await readShowFile(DEMO_SHOW, TEMPLATES);
    if ('error' in demo) throw new Error(demo.error.message);
    const base = {
      webRoot: WEB_ROOT,
      host: '127.0.0.1',
      port: 0,
      constituencies: reference.constituencies,
      rehearsalSource: path.join(REFERENCE_DIR, 'ge2024-results.json'),
    };
    engine = new Engine({ show: demo.show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: Date.now });
    server = await startServer({ ...base, engine });
    small = new BigInput({ resourceLimits: { maxOldGenerationSizeMb: 48 } });
    crashing = await startServer({ ...base, engine, bigInput: small });
  });
  afterAll(async () => {
    await server?.close();
    await crashing?.close();
    await small?.stop();
  });

  const importCsv = (at: RunningServer, csv: string, extra = '') =>
    fetch(`${at.url}/api/import?format=commons-constituency&name=big.csv${extra}`, { method: 'POST', body: csv }).then(async (r) => ({
      status: r.status,
      json: await r.json(),
    }));

  it('refuses a maximum-size file with a bad line, naming it, and changes nothing', { timeout: 180_000 }, async () => {
    const { csv, rows } = await maxSizeImportCsv({ badLine: 5 });
    const before = airState(engine);
    const reply = await importCsv(server, csv);
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe('INVALID_IMPORT');
    expect(reply.json.report).toMatchObject({ recordsRead: rows, applied: 'nothing' });
    expect(reply.json.report.errors[0]).toMatchObject({ file: 'big.csv', line: 5, column: expect.any(String) });
    expect(airState(engine)).toEqual(before);
    expect(engine.resultsSnapshot().totals.declared).toBe(0);
  });

  it('reads a show in the worker exactly as readShowFile reads it, and refuses a damaged one with its place', { timeout: 180_000 }, async () => {
    const reader = new BigInput();
    try {
      const read = await reader.readShow(DEMO_SHOW, []);
      const direct = await readShowFile(DEMO_SHOW, TEMPLATES);
      expect('show' in read && read.show).toEqual('show' in direct && direct.show);
      const damaged = await reader.readShow(path.join(FIXTURES, 'shows/damaged-cut-short.json'), []);
      expect(damaged).toMatchObject({ error: { code: 'INVALID_SHOW_FILE', message: expect.stringMatching(/line \d+, column \d+/) } });
    } finally {
      await reader.stop();
    }
  });

  it('reports a worker that dies as an error for that import alone; the server answers and the next import runs', { timeout: 180_000 }, async () => {
    const { csv } = await maxSizeImportCsv();
    const before = airState(engine);
    const reply = await importCsv(crashing, csv, '&apply=valid-rows');
    expect(reply.status).toBe(500);
    expect(reply.json.error.message).toMatch(/the worker reading big input stopped .*nothing was changed/);
    expect(airState(engine)).toEqual(before);
    expect((await fetch(`${crashing.url}/api/state`)).status).toBe(200);
    const small2024 = (await maxSizeImportCsv()).csv.split('\n').slice(0, 651).join('\n');
    const next = await importCsv(crashing, small2024);
    expect(next.status).toBe(200);
    expect(engine.resultsSnapshot().totals.declared).toBe(650);
  });
});
