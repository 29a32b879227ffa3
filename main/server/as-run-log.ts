import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../engine/engine';
import { AppendLog } from './append-log';
import { nodeDiskIo, type DiskIo } from './disk-io';

export interface AsRunLogOptions {
  /** Told of each failed write (why) and of the first good one after (null). */
  onFault: (message: string | null) => void;
  /** Said once at start, e.g. that the last line was cut off by a stop mid-write. */
  notice: (message: string) => void;
  io?: DiskIo;
}

/**
 * Appends every on-air change to a file, one JSON object a line, in order,
 * flushed to the disk in batches (main/server/append-log.ts) and never on the
 * take path. A line cut off by a power cut mid-write is left as it is, and
 * the next line starts on a line of its own, so every other line stays whole
 * (and the start says so). Returns what a clean stop awaits.
 */
export async function attachAsRunLog(engine: Engine, file: string, options: AsRunLogOptions): Promise<() => Promise<void>> {
  await mkdir(path.dirname(file), { recursive: true });
  const log = await AppendLog.open(file, { io: options.io ?? nodeDiskIo, durable: true, onFault: options.onFault });
  if (log.tornTail)
    options.notice(`${file}: the last line was cut off mid-write (a power cut or a kill); it is left as it is, and the log goes on from the next line`);
  const unsubscribe = engine.subscribe((event) => {
    if (event.type === 'as-run') log.append(JSON.stringify(event.data));
  });
  return async () => {
    unsubscribe();
    const unsaved = await log.close();
    if (unsaved) options.onFault(unsaved);
  };
}
