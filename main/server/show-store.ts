import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { Show } from '../engine/show';
import type { TemplateTable } from '../engine/templates';
import { readShowFile } from './show-file';
import type { DiskIo } from './disk-io';

/**
 * The show being edited, kept safe in the data directory. Every change is
 * autosaved within AUTOSAVE_DELAY_MS (plus one write) as a new numbered version
 * in the show's own folder (autosave/<slot>/show-000123.json); the newest
 * KEEP_VERSIONS are kept. The operator's own file is written only by Save and
 * Save As, so a half-finished edit never lands in it, and a restart reopens the
 * newest good version: nothing is lost but the last moment of edits.
 */

export const AUTOSAVE_DELAY_MS = 200;
export const KEEP_VERSIONS = 10;
export const RECENT_MAX = 10;
const VERSION_FILE = /^show-(\d{6,})\.json$/;

let tmpCount = 0;

/** Temp file beside the target, flushed, renamed over it, then the folder flushed: a crash leaves the old file or the new, whole. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${(tmpCount += 1)}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  // The rename itself lives in the folder: flush it too, or a power cut can undo it (POSIX only).
  if (process.platform !== 'win32') {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}

/** Writes the latest text it was given, one write at a time: a burst of changes costs one or two writes, never a queue. */
export class LatestWriter {
  private latest: string | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly file: string,
    private readonly onError: (e: Error) => void,
    /** Injected in tests, to stand in a full disk or a read-only folder. */
    private readonly write: DiskIo['writeAtomic'] = writeFileAtomic,
    private readonly onWritten: () => void = () => {},
  ) {}

  set(text: string): void {
    this.latest = text;
    this.running ??= this.drain().finally(() => (this.running = null));
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.latest !== null) {
      const text = this.latest;
      this.latest = null;
      await this.write(this.file, text).then(this.onWritten, (e: Error) => {
        this.onError(e);
        // Tried again a second later (unless newer text comes first), so a disk that frees up gets the file back in step.
        setTimeout(() => this.latest === null && !this.running && this.set(text), 1000).unref();
      });
    }
  }
}

const storeFileSchema = z.strictObject({
  format: z.literal('strapline-show-store'),
  version: z.literal(1),
  file: z.string().min(1).max(4096).nullable(),
  slot: z.string().regex(/^[a-z0-9-]{1,80}$/),
  dirty: z.boolean(),
  recent: z.array(z.string().min(1).max(4096)).max(RECENT_MAX),
});
type StoreFile = z.infer<typeof storeFileSchema>;

export interface StoreOptions {
  now: () => number;
  log: (message: string) => void;
  delayMs?: number;
  keep?: number;
  /** Injected in tests, to stand in a full disk or a read-only folder. */
  io?: DiskIo;
  /** Told of each failed autosave (why) and of the first good one after (null): the console shows it at once. */
  onFault?: (message: string | null) => void;
}

export interface Version {
  seq: number;
  path: string;
  mtimeMs: number;
}

/** One folder per show file (by path), one per untitled show: falling back never crosses into another show. */
export function slotFor(file: string | null, now: number): string {
  if (file === null) return `untitled-${now.toString(36)}`;
  const slug = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'show'}-${createHash('sha256').update(file).digest('hex').slice(0, 12)}`;
}

export class ShowStore {
  private readonly meta: LatestWriter;
  private pending: Show | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private cleanRevision = Number.POSITIVE_INFINITY;
  private nextSeq = 1;
  /** When the last autosave landed, and the last failure (shown to the operator, not just logged). */
  lastAutosaveAt: number | null = null;
  autosaveError: string | null = null;
  readonly notices: string[] = [];
  /** The show file opened at start (null for the demo or an untitled show): its folder is one a colleague on the network may save in. */
  openedAtStart: string | null = null;

  private constructor(
    readonly dataDir: string,
    private state: StoreFile,
    private readonly options: StoreOptions,
  ) {
    this.meta = new LatestWriter(path.join(dataDir, 'show-store.json'), (e) => options.log(`show store: ${e.message}`));
  }

  static async open(dataDir: string, options: StoreOptions): Promise<ShowStore> {
    await mkdir(path.join(dataDir, 'autosave'), { recursive: true });
    const file = path.join(dataDir, 'show-store.json');
    const fresh: StoreFile = { format: 'strapline-show-store', version: 1, file: null, slot: slotFor(null, options.now()), dirty: false, recent: [] };
    const text = await readFile(file, 'utf8').catch(() => null);
    const parsed = text === null ? null : storeFileSchema.safeParse(safeJson(text));
    const store = new ShowStore(dataDir, parsed?.success ? parsed.data : fresh, options);
    if (parsed && !parsed.success) store.notices.push(`${file} could not be read, so the recent list starts empty`);
    return store;
  }

  get file(): string | null {
    return this.state.file;
  }
  get dirty(): boolean {
    return this.state.dirty;
  }
  get recent(): readonly string[] {
    return this.state.recent;
  }
  get slotDir(): string {
    return path.join(this.dataDir, 'autosave', this.state.slot);
  }

  /** Autosaves on every show change; returns the detach. */
  attach(engine: Engine): () => void {
    return engine.subscribe((event) => {
      if (event.type !== 'show') return;
      if (event.data.showRevision > this.cleanRevision && !this.state.dirty) this.update({ dirty: true });
      this.pending = event.data.show;
      this.schedule(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
    });
  }

  private schedule(delayMs: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.writeVersion());
    }, delayMs);
  }

  /** Where dirty-tracking starts at startup: edits after this revision are unsaved (whatever was unsaved before stays so). */
  trackFrom(showRevision: number): void {
    this.cleanRevision = showRevision;
  }

  /** The show now matches its file (opened or saved at this revision); later revisions are unsaved edits. */
  markClean(showRevision: number): void {
    this.cleanRevision = showRevision;
    if (this.state.dirty) this.update({ dirty: false });
  }

  /** Edits continue in another show's folder (Open, New, Save As); pending edits of the old one land in the old folder first. */
  async switchTo(file: string | null): Promise<void> {
    await this.flush();
    // Anything that arrived meanwhile belongs to the show being replaced; the new one is written as it loads.
    this.pending = null;
    const recent = file === null ? this.state.recent : [file, ...this.state.recent.filter((f) => f !== file)].slice(0, RECENT_MAX);
    this.update({ file, slot: slotFor(file, this.options.now()), dirty: false, recent });
    this.nextSeq = 1 + ((await this.versions())[0]?.seq ?? 0);
  }

  remember(file: string): void {
    this.update({ recent: [file, ...this.state.recent.filter((f) => f !== file)].slice(0, RECENT_MAX) });
  }

  /**
   * Takes recent entries whose file is gone off the list and returns them. Only
   * what is plainly not there (ENOENT, ENOTDIR; an unplugged drive's files
   * look gone too, and opening one again puts it back): a file that cannot be
   * read for now (permissions) stays. The current show's file stays too: it
   * reopened from its autosave, and Save writes it again.
   */
  async dropMissingRecent(): Promise<string[]> {
    const gone: string[] = [];
    for (const file of this.state.recent) {
      if (file === this.state.file) continue;
      const missing = await stat(file).then(
        () => false,
        (e: NodeJS.ErrnoException) => e.code === 'ENOENT' || e.code === 'ENOTDIR',
      );
      if (missing) gone.push(file);
    }
    if (gone.length > 0) this.update({ recent: this.state.recent.filter((f) => !gone.includes(f)) });
    return gone;
  }

  /** Writes what is pending now and waits for every write to land. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.enqueue(() => this.writeVersion());
    await this.meta.flush();
  }

  /** Newest first. */
  async versions(): Promise<Version[]> {
    const names = await readdir(this.slotDir).catch(() => [] as string[]);
    const found: Version[] = [];
    for (const name of names) {
      const m = VERSION_FILE.exec(name);
      if (!m) continue;
      const file = path.join(this.slotDir, name);
      const info = await stat(file).catch(() => null);
      if (info) found.push({ seq: Number(m[1]), path: file, mtimeMs: info.mtimeMs });
    }
    return found.sort((a, b) => b.seq - a.seq);
  }

  /**
   * The newest good version of the current show, or null when it has none. A
   * damaged version is passed over (and left as it is), and the notice says so.
   */
  async resume(templates: TemplateTable): Promise<{ show: Show; from: string; notice: string | null } | null> {
    await this.removeStrayTemps();
    const versions = await this.versions();
    this.nextSeq = 1 + (versions[0]?.seq ?? 0);
    const damaged: string[] = [];
    for (const version of versions) {
      const read = await readShowFile(version.path, templates);
      if ('error' in read) {
        damaged.push(read.error.message);
        continue;
      }
      const at = read.show.savedAt ?? new Date(version.mtimeMs).toISOString();
      const notice =
        damaged.length === 0
          ? null
          : `The newest autosave could not be read (${damaged.join('; ')}). Reopened the autosave of ${at} instead; the damaged file was left untouched.`;
      if (damaged.length > 0) this.update({ dirty: true });
      this.lastAutosaveAt = Date.parse(at);
      return { show: read.show, from: version.path, notice };
    }
    if (damaged.length > 0) this.notices.push(`No autosave of this show could be read: ${damaged.join('; ')}`);
    return null;
  }

  private update(change: Partial<StoreFile>): void {
    this.state = { ...this.state, ...change };
    this.meta.set(JSON.stringify(this.state));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(job);
    return this.chain;
  }

  private async writeVersion(): Promise<void> {
    const show = this.pending;
    if (!show) return;
    this.pending = null;
    const at = this.options.now();
    const seq = this.nextSeq;
    const file = path.join(this.slotDir, `show-${String(seq).padStart(6, '0')}.json`);
    try {
      await mkdir(this.slotDir, { recursive: true });
      await (this.options.io?.writeAtomic ?? writeFileAtomic)(file, showText(show, at, 0));
      this.nextSeq = seq + 1;
      this.lastAutosaveAt = at;
      if (this.autosaveError !== null) this.options.onFault?.(null);
      this.autosaveError = null;
      for (const old of (await this.versions()).slice(this.options.keep ?? KEEP_VERSIONS)) await rm(old.path, { force: true });
    } catch (e) {
      // Kept pending, so the next change (or flush) tries again; the console shows the failure.
      this.pending ??= show;
      this.autosaveError = `autosave failed: ${(e as Error).message}`;
      this.options.log(this.autosaveError);
      this.options.onFault?.(this.autosaveError);
      this.schedule(1000);
    }
  }

  /** Temp files are what a crash mid-write leaves; the file they were for is whole, so they go. */
  private async removeStrayTemps(): Promise<void> {
    for (const name of await readdir(this.slotDir).catch(() => [] as string[])) {
      if (name.endsWith('.tmp')) await rm(path.join(this.slotDir, name), { force: true });
    }
  }
}

/**
 * A show as written to disk: current format, stamped with when. The operator's
 * files are indented, for people and diffs; autosaves are compact, since a
 * smaller write is a shorter window for a crash to land in.
 */
export function showText(show: Show, at: number, indent: 0 | 2 = 2): string {
  const { format, version, name, savedAt: _previous, ...rest } = show;
  return `${JSON.stringify({ format, version, name, savedAt: new Date(at).toISOString(), ...rest }, null, indent || undefined)}\n`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
