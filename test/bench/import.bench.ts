import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine } from '../../main/engine/engine';
import { importResults } from '../../main/engine/import';
import { TEMPLATES } from '../../main/templates/definitions';
import { DEMO_SHOW, ELECTIONS_DIR, REFERENCE_DIR } from '../../main/server/headless';
import { loadElectionFolder } from '../../main/server/election-folder';
import { loadReferenceData } from '../../main/server/reference-data';
import { applyImport } from '../../main/server/results-api';
import { readShowFile } from '../../main/server/show-file';
import { summarise, type Summary } from './stats';

const RUNS = Number(process.env.BENCH_IMPORTS ?? 40);
const WARMUP = 5;
const CSV_FILE = fileURLToPath(new URL('../../../shared/data/ge2024-constituency-results.csv', import.meta.url));
const GE2017_CSV = fileURLToPath(new URL('../../../shared/data/ge2017-constituency-results.csv', import.meta.url));

/** An Engine as the headless server builds one: the demo show and the notional baseline. */
export async function engineFactory(): Promise<() => Engine> {
  const loaded = await readShowFile(DEMO_SHOW, TEMPLATES);
  if ('error' in loaded) throw new Error(loaded.error.message);
  const { baseline } = await loadReferenceData(REFERENCE_DIR);
  return () => new Engine({ show: loaded.show, baseline, templates: TEMPLATES, now: Date.now });
}

interface Night {
  metric: string;
  file: string;
  fresh: () => Engine;
  /** What the declared night must give, so a fast import of the wrong night is no figure at all. */
  check: (totals: ReturnType<Engine['resultsSnapshot']>['totals']) => boolean;
}

/** 2017 on its own election folder (seeds/elections/ge2017): its seats and baseline, read as the server reads them. */
async function ge2017Night(): Promise<Night> {
  const loaded = await readShowFile(DEMO_SHOW, TEMPLATES);
  if ('error' in loaded) throw new Error(loaded.error.message);
  const election = await loadElectionFolder(path.join(ELECTIONS_DIR, 'ge2017'));
  return {
    metric: 'import_ge2017_ms',
    file: GE2017_CSV,
    fresh: () => new Engine({ show: loaded.show, baseline: election.baseline, constituencies: election.constituencies, templates: TEMPLATES, now: Date.now }),
    check: (t) => t.declared === 650 && t.seats.con === 317 && t.seats.lab === 262,
  };
}

/**
 * A whole night's results file, from text to a declared night: parse, validate every row,
 * then one declare-results command (which validates again and derives the totals). Each
 * file is read once outside the clock: disk speed is not the importer's. 2024 and 2017 run
 * in turn, in the same run, so both see the same machine.
 */
export async function benchImport(): Promise<Record<string, Summary>> {
  const nights: Night[] = [
    { metric: 'import_ge2024_ms', file: CSV_FILE, fresh: await engineFactory(), check: (t) => t.declared === 650 && t.seats.lab === 411 },
    await ge2017Night(),
  ];
  const texts = await Promise.all(nights.map((n) => readFile(n.file, 'utf8')));
  const samples = nights.map((): number[] => []);
  for (let i = 0; i < RUNS + WARMUP; i++) {
    nights.forEach((night, n) => {
      const engine = night.fresh();
      const t0 = performance.now();
      const outcome = importResults(texts[n]!, path.basename(night.file), 'commons-constituency');
      const applied = applyImport(engine, outcome, 'commons-constituency');
      const ms = performance.now() - t0;
      if (!applied?.ok || !night.check(engine.resultsSnapshot().totals)) {
        throw new Error(`import bench: ${night.metric} did not declare the official night; ${outcome.report.summary}`);
      }
      if (i >= WARMUP) samples[n]!.push(ms);
    });
  }
  return Object.fromEntries(nights.map((night, n) => [night.metric, summarise(samples[n]!)]));
}

// `npx tsx test/bench/import.bench.ts` runs this bench alone (npm run bench runs them all).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, s] of Object.entries(await benchImport()))
    console.log(`${name.padEnd(20)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)}  (${s.runs} runs)`);
}
