import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, copyFile, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireDataLock, DataFolderInUse, LOCK_FILE, readHeld, setAside } from '../../../main/server/data-lock';
import { REPO_ROOT, WEB_ROOT, startHeadless, type Headless } from '../../../main/server/headless';
import { post } from '../../support/server';
import { isZombie, spawnZombie } from '../../support/zombie';

/**
 * One Strapline per data folder: real temp folders, real servers, real
 * processes (a dead pid is one that really ran and exited).
 */

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/shows/v1-election-night.json');
let root: string;
let n = 0;
const running: Headless[] = [];
const children: ChildProcess[] = [];
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'strapline-lock-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const app of running.splice(0)) await app.close();
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

const fresh = async () => {
  const dir = path.join(root, `case-${(n += 1)}`);
  await mkdir(dir, { recursive: true });
  await copyFile(FIXTURE, path.join(dir, 'night.json'));
  return { dir, data: path.join(dir, 'data'), show: path.join(dir, 'night.json'), lock: path.join(dir, 'data', LOCK_FILE) };
};
const start = async (data: string, showPath?: string, port = 0) => {
  const app = await startHeadless({ showPath, host: '127.0.0.1', port, asRunPath: path.join(data, '..', 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir: data });
  running.push(app);
  return app;
};
const lockIn = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as { pid: number; startedAt: string; port?: number; pidStart?: string };
const logLines = () => {
  const lines: string[] = [];
  return { lines, log: (m: string) => lines.push(m) };
};

/** Every file under `dir` with its bytes and modification time: "untouched" means both. */
async function everything(dir: string): Promise<Record<string, { bytes: string; mtimeMs: number }>> {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = { bytes: await readFile(file, 'utf8'), mtimeMs: (await stat(file)).mtimeMs };
  }
  return out;
}

/** The pid of a process that really ran and has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  if (child.exitCode === null) await once(child, 'exit');
  return child.pid!;
}

/** The pid of a server killed and left unreaped (test/support/zombie.ts), once it is a zombie. */
async function zombie(): Promise<number> {
  const { pid, parent } = await spawnZombie();
  children.push(parent);
  for (let i = 0; i < 300 && !isZombie(pid); i++) await new Promise((r) => setTimeout(r, 10));
  return pid;
}

describe('a second start on a data folder in use', () => {
  it("is refused, naming the folder, the other pid, its console and what to do; the first one's files and air are untouched", async () => {
    const { data, show } = await fresh();
    const first = await start(data, show);
    await post(`${first.server.url}/api/cue`, { cueId: 'lab-majority' });
    expect((await post(`${first.server.url}/api/take`, {})).status).toBe(200);
    expect((await post(`${first.server.url}/api/command`, { type: 'rename-stack', stackId: 'corner', name: 'Edited' })).status).toBe(200);
    await first.showFiles!.store.flush();
    await first.showFiles!.session.flush();
    const files = await everything(data);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['session.json', LOCK_FILE, expect.stringMatching(/^autosave[\\/]/)]));
    const air = () => {
      const { program, preview, revision } = first.engine.programSnapshot();
      return { program, preview, revision };
    };
    const onAir = air();

    // No --show: exactly the start that would read the first one's session.json as a crash.
    const second = start(data);
    await expect(second).rejects.toThrow(DataFolderInUse);
    const message = ((await second.catch((e: Error) => e)) as Error).message;
    expect(message).toContain(`The data folder ${data} is in use by another Strapline (pid ${process.pid}, console ${first.server.url}/)`);
    expect(message).toContain('start this one with another data folder (--data DIR');

    expect(await everything(data)).toEqual(files);
    expect(air()).toEqual(onAir);
    expect((await (await fetch(`${first.server.url}/api/state`)).json()).program['lower-third'].cueId).toBe('lab-majority');
  });

  it('lets the folder go on close, and on a start that fails (busy port, unreadable show)', async () => {
    const { data, show, lock } = await fresh();
    await (await start(data, show)).close();
    running.pop();
    await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const busy = (holder.address() as { port: number }).port;
    await expect(start(data, show, busy)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    holder.close();
    await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(start(data, path.join(root, 'no-such-show.json'))).rejects.toThrow(/no-such-show\.json/);
    await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    const app = await start(data, show);
    expect((await lockIn(lock)).port).toBe(app.server.port);
  });
});

describe('a stale lock', () => {
  it('of a process that has exited is taken over, with one line to the log', async () => {
    const { data, show, lock } = await fresh();
    const pid = await deadPid();
    await mkdir(data);
    // This machine and this folder, so the dead pid is the only reason it is stale.
    await writeFile(
      lock,
      JSON.stringify({ pid, startedAt: '2024-07-04T21:00:00.000Z', host: '127.0.0.1', port: 7300, machine: os.hostname(), dir: await realpath(data) }),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = await start(data, show);
    expect(logged.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('lock'))).toEqual([
      `data folder ${data}: took over a stale lock (pid ${pid} has exited)`,
    ]);
    expect(await lockIn(lock)).toMatchObject({ pid: process.pid, port: app.server.port });
  });

  it.skipIf(process.platform === 'win32')('of a server killed and not yet reaped (a zombie, whose pid still answers kill 0) is taken over', async () => {
    const { data, lock } = await fresh();
    await mkdir(data);
    const pid = await zombie();
    // Taken after the zombie started, so its being dead is the only reason it is stale.
    await writeFile(lock, JSON.stringify({ pid, startedAt: new Date().toISOString(), machine: os.hostname(), dir: await realpath(data) }));
    expect(() => process.kill(pid, 0)).not.toThrow();
    const { lines, log } = logLines();
    const held = await acquireDataLock(data, {}, log);
    expect(lines).toEqual([`data folder ${data}: took over a stale lock (pid ${pid} has exited (killed, not yet reaped by its parent))`]);
    await held.release();
  });

  it('whose pid is now another, live process is taken over: started after the lock was taken (a reboot, a wrap of pids)', async () => {
    const { data, lock } = await fresh();
    await mkdir(data);
    // The test runner's own pid, in a lock taken long before the runner started.
    await writeFile(
      lock,
      JSON.stringify({ pid: process.pid, startedAt: '2024-07-04T21:00:00.000Z', port: 7300, machine: os.hostname(), dir: await realpath(data) }),
    );
    const { lines, log } = logLines();
    const held = await acquireDataLock(data, {}, log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `took over a stale lock \\(pid ${process.pid} is another process now, started 20\\d\\d-.*, ` +
          'not the Strapline that took the lock at 2024-07-04T21:00:00.000Z\\)$',
      ),
    );
    await held.release();
  });

  it.skipIf(process.platform !== 'linux')("whose recorded start tick is not the live pid's is taken over, whatever its start time says", async () => {
    const { data, lock } = await fresh();
    await mkdir(data);
    // Ours, as this process writes it, but from another boot: the time alone would call it held.
    const ours = await acquireDataLock(data, {}, () => undefined);
    const written = await lockIn(lock);
    expect(written.pidStart).toMatch(/^[0-9a-f-]{36}\/\d+$/);
    await ours.release();
    await writeFile(lock, JSON.stringify({ ...written, pidStart: `00000000-0000-0000-0000-000000000000/${written.pidStart!.split('/')[1]}` }));
    const { lines, log } = logLines();
    const held = await acquireDataLock(data, {}, log);
    expect(lines).toEqual([expect.stringContaining(`(pid ${process.pid} is another process now`)]);
    await held.release();
  });

  it.each([
    // Just written: first waited on (it may be a lock being written this instant), then taken.
    ['garbage, just written', 'not a lock {', false],
    ['empty, from a crash an hour ago', '', true],
    ['pid 0 (process.kill would signal our own group)', JSON.stringify({ pid: 0, startedAt: 'x' }), true],
    ['a negative pid', JSON.stringify({ pid: -1, startedAt: 'x' }), true],
  ])('that is %s is taken over', async (_what, text, old) => {
    const { data, lock } = await fresh();
    await mkdir(data);
    await writeFile(lock, text);
    if (old) await utimes(lock, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    const { lines, log } = logLines();
    const held = await acquireDataLock(data, {}, log);
    expect(lines).toEqual([`data folder ${data}: took over a stale lock (the file is unreadable)`]);
    expect((await lockIn(lock)).pid).toBe(process.pid);
    await held.release();
  });

  it("copied with its folder is not this folder's: the copy starts, the original stays held", async () => {
    const { dir, data } = await fresh();
    const original = await acquireDataLock(data, { host: '127.0.0.1', port: 7300 }, () => undefined);
    await cp(data, path.join(dir, 'copy'), { recursive: true });
    const { lines, log } = logLines();
    const copy = await acquireDataLock(path.join(dir, 'copy'), {}, log);
    expect(lines).toEqual([`data folder ${path.join(dir, 'copy')}: took over a stale lock (it was copied here with the folder from ${await realpath(data)})`]);
    await expect(acquireDataLock(data, {}, log)).rejects.toThrow(DataFolderInUse);
    await Promise.all([copy.release(), original.release()]);
  });

  it('raced for by two starts at once goes to exactly one of them, however the two interleave', async () => {
    const { data, lock } = await fresh();
    await mkdir(data);
    const pid = await deadPid();
    const later = async (turns: number) => {
      for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
      return acquireDataLock(data, {}, () => undefined);
    };
    // The second start a few event-loop turns behind the first, a different few each round, so its
    // takeover lands at every step of the first one's: before its create, after it, mid-write.
    for (let round = 0; round < 40; round++) {
      await writeFile(lock, JSON.stringify({ pid, startedAt: 'then' }));
      const both = await Promise.allSettled([later(0), later(round % 20)]);
      const won = both.filter((r) => r.status === 'fulfilled');
      expect(won, `round ${round}`).toHaveLength(1);
      expect((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(DataFolderInUse);
      expect(await won[0]!.value.release()).toBe(true);
    }
  });
});

describe('a takeover', () => {
  it('removes only the very file judged stale: a fresh lock made meanwhile is put back untouched', async () => {
    const { data, lock } = await fresh();
    await mkdir(data);
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), startedAt: 'then' }));
    const judged = (await readHeld(lock))!;
    // Another start takes the folder between this one's reading and its setting aside.
    await rm(lock);
    const theirs = await acquireDataLock(data, {}, () => undefined);
    const text = await readFile(lock, 'utf8');
    expect(await setAside(lock, judged)).toBe(false);
    expect(await readFile(lock, 'utf8')).toBe(text);
    expect(await readdir(data)).toEqual([LOCK_FILE]);
    expect(await theirs.release()).toBe(true);
  });
});

describe('release', () => {
  it('removes the lock, leaving nothing behind, and the folder can be taken again', async () => {
    const { data } = await fresh();
    const held = await acquireDataLock(data, {}, () => undefined);
    expect(await held.release()).toBe(true);
    expect(await readdir(data)).toEqual([]);
    await (await acquireDataLock(data, {}, () => undefined)).release();
  });

  it('leaves alone a lock that is no longer ours', async () => {
    const { data, lock } = await fresh();
    const held = await acquireDataLock(data, {}, () => undefined);
    const theirs = JSON.stringify({ ...(await lockIn(lock)), startedAt: '2099-01-01T00:00:00.000Z' });
    await writeFile(lock, theirs);
    expect(await held.release()).toBe(false);
    expect(await readFile(lock, 'utf8')).toBe(theirs);
  });
});

describe('a lock from another machine', () => {
  it('is refused, since its pid cannot be checked from here, saying which machine and what to delete', async () => {
    const { data, lock } = await fresh();
    await mkdir(data);
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), startedAt: 'then', host: '0.0.0.0', port: 7300, machine: 'gallery-pc-2' }));
    await expect(acquireDataLock(data, {}, () => undefined)).rejects.toThrow(`The data folder ${data} is locked by Strapline on gallery-pc-2 (pid`);
    await expect(acquireDataLock(data, {}, () => undefined)).rejects.toThrow(
      'console http://127.0.0.1:7300/), which cannot be checked from here. ' +
        'Stop that one, or start this one with another data folder (--data DIR; STRAPLINE_DATA for the desktop app). ' +
        `If it is not running there, delete ${lock}.`,
    );
  });
});

describe('through the real CLI', () => {
  /** Runs until it is ready or has exited; a rebuild of the pages by another run (they are briefly gone) is waited out. */
  async function cli(data: string) {
    for (let waited = 0; ; waited += 500) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'main/server/cli.ts', '--port', '0', '--data', data, '--as-run', path.join(data, '..', 'as-run.jsonl')],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.push(child);
      const out = { stdout: '', stderr: '' };
      child.stderr!.on('data', (c: Buffer) => (out.stderr += c.toString()));
      // undefined once its last start-up line is out; its exit code if it stops first.
      const code = await new Promise<number | null | undefined>((resolve) => {
        child.stdout!.on('data', (c: Buffer) => {
          out.stdout += c.toString();
          if (/^Ctrl\+C stops it/m.test(out.stdout)) resolve(undefined);
        });
        child.once('close', (c) => resolve(c));
      });
      if (code === undefined || !out.stderr.includes('the pages are not built') || waited >= 30_000) return { child, out, code };
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  it('refuses a second server on one --data folder with one line on stderr and exit code 1', async () => {
    const { data, lock } = await fresh();
    const first = await cli(data);
    expect(first.code, first.out.stderr).toBeUndefined();
    const url = /console:\s+(http:\/\/\S+?)\/\s/.exec(first.out.stdout)![1]!;
    const second = await cli(data);
    expect(second.code).toBe(1);
    expect(second.out.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`strapline: The data folder ${data} is in use by another Strapline (pid ${first.child.pid}, console ${url}/)`),
    ]);
    expect(second.out.stdout).toBe('');
    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
    await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);
});
