/**
 * Where the drop folder puts a file once it has been taken: `DROP/done/`, which the watcher
 * does not read (it reads only files directly in the folder). Without it the next start would
 * read the whole night again as if new, and a declined correction would come back.
 */
import { link, mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export const DONE_FOLDER = 'done';
/** aldershot.json, then aldershot.2.json ...: a feed that reuses a name keeps every version. */
const MAX_SAME_NAME = 1000;

/** The version of a file that was read: what the moved file must still be. */
export interface ReadVersion {
  ino: number;
  size: number;
  mtimeMs: number;
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
const sameVersion = (a: ReadVersion, b: ReadVersion) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

function nameFor(name: string, n: number): string {
  if (n === 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${n}${ext}`;
}

/**
 * Moves `name` into done/ without replacing anything there. A link then an unlink, since a
 * rename would silently replace an earlier file of that name; file systems without hard links
 * (FAT, some shares) get a rename to a name checked free. Where the file was written to again
 * between its read and the move, that unread version is put back to be read.
 */
export async function moveToDone(dir: string, name: string, read: ReadVersion): Promise<string> {
  const from = path.join(dir, name);
  const doneDir = path.join(dir, DONE_FOLDER);
  await mkdir(doneDir, { recursive: true });
  for (let n = 1; n <= MAX_SAME_NAME; n++) {
    const to = path.join(doneDir, nameFor(name, n));
    if (!(await place(from, to))) continue;
    const moved = await stat(to);
    if (!sameVersion(moved, read)) await place(to, from).catch(() => undefined);
    return to;
  }
  throw new Error(`${name}: done/ already holds ${MAX_SAME_NAME} files of that name`);
}

/** Moves from to `to` if nothing is there yet; false when something is. */
async function place(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(code(e) ?? '')) throw e;
    const taken = await stat(to).then(
      () => true,
      (err: unknown) => (code(err) === 'ENOENT' ? false : Promise.reject(err)),
    );
    if (taken) return false;
    await rename(from, to);
    return true;
  }
  await unlink(from);
  return true;
}
