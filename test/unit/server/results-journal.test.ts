import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT, startHeadless, type Headless } from '../../../main/server/headless';
import { ResultsJournal } from '../../../main/server/results-journal';
import { wholeOf } from '../../../main/engine/results-journal';
import type { ServerMessage } from '../../../main/engine/protocol';
import { engineHarness, type EngineHarness } from '../../support/engine-fixture';
import { faultyDisk, type DiskFault } from '../../support/faulty-disk';
import { post } from '../../support/server';

/**
 * The results journal through the real server and real files in a temporary
 * folder. Crashes by SIGKILL are in test/e2e/crash-recovery.test.ts; a full
 * disk and a read-only folder are injected (test/support/faulty-disk.ts: as
 * root, chmod stops no write).
 */

let root: string;
let n = 0;
const running: Headless[] = [];
const freshDir = async () => {
  const dir = path.join(root, `d${(n += 1)}`);
  await mkdir(dir, { recursive: true });
  return dir;
};
beforeAll(async () => void (root = await mkdtemp(path.join(os.tmpdir(), 'strapline-journal-'))));
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});
afterAll(async () => rm(root, { recursive: true, force: true }));

async function start(dataDir: string, io?: ReturnType<typeof faultyDisk>['io']) {
  const app = await startHeadless({ host: '127.0.0.1', port: 0, asRunPath: path.join(dataDir, 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir, io });
  running.push(app);
  return app;
}
const stop = async (app: Headless) => {
  running.splice(running.indexOf(app), 1);
  await app.close();
};
const declared = (onsCode: string, revision: number, lab: number) => ({
  onsCode,
  revision,
  state: 'declared',
  validVotes: lab + 100,
  partyVotes: { lab, con: 100 },
});
const journalOf = (dir: string) => readFile(path.join(dir, 'results', 'journal.jsonl'), 'utf8').catch(() => '');

describe('the results journal in the real server', () => {
  it('has each declaration on disk before POST /api/results answers, and every one back after a restart', async () => {
    const dir = await freshDir();
    const app = await start(dir);
    const codes = [...app.engine.resultsState().seats.keys()].slice(0, 30);
    for (const [i, code] of codes.entries()) {
      const r = await post(`${app.server.url}/api/results`, declared(code, 1, 200 + i));
      expect(r.status).toBe(200);
      expect(r.json.unsaved).toBeUndefined();
      // Read straight after the answer: the line is already in the file.
      expect(await journalOf(dir)).toContain(`"onsCode":"${code}"`);
    }
    await post(`${app.server.url}/api/results`, declared(codes[0]!, 2, 999));
    expect(app.engine.resultsState().corrections.size).toBe(1);
    await stop(app);
    const again = await start(dir);
    const results = again.engine.resultsState();
    expect(codes.every((c) => results.seats.get(c)?.state === 'declared')).toBe(true);
    expect([...results.corrections.keys()]).toEqual([codes[0]]);
    expect(again.showFiles!.notices.join('\n')).toMatch(/Results back from .*: 30 of 650 seats with results, 1 correction waiting/);
  });

  it('skips and reports a torn last line, keeps a copy of the damaged journal, and starts with every whole record', async () => {
    const dir = await freshDir();
    const app = await start(dir);
    const [a, b] = [...app.engine.resultsState().seats.keys()];
    await post(`${app.server.url}/api/results`, declared(a!, 1, 300));
    await post(`${app.server.url}/api/results`, declared(b!, 1, 301));
    // A kill mid-write: the process dies without its clean stop, leaving the journal as written.
    const whole = await journalOf(dir);
    await stop(app);
    const damaged = `${whole}${whole.split('\n')[1]!.slice(0, 50)}`;
    await rm(path.join(dir, 'results', 'snapshot.json'), { force: true });
    await writeFile(path.join(dir, 'results', 'journal.jsonl'), damaged);
    const again = await start(dir);
    expect(again.engine.resultsState().seats.get(b!)?.state).toBe('declared');
    expect(again.showFiles!.notices.join('\n')).toMatch(/journal\.jsonl: 1 damaged line passed over \(line 3: cut off mid-write/);
    const copies = (await readdir(path.join(dir, 'results'))).filter((f) => f.startsWith('journal.damaged-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(path.join(dir, 'results', copies[0]!), 'utf8')).toBe(damaged);
  });

  it.each<DiskFault>(['ENOSPC', 'EROFS'])(
    '%s: the declaration is answered "unsaved", consoles are told at once, the air and the files are untouched, and it is written once the disk is back',
    async (fault) => {
      const dir = await freshDir();
      const disk = faultyDisk({ partialBytes: 17 });
      const app = await start(dir, disk.io);
      const [a, b] = [...app.engine.resultsState().seats.keys()];
      await post(`${app.server.url}/api/results`, declared(a!, 1, 300));
      await post(`${app.server.url}/api/cue`, { cueId: app.engine.showSnapshot().show.stacks[0]!.cues[0]!.id });
      await post(`${app.server.url}/api/take`, {});
      const air = JSON.stringify(app.engine.programSnapshot().program);
      const onDisk = await journalOf(dir);
      const ws = new WebSocket(`${app.server.url.replace('http', 'ws')}/ws`);
      const seen: ServerMessage[] = [];
      ws.on('message', (d) => seen.push(JSON.parse(String(d)) as ServerMessage));
      await new Promise((r) => ws.once('open', r));

      disk.fail(fault);
      const refused = await post(`${app.server.url}/api/results`, declared(b!, 1, 301));
      expect(refused.status).toBe(200);
      expect(refused.json.unsaved).toMatch(new RegExp(`${fault}.*journal\\.jsonl`));
      await expect
        .poll(() => seen.filter((m) => m.type === 'storage').at(-1))
        .toMatchObject({ data: { faults: expect.arrayContaining([expect.objectContaining({ what: 'results journal' })]) } });
      expect(JSON.stringify(app.engine.programSnapshot().program)).toBe(air);
      // Nothing already on disk damaged: the partial bytes of the failed append are cut off again, or fenced off by a newline.
      const during = await journalOf(dir);
      if (fault === 'ENOSPC') expect(during).toBe(onDisk);
      else expect(during).toBe(onDisk);

      disk.fail(null);
      await expect.poll(() => seen.filter((m) => m.type === 'storage').at(-1), { timeout: 3000 }).toMatchObject({ data: { faults: [] } });
      ws.close();
      await stop(app);
      const again = await start(dir);
      expect(again.engine.resultsState().seats.get(b!)?.state).toBe('declared');
      expect(again.showFiles!.notices.filter((m) => m.includes('damaged'))).toEqual([]);
    },
  );
});

describe('compaction', () => {
  const held = (x: EngineHarness) => wholeOf(x.engine.resultsState(), x.engine.resultsState().baseline);
  async function journalled(dir: string, h: EngineHarness, io?: ReturnType<typeof faultyDisk>['io']) {
    const opened = await ResultsJournal.open({ dataDir: dir, initial: h.engine.resultsState(), now: h.now, onFault: () => {}, io, compactAtBytes: 1500 });
    if (opened.results) h.engine.resumeResults(opened.results);
    opened.journal.attach(h.engine);
    return opened;
  }
  const declareMany = async (h: EngineHarness, count: number) => {
    for (let i = 1; i <= count; i++) {
      const r = await h.engine.commit({ type: 'declare-results', source: 'feed', seats: [declared('E14000001', i, i)] });
      if (!r.ok || r.unsaved) throw new Error(JSON.stringify(r));
      // Revisions past the first are corrections; accepting each keeps the journal growing.
      if (i > 1) await h.engine.commit({ type: 'accept-correction', onsCode: 'E14000001' });
    }
  };

  it('writes a snapshot and empties the journal as it grows; a restart has everything', async () => {
    const dir = await freshDir();
    const h = engineHarness();
    const { journal } = await journalled(dir, h);
    await declareMany(h, 40);
    await journal.close();
    const snapshot = JSON.parse(await readFile(path.join(dir, 'results', 'snapshot.json'), 'utf8'));
    expect(snapshot.seq).toBeGreaterThan(0);
    expect((await journalOf(dir)).length).toBeLessThan(3000);
    const twin = engineHarness();
    await journalled(dir, twin);
    expect(held(twin)).toEqual(held(h));
  });

  it('a crash between the snapshot and the truncation loses nothing and applies nothing twice; a failed snapshot leaves the journal whole', async () => {
    const dir = await freshDir();
    const disk = faultyDisk();
    // The truncation never happens: as if killed right after the snapshot landed.
    disk.io.truncate = async () => Promise.reject(Object.assign(new Error('killed'), { code: 'EINTR' }));
    const h = engineHarness();
    const { journal } = await journalled(dir, h, disk.io);
    await declareMany(h, 20);
    await journal.close();
    const journalBefore = await journalOf(dir);
    expect(journalBefore.length).toBeGreaterThan(1500);
    const twin = engineHarness();
    await journalled(dir, twin, {
      ...disk.io,
      writeAtomic: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
    });
    expect(held(twin)).toEqual(held(h));
    // The start's compaction failed (disk full): the journal it read is still there, whole.
    expect(await journalOf(dir)).toBe(journalBefore);
  });
});
