import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  /** Frame benchmarks only: the share of 60 Hz frames missed (frames.bench.ts). */
  droppedShare?: number;
}

/** Nearest-rank percentiles over many runs; timings here are noisy, so never one run. */
export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { runs: s.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), min: round(s[0]!), max: round(s[s.length - 1]!) };
}

export interface Budget {
  metric: string;
  stat: keyof Summary;
  max: number;
}

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');

/** Merges this run's figures into results.json, keeping other benchmarks' figures. */
export async function writeResults(results: Record<string, unknown>): Promise<void> {
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first run */
  }
  await writeFile(RESULTS_FILE, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
}

export function checkBudgets(figures: Record<string, Summary>, budgets: Budget[]): { metric: string; stat: string; value: number; max: number; ok: boolean }[] {
  return budgets.map((b) => {
    // A figure that was not measured is a breach, never a pass.
    const value = figures[b.metric]?.[b.stat] ?? Number.NaN;
    return { metric: b.metric, stat: b.stat, value, max: b.max, ok: value <= b.max };
  });
}
