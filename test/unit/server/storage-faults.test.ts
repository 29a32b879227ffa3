import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShowStore } from '../../../main/server/show-store';
import { attachAsRunLog } from '../../../main/server/as-run-log';
import { StorageHealth } from '../../../main/server/storage-health';
import { engineHarness } from '../../support/engine-fixture';
import { faultyDisk, type DiskFault } from '../../support/faulty-disk';

/**
 * Autosave and the as-run log on a full disk or a read-only data folder, and
 * the as-run log after a stop mid-write. The faults are injected
 * (test/support/faulty-disk.ts): the tests run as root, where chmod stops no write.
 */

let root: string;
let n = 0;
const freshDir = async () => {
  const dir = path.join(root, `d${(n += 1)}`);
  await mkdir(dir, { recursive: true });
  return dir;
};
beforeAll(async () => void (root = await mkdtemp(path.join(os.tmpdir(), 'strapline-faults-'))));
afterAll(async () => rm(root, { recursive: true, force: true }));

describe.each<DiskFault>(['ENOSPC', 'EROFS'])('%s', (fault) => {
  it('autosave: the fault is reported at once, the versions already on disk are untouched, and the edit lands once the disk is back', async () => {
    const dir = await freshDir();
    const disk = faultyDisk();
    const health = new StorageHealth(Date.now, () => {});
    const told: string[] = [];
    health.watch((faults) => told.push(faults.map((f) => f.what).join(',')));
    const store = await ShowStore.open(dir, { now: Date.now, log: () => {}, delayMs: 10, io: disk.io, onFault: health.reporter('autosave') });
    await store.switchTo(null);
    const h = engineHarness();
    store.attach(h.engine);
    h.must({ type: 'rename-stack', stackId: 's1', name: 'saved' });
    await store.flush();
    const [first] = await store.versions();
    const before = { bytes: await readFile(first!.path, 'utf8'), mtimeMs: (await stat(first!.path)).mtimeMs };
    const air = JSON.stringify(h.engine.programSnapshot().program);

    disk.fail(fault);
    h.must({ type: 'rename-stack', stackId: 's1', name: 'not yet saved' });
    await store.flush();
    expect(told.at(-1)).toBe('autosave');
    expect(health.list()[0]!.message).toContain(fault);
    expect(await readFile(first!.path, 'utf8')).toBe(before.bytes);
    expect((await stat(first!.path)).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(store.slotDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.stringify(h.engine.programSnapshot().program)).toBe(air);

    disk.fail(null);
    await expect.poll(() => told.at(-1), { timeout: 3000 }).toBe('');
    const [newest] = await store.versions();
    expect(JSON.parse(await readFile(newest!.path, 'utf8')).stacks[0].name).toBe('not yet saved');
  });

  it('as-run log: the fault is reported, the lines already written stay whole, and the held lines follow once the disk is back', async () => {
    const dir = await freshDir();
    const file = path.join(dir, 'as-run.jsonl');
    const disk = faultyDisk({ partialBytes: 9 });
    const faults: (string | null)[] = [];
    const h = engineHarness();
    const close = await attachAsRunLog(h.engine, file, { onFault: (m) => faults.push(m), notice: () => {}, io: disk.io });
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    await expect.poll(async () => (await readFile(file, 'utf8').catch(() => '')).split('\n').length).toBe(2);
    const written = await readFile(file, 'utf8');

    disk.fail(fault);
    h.advance(1000);
    h.must({ type: 'out', layer: 'lower-third' });
    await expect.poll(() => faults.at(-1)).toContain(fault);
    expect(await readFile(file, 'utf8')).toBe(written);

    disk.fail(null);
    await expect.poll(() => faults.at(-1), { timeout: 3000 }).toBeNull();
    await close();
    const lines = (await readFile(file, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { action: string });
    expect(lines.map((l) => l.action)).toEqual(['take', 'out']);
  });
});

describe('as-run log after a stop mid-write', () => {
  it('says the last line was cut off, leaves it as it is, and starts the next entry on a line of its own', async () => {
    const dir = await freshDir();
    const file = path.join(dir, 'as-run.jsonl');
    const whole = '{"at":"2024-07-04T22:00:00.000Z","action":"take"}\n';
    await writeFile(file, `${whole}{"at":"2024-07-04T22:00:01.000Z","act`);
    const notices: string[] = [];
    const h = engineHarness();
    const close = await attachAsRunLog(h.engine, file, { onFault: () => {}, notice: (m) => notices.push(m), io: faultyDisk().io });
    expect(notices).toEqual([expect.stringMatching(/the last line was cut off mid-write/)]);
    h.must({ type: 'cue', cueId: 'a' });
    h.must({ type: 'take', cueId: 'a' });
    await close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[0]).toBe(whole.trim());
    expect(lines[1]).toBe('{"at":"2024-07-04T22:00:01.000Z","act');
    expect(JSON.parse(lines[2]!)).toMatchObject({ action: 'take', cueId: 'a' });
  });
});
