import { open } from 'node:fs/promises';
import { describeWriteError, type DiskIo } from './disk-io';

export interface AppendLogOptions {
  io: DiskIo;
  /** Flush each batch to the disk (fdatasync) before it counts as written. */
  durable: boolean;
  /** Told of each failed write (why) and of the first good one after (null): the operator sees both. */
  onFault: (message: string | null) => void;
  retryMs?: number;
}

type Waiter = { upTo: number; resolve: (unsaved: string | null) => void };

/**
 * Lines appended to one file, in order, in batches: whatever arrives while a
 * write is under way goes into the next one (group commit), so a burst of a
 * thousand lines costs a few flushes, and a caller can wait for the flush that
 * holds its line. A failed write (disk full, read-only) keeps its lines for the
 * next try (the next line, or a second later), cuts any partial bytes off the
 * file again, and starts the retry on a new line, so no half line is ever
 * joined to a whole one.
 */
export class AppendLog {
  private pending: string[] = [];
  /** Lines ever appended, and how many of them are on disk (or covered by a replacement). */
  private appended = 0;
  private written = 0;
  private waiters: Waiter[] = [];
  private running: Promise<void> = Promise.resolve();
  /** Set and cleared synchronously, so a line appended as a drain ends is never left behind. */
  private draining = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private replacement: { snapshot: () => Promise<void>; done: (failure: string | null) => void } | null = null;
  /** Start the next write on a new line: after a failed write, or after a torn last line found at open. */
  private separate: boolean;
  failing: string | null = null;

  private constructor(
    readonly file: string,
    private length: number,
    /** The file did not end in a newline when opened: its last line was cut off mid-write. */
    readonly tornTail: boolean,
    private readonly options: AppendLogOptions,
  ) {
    this.separate = tornTail;
  }

  static async open(file: string, options: AppendLogOptions): Promise<AppendLog> {
    const length = await options.io.size(file);
    return new AppendLog(file, length, length > 0 && (await lastByte(file, length)) !== 0x0a, options);
  }

  /** Bytes of whole lines in the file. */
  get bytes(): number {
    return this.length;
  }

  append(line: string): void {
    this.pending.push(line.endsWith('\n') ? line : `${line}\n`);
    this.appended += 1;
    this.kick();
  }

  /** Resolves once every line appended so far is on disk: null, or why its write failed. */
  whenWritten(): Promise<string | null> {
    if (this.written >= this.appended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiters.push({ upTo: this.appended, resolve }));
  }

  /**
   * Runs `snapshot` between two writes; once it has written what covers every
   * line appended so far, those lines count as written and the file is emptied.
   * `snapshot` must take what it writes before its first await. A failed
   * snapshot leaves the file as it was and the lines to be appended; the
   * promise says why it failed (null: it landed).
   */
  replace(snapshot: () => Promise<void>): Promise<string | null> {
    return new Promise((done) => {
      this.replacement?.done('replaced by a later snapshot');
      this.replacement = { snapshot, done };
      this.kick();
    });
  }

  /** Every line so far on disk (or the reason not), and no more retries. */
  async close(): Promise<string | null> {
    this.kick();
    while (this.draining) await this.running;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    return this.written >= this.appended ? null : (this.failing ?? 'not written');
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = true;
    this.running = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const job = this.replacement;
        this.replacement = null;
        if (job) job.done(await this.runReplacement(job.snapshot));
        else if (this.pending.length === 0 || !(await this.writePending())) return;
      }
    } finally {
      // In the same turn as the last check for pending lines.
      this.draining = false;
    }
  }

  /** True when the batch landed. */
  private async writePending(): Promise<boolean> {
    const { io, durable } = this.options;
    const count = this.pending.length;
    const upTo = this.appended;
    const text = (this.separate ? '\n' : '') + this.pending.join('');
    try {
      await io.append(this.file, text, durable);
    } catch (e) {
      // Partial bytes would sit between whole lines: cut them off; if even that fails, the retry's newline fences them off.
      await io.truncate(this.file, this.length).catch(async () => (this.length = await io.size(this.file).catch(() => this.length)));
      this.fault(describeWriteError(e, this.file), upTo);
      return false;
    }
    this.separate = false;
    this.pending.splice(0, count);
    this.length += Buffer.byteLength(text);
    this.settle(upTo);
    return true;
  }

  /** Null when the snapshot landed, else why not (the lines stay pending, to be appended as usual). */
  private async runReplacement(snapshot: () => Promise<void>): Promise<string | null> {
    const count = this.pending.length;
    const upTo = this.appended;
    try {
      await snapshot();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    this.pending.splice(0, count);
    this.settle(upTo);
    try {
      await this.options.io.truncate(this.file, 0);
      this.length = 0;
      this.separate = false;
    } catch {
      // The old lines stay, all held by the snapshot too: readers pass over them.
    }
    return null;
  }

  private settle(upTo: number): void {
    this.written = upTo;
    this.answer(upTo, null);
    if (this.failing !== null) {
      this.failing = null;
      this.options.onFault(null);
    }
  }

  private fault(message: string, upTo: number): void {
    this.separate = true;
    this.answer(upTo, message);
    this.failing = message;
    this.options.onFault(message);
    this.retry ??= setTimeout(() => {
      this.retry = null;
      this.kick();
    }, this.options.retryMs ?? 1000);
    this.retry.unref?.();
  }

  private answer(upTo: number, unsaved: string | null): void {
    const due = this.waiters.filter((w) => w.upTo <= upTo);
    this.waiters = this.waiters.filter((w) => w.upTo > upTo);
    for (const w of due) w.resolve(unsaved);
  }
}

async function lastByte(file: string, length: number): Promise<number | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, length - 1);
    return bytesRead === 1 ? buffer[0]! : null;
  } finally {
    await handle.close();
  }
}
