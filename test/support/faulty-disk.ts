import { nodeDiskIo, type DiskIo } from '../../main/server/disk-io';

export type DiskFault = 'ENOSPC' | 'EROFS';

const MESSAGES: Record<DiskFault, string> = { ENOSPC: 'no space left on device', EROFS: 'read-only file system' };

/**
 * The real file writes, with a switch that makes them fail as a full disk or a
 * read-only folder would. Injected because the tests run as root, where chmod
 * does not stop a write, and chattr does not work on the temporary folder's
 * filesystem (tmpfs/overlay). A full disk may take part of an append before
 * failing (partialBytes), as a real one does.
 */
export function faultyDisk(options: { partialBytes?: number } = {}): { io: DiskIo; fail: (fault: DiskFault | null) => void; failedWrites: () => number } {
  let fault: DiskFault | null = null;
  let failed = 0;
  const error = (f: DiskFault, op: string, file: string) => Object.assign(new Error(`${f}: ${MESSAGES[f]}, ${op} '${file}'`), { code: f });
  const io: DiskIo = {
    async writeAtomic(file, text) {
      if (fault) throw (failed++, error(fault, 'open', `${file}.tmp`));
      return nodeDiskIo.writeAtomic(file, text);
    },
    async append(file, text, durable) {
      if (!fault) return nodeDiskIo.append(file, text, durable);
      failed++;
      if (fault === 'ENOSPC' && options.partialBytes) await nodeDiskIo.append(file, text.slice(0, options.partialBytes), false);
      throw error(fault, 'write', file);
    },
    // A read-only folder refuses the cut-back too; a full disk allows it (it frees space).
    truncate: async (file, length) => (fault === 'EROFS' ? Promise.reject(error(fault, 'truncate', file)) : nodeDiskIo.truncate(file, length)),
    size: (file) => nodeDiskIo.size(file),
  };
  return { io, fail: (f) => void (fault = f), failedWrites: () => failed };
}
