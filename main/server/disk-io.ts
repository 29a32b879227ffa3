import { open, stat, truncate } from 'node:fs/promises';
import { writeFileAtomic } from './show-store';

/**
 * The writes that keep the night on disk (results journal, autosave, session,
 * as-run), as one small interface, so tests can stand in a full disk or a
 * read-only folder. Tests run as root, where chmod does not stop a write, so
 * those faults are injected here rather than made with permissions.
 */
export interface DiskIo {
  /** Temp file, flushed, renamed over the target, folder flushed: the old file or the new, whole. */
  writeAtomic(file: string, text: string): Promise<void>;
  /** Appends, and resolves only once the bytes are flushed to the disk (fdatasync when durable). */
  append(file: string, text: string, durable: boolean): Promise<void>;
  /** Cuts a file back to `length` bytes: how a failed append's partial bytes are taken off again. */
  truncate(file: string, length: number): Promise<void>;
  /** Bytes in the file; 0 when there is none. */
  size(file: string): Promise<number>;
}

export const nodeDiskIo: DiskIo = {
  writeAtomic: writeFileAtomic,
  async append(file, text, durable) {
    const handle = await open(file, 'a', 0o644);
    try {
      await handle.appendFile(text, 'utf8');
      if (durable) await handle.datasync();
    } finally {
      await handle.close();
    }
  },
  truncate: (file, length) => truncate(file, length),
  size: (file) =>
    stat(file).then(
      (s) => s.size,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return 0;
        throw e;
      },
    ),
};

/** What a failed write says to the operator: the code and the file, e.g. "ENOSPC (no space left on device) writing /data/results/journal.jsonl". */
export function describeWriteError(e: unknown, file: string): string {
  const err = e as NodeJS.ErrnoException;
  const words = err.code ? WORDS[err.code] : undefined;
  return `${err.code ?? 'error'}${words ? ` (${words})` : `: ${err.message ?? String(e)}`} writing ${file}`;
}

const WORDS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is read-only',
  EACCES: 'no permission to write',
  EPERM: 'not permitted to write',
  EIO: 'the disk reported an I/O error',
};
