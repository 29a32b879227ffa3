import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { layerSchema, type Layer } from '../engine/show';
import { restoredGraphicSchema, type CommandResult, type OnAir, type RestoredGraphic } from '../engine/protocol';
import { fail } from '../engine/errors';
import { LatestWriter } from './show-store';
import type { DiskIo } from './disk-io';

/** How the session file is written: injected in tests, and where its failures are told. */
export interface SessionWrites {
  io?: DiskIo;
  onFault?: (message: string | null) => void;
}

/**
 * What was on air, kept in <data>/session.json and rewritten (atomically) on
 * every change of the program, with `running: true` until a clean stop. A start
 * that finds `running: true` knows the last run died (a crash, a kill, a power
 * cut) and holds what was on air as an offer: nothing goes back to air until
 * the operator says so. The offer survives further crashes until answered.
 */

const programSchema = z.partialRecord(layerSchema, restoredGraphicSchema);
type SavedProgram = z.infer<typeof programSchema>;

const sessionFileSchema = z.strictObject({
  format: z.literal('strapline-session'),
  version: z.literal(1),
  pid: z.number().int(),
  running: z.boolean(),
  at: z.iso.datetime(),
  program: programSchema,
  offer: z.strictObject({ program: programSchema, savedAt: z.iso.datetime() }).nullable(),
});
type SessionFile = z.infer<typeof sessionFileSchema>;

export interface RestoreOffer {
  program: SavedProgram;
  /** When the program last changed before the stop: it stayed on air from then until the crash. */
  savedAt: string;
}

function saved(onAir: OnAir): RestoredGraphic {
  return { cueId: onAir.cueId, title: onAir.title, template: onAir.template, fields: onAir.fields, view: onAir.view, step: onAir.step };
}

export class SessionState {
  private readonly writer: LatestWriter;
  private program: SavedProgram = {};
  private lastProgram: unknown = null;
  /** A program change waiting for its write (at the end of this dispatch, or at the next flush). */
  private programUnwritten = false;

  private constructor(
    file: string,
    /** True when the last run did not stop cleanly. */
    readonly uncleanStop: boolean,
    public offer: RestoreOffer | null,
    readonly notices: readonly string[],
    private readonly now: () => number,
    log: (message: string) => void,
    writes: SessionWrites,
  ) {
    let failing = false;
    const onError = (e: Error) => {
      failing = true;
      log(`session: ${e.message}`);
      writes.onFault?.(`what is on air could not be recorded for crash recovery: ${e.message}`);
    };
    const onWritten = () => {
      if (failing) writes.onFault?.(null);
      failing = false;
    };
    this.writer = new LatestWriter(file, onError, writes.io?.writeAtomic, onWritten);
  }

  static async open(dataDir: string, now: () => number, log: (message: string) => void, writes: SessionWrites = {}): Promise<SessionState> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, 'session.json');
    const text = await readFile(file, 'utf8').catch(() => null);
    let previous: SessionFile | null = null;
    const notices: string[] = [];
    if (text !== null) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      const parsed = sessionFileSchema.safeParse(raw);
      if (parsed.success) previous = parsed.data;
      else notices.push(`${file} could not be read, so what was on air before cannot be offered back`);
    }
    const unclean = previous?.running === true;
    const onAirThen = unclean && Object.keys(previous!.program).length > 0 ? { program: previous!.program, savedAt: previous!.at } : null;
    const session = new SessionState(file, unclean, onAirThen ?? (unclean ? previous!.offer : null), notices, now, log, writes);
    session.write(true);
    await session.writer.flush();
    return session;
  }

  /** Persists the program whenever it changes. */
  attach(engine: Engine): () => void {
    return engine.subscribe((event) => {
      if (event.type !== 'program' || event.data.program === this.lastProgram) return;
      this.lastProgram = event.data.program;
      const program: SavedProgram = {};
      for (const [layer, onAir] of Object.entries(event.data.program) as [Layer, OnAir][]) program[layer] = saved(onAir);
      this.program = program;
      // Serialised once the dispatch has returned, so the take's snapshot reaches the outputs first; flush() still holds it.
      if (!this.programUnwritten) queueMicrotask(() => this.writeProgram());
      this.programUnwritten = true;
    });
  }

  /** The operator's word: back to air at their steps, with no in-animation. */
  restore(engine: Engine): CommandResult {
    if (!this.offer)
      return { ok: false, error: fail('NOTHING_TO_RESTORE', 'There is nothing to restore: the last run stopped cleanly, or the offer was already answered') };
    const result = engine.dispatch({ type: 'restore-program', program: this.offer.program });
    if (result.ok) this.decline();
    return result;
  }

  decline(): void {
    this.offer = null;
    this.write(true);
  }

  /** A clean stop: the next start offers nothing back. */
  async close(): Promise<void> {
    this.offer = null;
    this.programUnwritten = false;
    this.write(false);
    await this.writer.flush();
  }

  async flush(): Promise<void> {
    this.writeProgram();
    await this.writer.flush();
  }

  private writeProgram(): void {
    if (!this.programUnwritten) return;
    this.programUnwritten = false;
    this.write(true);
  }

  private write(running: boolean): void {
    const file: SessionFile = {
      format: 'strapline-session',
      version: 1,
      pid: process.pid,
      running,
      at: new Date(this.now()).toISOString(),
      program: this.program,
      offer: this.offer,
    };
    this.writer.set(JSON.stringify(file));
  }
}
