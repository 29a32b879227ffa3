import { mkdir, open, realpath, rename, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { readProcessStart, type ProcessLookup } from './process-start';

/**
 * One Strapline per data folder. Two on one folder trample each other: the
 * second reads the first one's session.json as a crash and "recovers" it, and
 * both autosave into the same slots. So a start takes <data>/strapline.lock,
 * created exclusively, and a start that finds a live holder stops and says who.
 * A lock whose process has gone (a crash, a kill, a power cut) is stale and
 * taken over: crash recovery must never need a hand-deleted file. Gone includes
 * a process killed and not yet reaped (a zombie), and a pid now held by another
 * process (after a reboot, or a wrap of the pid counter): main/server/process-start.ts.
 */

export const LOCK_FILE = 'strapline.lock';
/** An unparseable lock younger than this may be one being written this instant: wait, don't take it. */
const WRITING_GRACE_MS = 1000;
const GIVE_UP_MS = 5000;
/**
 * A live process that started this long after the lock was taken is not the one that took it.
 * Locks are written after their process starts, so only a clock stepped forward since could
 * make the holder look later; a lock we write carries its start tick, which no clock moves.
 */
const CLOCK_SLACK_MS = 2000;

export interface DataLockInfo {
  /** The address the server listens on, and its port once bound: together, where the other console is. */
  host?: string;
  port?: number;
}

export interface DataLock {
  file: string;
  /** Records where this server can be reached (the port is known only once bound). */
  update: (info: DataLockInfo) => Promise<void>;
  /** Removes the lock if it is still ours; true when it did. */
  release: () => Promise<boolean>;
}

const lockSchema = z.object({
  // Positive: process.kill(0 or a negative number) would signal a whole process group.
  pid: z.number().int().positive(),
  startedAt: z.string(),
  host: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  // Beyond the brief's four fields: a pid says nothing about another machine, and a lock copied with its folder is not this folder's.
  machine: z.string().optional(),
  dir: z.string().optional(),
  /** What identifies the holder's process beyond its pid (Linux: boot id and start tick; process-start.ts). */
  pidStart: z.string().optional(),
});
type LockFile = z.infer<typeof lockSchema>;

/** Refused: another live Strapline holds this data folder. */
export class DataFolderInUse extends Error {
  override name = 'DataFolderInUse';
}

function consoleUrl(held: LockFile): string | null {
  if (held.port === undefined || held.port === 0) return null;
  const host = held.host === undefined || held.host === '0.0.0.0' ? '127.0.0.1' : held.host === '::' ? '::1' : held.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${held.port}/`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but is not ours to signal. Anything unexpected counts as alive: refusing is the safe side.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const sameDir = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** A lock file as read, with what identifies the file it was read from. */
export interface Held {
  text: string;
  ino: bigint;
  dev: bigint;
  mtimeNs: bigint;
}

/** The lock as found; null when there is none. */
export async function readHeld(file: string): Promise<Held | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await handle.stat({ bigint: true });
    return { text: await handle.readFile('utf8'), ino: st.ino, dev: st.dev, mtimeNs: st.mtimeNs };
  } finally {
    await handle.close();
  }
}

function parse(text: string): LockFile | null {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Verdict = { kind: 'stale'; why: string } | { kind: 'wait' } | { kind: 'held'; message: string };

/** Why the live pid in a lock is not the Strapline that wrote it; null when it may well be. */
function notTheHolder(lock: LockFile, now: ProcessLookup): string | null {
  if (now === 'gone') return `pid ${lock.pid} has exited`;
  if (now === null) return null;
  if (now.exited) return `pid ${lock.pid} has exited (killed, not yet reaped by its parent)`;
  const other =
    `pid ${lock.pid} is another process now, started ${new Date(now.startedMs).toISOString()}, ` + `not the Strapline that took the lock at ${lock.startedAt}`;
  if (lock.pidStart !== undefined && now.identity !== undefined) return lock.pidStart === now.identity ? null : other;
  const taken = Date.parse(lock.startedAt);
  return Number.isFinite(taken) && now.startedMs > taken + CLOCK_SLACK_MS ? other : null;
}

async function judge(held: Held, dataDir: string, realDir: string, file: string): Promise<Verdict> {
  const lock = parse(held.text);
  if (lock === null)
    return Date.now() - Number(held.mtimeNs / 1_000_000n) < WRITING_GRACE_MS ? { kind: 'wait' } : { kind: 'stale', why: 'the file is unreadable' };
  const url = consoleUrl(lock);
  const who = `pid ${lock.pid}${url ? `, console ${url}` : ''}`;
  const elsewhere = 'start this one with another data folder (--data DIR; STRAPLINE_DATA for the desktop app)';
  if (lock.machine !== undefined && lock.machine !== os.hostname()) {
    return {
      kind: 'held',
      message:
        `The data folder ${dataDir} is locked by Strapline on ${lock.machine} (${who}), which cannot be checked from here. ` +
        `Stop that one, or ${elsewhere}. If it is not running there, delete ${file}.`,
    };
  }
  if (lock.dir !== undefined && !sameDir(lock.dir, realDir)) return { kind: 'stale', why: `it was copied here with the folder from ${lock.dir}` };
  if (!isAlive(lock.pid)) return { kind: 'stale', why: `pid ${lock.pid} has exited` };
  const gone = notTheHolder(lock, await readProcessStart(lock.pid));
  if (gone !== null) return { kind: 'stale', why: gone };
  return {
    kind: 'held',
    message:
      `The data folder ${dataDir} is in use by another Strapline (${who}). ` +
      `Stop that one first, or ${elsewhere}. If pid ${lock.pid} is not Strapline, delete ${file}.`,
  };
}

/**
 * Moves the stale lock out of the way, but only the very file judged stale:
 * another start may have taken it over and made a fresh lock meanwhile, and
 * that one is put back untouched.
 */
export async function setAside(file: string, held: Held): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    await rename(file, aside);
  } catch (e) {
    // Gone already, or (Windows) held open by a reader this instant: either way, look again.
    if (['ENOENT', 'EPERM', 'EBUSY', 'EACCES'].includes(code(e) ?? '')) return false;
    throw e;
  }
  const moved = await readHeld(aside);
  // Inode, time and bytes: a freed inode is soon reused, by a fresh lock too, and timestamps are coarse.
  if (moved !== null && moved.ino === held.ino && moved.dev === held.dev && moved.mtimeNs === held.mtimeNs && moved.text === held.text) {
    await rm(aside, { force: true });
    return true;
  }
  await rename(aside, file);
  return false;
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  const handle = await open(file, 'wx').catch((e: unknown) => {
    if (code(e) === 'EEXIST') return null;
    throw e;
  });
  if (handle === null) return false;
  // Written in one go; a failed write (a full disk) must not leave an empty lock behind.
  const written = await handle.writeFile(text).then(
    () => null,
    (e: unknown) => e,
  );
  await handle.close();
  if (written === null) return true;
  await rm(file, { force: true });
  throw written;
}

/** Takes <dataDir>/strapline.lock, or throws DataFolderInUse naming the folder, the holder and what to do. */
export async function acquireDataLock(dataDir: string, info: DataLockInfo, log: (message: string) => void): Promise<DataLock> {
  await mkdir(dataDir, { recursive: true });
  const realDir = await realpath(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  const self = await readProcessStart(process.pid);
  const pidStart = self !== null && self !== 'gone' ? self.identity : undefined;
  const mine: LockFile = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    ...info,
    machine: os.hostname(),
    dir: realDir,
    ...(pidStart === undefined ? {} : { pidStart }),
  };
  const ours = async (): Promise<boolean> => {
    const found = parse((await readHeld(file))?.text ?? '');
    return found !== null && found.pid === mine.pid && found.startedAt === mine.startedAt;
  };
  const deadline = Date.now() + GIVE_UP_MS;
  while (!(await createExclusive(file, JSON.stringify(mine)))) {
    if (Date.now() > deadline) throw new Error(`${file}: could not take the lock within ${GIVE_UP_MS / 1000} s; another start keeps changing it`);
    const held = await readHeld(file);
    if (held === null) continue;
    const verdict = await judge(held, dataDir, realDir, file);
    if (verdict.kind === 'held') throw new DataFolderInUse(verdict.message);
    if (verdict.kind === 'wait') await sleep(50);
    else if (await setAside(file, held)) log(`data folder ${dataDir}: took over a stale lock (${verdict.why})`);
  }
  let released = false;
  return {
    file,
    async update(next) {
      if (released || !(await ours())) return;
      Object.assign(mine, next);
      // Rewritten in place: a reader catching it half-written sees a fresh, unparseable file and waits.
      const handle = await open(file, 'r+');
      try {
        await handle.truncate(0);
        await handle.write(JSON.stringify(mine), 0);
      } finally {
        await handle.close();
      }
    },
    async release() {
      if (released) return false;
      released = true;
      if (!(await ours())) return false;
      await rm(file, { force: true });
      return true;
    },
  };
}
