import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../engine/engine';
import type { Baseline } from '../engine/election';
import type { ResultsState } from '../engine/results';
import { journalRecord, journalSnapshotSchema, replayJournal, resultsOf, wholeOf, type JournalSnapshot } from '../engine/results-journal';
import { AppendLog } from './append-log';
import { describeWriteError, nodeDiskIo, type DiskIo } from './disk-io';

/**
 * Every change to the results (a declaration, a correction held, accepted or
 * rejected, a setting, a rehearsal's start and stop) is appended to
 * <data>/results/journal.jsonl and flushed to the disk before the command that
 * made it is answered: commands that arrive during a flush share the next one
 * (group commit). A start replays snapshot.json and then the journal; once the
 * journal passes COMPACT_AT_BYTES (and at every start) the results are written
 * whole, atomically, to snapshot.json and the journal emptied. A crash between
 * the two leaves records the snapshot already holds, which a replay passes over.
 * Damaged lines are passed over and reported, and the journal is copied aside
 * before it is ever emptied.
 */

export const COMPACT_AT_BYTES = 4 * 1024 * 1024;
/** A snapshot that could not be written is tried again no sooner than this. */
const COMPACT_RETRY_MS = 10_000;

export interface JournalOptions {
  dataDir: string;
  /** What the engine starts with: the baseline is left out of the files while it holds. */
  initial: ResultsState;
  now: () => number;
  /** Told of each failed write (why) and of the first good one after (null). */
  onFault: (message: string | null) => void;
  io?: DiskIo;
  compactAtBytes?: number;
}

export class ResultsJournal {
  private last: ResultsState;
  private compacting: Promise<string | null> | null = null;
  private compactFailedAt = Number.NEGATIVE_INFINITY;

  private constructor(
    private readonly files: { journal: string; snapshot: string },
    private readonly log: AppendLog,
    private seq: number,
    /** Files a replay could not read whole: each is copied aside before it is emptied or replaced. */
    private damaged: { journal: boolean; snapshot: boolean },
    private readonly baseline: Baseline,
    private readonly options: JournalOptions,
    results: ResultsState,
  ) {
    this.last = results;
  }

  /** Replays what is on disk. `results` is null when there was nothing; notices say what came back and what was damaged. */
  static async open(options: JournalOptions): Promise<{ journal: ResultsJournal; results: ResultsState | null; notices: string[] }> {
    const dir = path.join(options.dataDir, 'results');
    await mkdir(dir, { recursive: true });
    const files = { journal: path.join(dir, 'journal.jsonl'), snapshot: path.join(dir, 'snapshot.json') };
    // What a crash mid-snapshot leaves: the snapshot it was for is whole (old or new), so they go.
    for (const name of await readdir(dir)) if (name.endsWith('.tmp')) await rm(path.join(dir, name), { force: true });
    const notices: string[] = [];
    const baseline = options.initial.baseline;
    const { snapshot, damagedSnapshot } = await readSnapshot(files.snapshot, notices);
    const start = snapshot ? resultsOf(snapshot.results, baseline) : options.initial;
    const text = (await readFile(files.journal, 'utf8').catch(() => null)) ?? '';
    const replayed = replayJournal(start, snapshot?.seq ?? 0, text, baseline);
    const damaged = { journal: replayed.skipped.length > 0, snapshot: damagedSnapshot };
    if (damaged.journal) {
      const where = replayed.skipped
        .slice(0, 3)
        .map((s) => `line ${s.line}: ${s.reason}`)
        .join('; ');
      notices.push(
        `${files.journal}: ${replayed.skipped.length} damaged line${replayed.skipped.length === 1 ? '' : 's'} passed over (${where}); ` +
          'the rest was replayed, and the journal is copied aside before it is compacted',
      );
    }
    const log = await AppendLog.open(files.journal, { io: options.io ?? nodeDiskIo, durable: true, onFault: options.onFault });
    const journal = new ResultsJournal(files, log, replayed.seq, damaged, baseline, options, replayed.results);
    const back = snapshot !== null || replayed.applied > 0;
    if (back) notices.push(`Results back from ${dir}: ${describe(replayed.results)}`);
    // Each start folds the journal into the snapshot, so a journal never outgrows one night.
    if (text.length > 0 || damagedSnapshot) {
      const failed = await journal.compact();
      if (failed) notices.push(`The results journal could not be compacted at start (${failed}); it is kept as it is and appended to`);
    }
    return { journal, results: back ? replayed.results : null, notices };
  }

  /** Records every change of the engine's results, and makes the engine's answers wait for them (Engine.commit). */
  attach(engine: Engine): () => void {
    this.last = engine.resultsState();
    const unsubscribe = engine.subscribe((event) => {
      if (event.type !== 'results') return;
      const results = engine.resultsState();
      const record = journalRecord(this.last, results, this.seq + 1, this.options.now(), this.baseline);
      this.last = results;
      if (!record) return;
      this.seq = record.seq;
      this.log.append(JSON.stringify(record));
      const due = this.log.bytes > (this.options.compactAtBytes ?? COMPACT_AT_BYTES) && this.options.now() - this.compactFailedAt > COMPACT_RETRY_MS;
      if (due) void this.compact();
    });
    const detachPersist = engine.persistWith(() => this.log.whenWritten());
    return () => {
      unsubscribe();
      detachPersist();
    };
  }

  /** Writes the results whole to snapshot.json, then empties the journal; null when it landed, else why not. */
  compact(): Promise<string | null> {
    this.compacting ??= this.log
      .replace(async () => {
        // Taken before any await: the state that holds every record so far.
        const file: JournalSnapshot = {
          format: 'strapline-results-snapshot',
          version: 1,
          seq: this.seq,
          at: new Date(this.options.now()).toISOString(),
          results: wholeOf(this.last, this.baseline),
        };
        const text = `${JSON.stringify(file)}\n`;
        for (const which of ['journal', 'snapshot'] as const) if (this.damaged[which]) await keepCopy(this.files[which], this.options.now());
        await (this.options.io ?? nodeDiskIo)
          .writeAtomic(this.files.snapshot, text)
          .catch((e: unknown) => Promise.reject(new Error(describeWriteError(e, this.files.snapshot))));
        this.damaged = { journal: false, snapshot: false };
      })
      .then((failed) => {
        if (failed) this.compactFailedAt = this.options.now();
        return failed;
      })
      .finally(() => (this.compacting = null));
    return this.compacting;
  }

  /** Every record on disk (or the reason not). */
  close(): Promise<string | null> {
    return this.log.close();
  }
}

async function readSnapshot(file: string, notices: string[]): Promise<{ snapshot: JournalSnapshot | null; damagedSnapshot: boolean }> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { snapshot: null, damagedSnapshot: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = journalSnapshotSchema.safeParse(raw);
  if (parsed.success) return { snapshot: parsed.data, damagedSnapshot: false };
  notices.push(
    `${file} could not be read (it is copied aside before a new one is written); results were replayed from the journal alone and may lack those it held`,
  );
  return { snapshot: null, damagedSnapshot: true };
}

/** A damaged file, copied beside itself (journal.damaged-<time>.jsonl) before anything writes over it. */
async function keepCopy(file: string, now: number): Promise<void> {
  const ext = path.extname(file);
  const copy = `${file.slice(0, -ext.length)}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}${ext}`;
  await copyFile(file, copy).catch((e: unknown) =>
    Promise.reject(new Error(`${describeWriteError(e, copy)}: the damaged ${path.basename(file)} is kept as it is`)),
  );
}

function describe(r: ResultsState): string {
  const declared = [...r.seats.values()].filter((s) => s.state !== 'pending').length;
  const waiting = r.corrections.size;
  const corrections = waiting ? `, ${waiting} correction${waiting === 1 ? '' : 's'} waiting` : '';
  const rehearsal = r.mode === 'rehearsal' ? ' (a rehearsal: its replay does not resume; stop it to clear them)' : '';
  return `${declared} of ${r.seats.size} seats with results${corrections}${rehearsal}`;
}
