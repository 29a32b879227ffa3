import { readFile } from 'node:fs/promises';
import type { Engine } from '../engine/engine';
import type { SeatResult } from '../engine/election';
import { importStraplineResultsJson } from '../engine/import';

export interface RehearsalStatus {
  running: boolean;
  /** Whether the outputs draw the REHEARSAL mark. */
  mark: boolean;
  declared: number;
  total: number;
  durationSeconds: number;
}

/**
 * Declares a whole election again, in order, at a chosen speed, so the team can
 * rehearse the night, or replay an old one. Seats with declaration times come
 * in their real order and keep their spacing, scaled to fit (plannedOffsets);
 * without times (the 2024 file has none), smaller counts go first, evenly
 * spaced, as they tend to on the night. Runs in rehearsal mode, which the as-run log and
 * the console mark.
 */
export class Rehearsal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: { at: number; seat: SeatResult }[] = [];
  private done = 0;
  private durationSeconds = 0;

  constructor(
    private readonly engine: Engine,
    private readonly now: () => number = Date.now,
    private readonly tickMs = 200,
  ) {}

  static async fromFile(file: string): Promise<SeatResult[]> {
    const outcome = importStraplineResultsJson(await readFile(file, 'utf8'), file);
    if (outcome.report.applied !== 'all') throw new Error(outcome.report.summary);
    return [...outcome.rows];
  }

  /**
   * Refuses to start over a live night's results: a rehearsal must never wipe real data.
   * mark: whether every output draws REHEARSAL while it runs (false only by the operator's explicit choice).
   */
  start(seats: readonly SeatResult[], durationSeconds: number, mark: boolean): void {
    const current = this.engine.resultsSnapshot();
    if (current.mode === 'live' && current.totals.decided > 0) {
      throw new Error(`${current.totals.decided} seats have live results: a rehearsal would clear them`);
    }
    this.stopTimer();
    this.engine.dispatch({ type: 'set-mode', mode: 'rehearsal', mark });
    this.engine.dispatch({ type: 'reset-results' });
    const start = this.now();
    const ordered = plannedOrder(seats);
    const offsets = plannedOffsets(ordered, durationSeconds * 1000);
    this.queue = ordered.map((seat, i) => ({ at: start + offsets[i]!, seat }));
    this.done = 0;
    this.durationSeconds = durationSeconds;
    this.tick();
  }

  /** Ends the rehearsal and clears its results, so none of it leaks into the live night. */
  stop(): void {
    this.stopTimer();
    this.queue = [];
    this.engine.dispatch({ type: 'reset-results' });
    this.engine.dispatch({ type: 'set-mode', mode: 'live' });
  }

  status(): RehearsalStatus {
    const { mode, rehearsalMark } = this.engine.resultsState();
    return {
      running: this.timer !== null,
      mark: mode === 'rehearsal' && rehearsalMark,
      declared: this.done,
      total: this.done + this.queue.length,
      durationSeconds: this.durationSeconds,
    };
  }

  private tick = (): void => {
    const now = this.now();
    let due = 0;
    while (due < this.queue.length && this.queue[due]!.at <= now) due += 1;
    if (due > 0) {
      const batch = this.queue.splice(0, due).map((q) => q.seat);
      this.engine.dispatch({ type: 'declare-results', source: 'rehearsal', seats: batch });
      this.done += batch.length;
    }
    this.timer = this.queue.length ? setTimeout(this.tick, this.tickMs) : null;
  };

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const declaredAtMs = (s: SeatResult): number => ('declaredAt' in s && s.declaredAt ? Date.parse(s.declaredAt) : Number.NaN);

/**
 * When each seat (in planned order) is declared, in ms from the start, within the duration.
 * Where every seat has a declaration time the night keeps its real rhythm, scaled to fit
 * (the first seat a step in, the last at the end); otherwise they come evenly spaced.
 */
export function plannedOffsets(ordered: readonly SeatResult[], durationMs: number): number[] {
  const times = ordered.map(declaredAtMs);
  const first = times[0]!;
  const span = times.length > 1 ? times[times.length - 1]! - first : 0;
  if (times.some(Number.isNaN) || span <= 0) return ordered.map((_, i) => (durationMs * (i + 1)) / ordered.length);
  const step = durationMs / ordered.length;
  return times.map((t) => step + ((t - first) / span) * (durationMs - step));
}

/** Declaration time where known; otherwise fewer votes to count, sooner declared. */
export function plannedOrder(seats: readonly SeatResult[]): SeatResult[] {
  const key = declaredAtMs;
  const votes = (s: SeatResult) => (s.state === 'declared' ? s.validVotes : Number.MAX_SAFE_INTEGER);
  return [...seats].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (!Number.isNaN(ka) && !Number.isNaN(kb) && ka !== kb) return ka - kb;
    return votes(a) - votes(b) || a.onsCode.localeCompare(b.onsCode);
  });
}
