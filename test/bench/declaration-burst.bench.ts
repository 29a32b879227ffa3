import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DeclaredSeat } from '../../main/engine/election';
import { REFERENCE_DIR } from '../../main/server/headless';
import { watchDropFolder } from '../../main/server/drop-folder';
import { engineFactory } from './import.bench';
import { summarise, type Summary } from './stats';

const RUNS = Number(process.env.BENCH_BURSTS ?? 15);
const WARMUP = 2;
/**
 * The settle time under test. A file is read once two looks this far apart agree on its size
 * and mtime, and a burst lands about two settle times after its first file (one to the first
 * look, one to confirm), plus reading, parsing and one command. Shorter lands sooner but only
 * guards writers whose mid-file pauses are shorter than it; 100 ms outlasts the pauses of an
 * FTP or SMB client streaming a file of a few KB, and leaves the 500 ms p95 budget room for
 * reading and applying 650 files on a loaded two-core machine. Writers that rename `*.tmp`
 * into place are safe whatever this is.
 */
export const BURST_SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 100);
/**
 * tmpfs where there is one: on this VM's disk, creating 650 files alone takes 0.6 to 1 s, and
 * that is the disk's figure, not Strapline's. Set BENCH_DROP_ROOT to measure another disk.
 */
const DROP_ROOT = process.env.BENCH_DROP_ROOT ?? (existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());

/**
 * 650 seat files (the whole 2024 night, one strapline-results file a seat) written at once
 * into a watched folder. The clock starts when the first write begins, so the figure includes
 * the writing, as the operator sees it: from the feed starting to drop files to every seat
 * being in the engine's `results` event. The time from the last write is reported too.
 */
export async function benchDeclarationBurst(): Promise<Record<string, Summary>> {
  const seats = (JSON.parse(await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8')) as { seats: DeclaredSeat[] }).seats;
  const files = seats.map((s) => ({
    name: `${s.onsCode}.json`,
    text: JSON.stringify({ format: 'strapline-results', version: 1, election: 'ge2024', seats: [s] }),
  }));
  const freshEngine = await engineFactory();
  const total: number[] = [];
  const afterWrites: number[] = [];
  const commands: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const engine = freshEngine();
    const dispatch = engine.dispatch.bind(engine);
    let count = 0;
    engine.dispatch = (input: unknown) => ((count += 1), dispatch(input));
    const dir = await mkdtemp(path.join(DROP_ROOT, 'strapline-burst-'));
    let failed: string | undefined;
    const watcher = watchDropFolder({ dir, engine, settleMs: BURST_SETTLE_MS, onReport: (r) => void (r.errors.length && (failed = r.summary)) });
    try {
      await watcher.scanNow(); // the empty folder's first look is done before the clock starts
      const declared = new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`burst bench: not all declared after 20 s (${failed ?? 'no errors'})`)), 20_000);
        const off = engine.subscribe((e) => {
          if (e.type !== 'results' || e.data.totals.declared !== 650) return;
          clearTimeout(timeout);
          off();
          resolve(performance.now());
        });
      });
      const t0 = performance.now();
      await Promise.all(files.map((f) => writeFile(path.join(dir, f.name), f.text)));
      const written = performance.now();
      const done = await declared;
      if (failed !== undefined) throw new Error(`burst bench: ${failed}`);
      if (i < WARMUP) continue;
      total.push(done - t0);
      afterWrites.push(done - written);
      commands.push(count);
    } finally {
      await watcher.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    declaration_burst_ms: summarise(total),
    declaration_burst_after_writes_ms: summarise(afterWrites),
    declaration_burst_commands: summarise(commands),
  };
}
