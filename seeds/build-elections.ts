/**
 * Builds the data files of the election folders in seeds/elections/ from ../shared/data, the
 * way seeds/build-reference.ts builds seeds/reference (each folder's election.json is written
 * by hand: it is the part a newsroom edits). From the repository root:
 *   npx tsx seeds/build-elections.ts [dataDir]
 * The published files are copied byte for byte (their attribution stays true); the by-election
 * folder takes its one seat's rows out of the published files unchanged.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReferenceFiles, readSources, REPO_ROOT, SOURCE_FILES } from './build-reference';

export const ELECTIONS_DIR = join(REPO_ROOT, 'seeds', 'elections');
/** Runcorn and Helsby, the by-election of 1 May 2025. */
export const RUNCORN_ONS = 'E14001455';

/** The header and the rows whose `ONS ID` is `code`, as published (a byte-order mark kept off). */
export function rowsOfSeat(csv: string, code: string): string {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!;
  const column = header.split(',').indexOf('ONS ID');
  if (column < 0) throw new Error('no "ONS ID" column');
  // Codes never contain commas and sit before any quoted field in these layouts.
  const rows = lines.slice(1).filter((l) => l.split(',')[column] === code);
  if (rows.length === 0) throw new Error(`no rows for ${code}`);
  return `${[header, ...rows].join('\n')}\n`;
}

export function buildElectionFiles(dataDir: string): Map<string, string | Buffer> {
  const read = (name: string) => readFileSync(join(dataDir, name));
  const files = new Map<string, string | Buffer>();
  // 2024: the same generated files as seeds/reference, so both say the same night.
  const reference = buildReferenceFiles(readSources(dataDir));
  for (const name of ['constituencies.json', 'notional-2019.json', 'ge2024-results.json']) files.set(`ge2024/${name}`, reference.get(name)!);
  files.set('ge2024/constituencies.hexjson', read(SOURCE_FILES.hexjson));
  // 2017 on the 2010-2019 boundaries: published files as they are.
  files.set('ge2017/ge2017-constituency-results.csv', read('ge2017-constituency-results.csv'));
  files.set('ge2017/ge2017-candidate-results.csv', read('ge2017-candidate-results.csv'));
  files.set('ge2017/constituencies.hexjson', read('uk-constituencies-2010-2019.hexjson'));
  // The eve of 2019 (seeds/anglia-2019-show.json): the 2017 result is its seats and baseline, on the
  // same boundaries and layout; no 2019 results are in the data, so nothing to replay.
  files.set('ge2019-eve/ge2017-constituency-results.csv', read('ge2017-constituency-results.csv'));
  files.set('ge2019-eve/constituencies.hexjson', read('uk-constituencies-2010-2019.hexjson'));
  // Runcorn and Helsby: its 2024 row is the seat and the baseline; the by-election rows are the night.
  files.set('runcorn-2025/ge2024-runcorn-and-helsby.csv', rowsOfSeat(read(SOURCE_FILES.constituencyCsv).toString('utf8'), RUNCORN_ONS));
  files.set('runcorn-2025/by-election.csv', rowsOfSeat(read('by-elections-2024-parliament.csv').toString('utf8'), RUNCORN_ONS));
  files.set('runcorn-2025/by-election-candidates.csv', rowsOfSeat(read('by-elections-2024-parliament-candidates.csv').toString('utf8'), RUNCORN_ONS));
  return files;
}

function main(): void {
  const dataDir = resolve(process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'data'));
  for (const [name, content] of buildElectionFiles(dataDir)) {
    const file = join(ELECTIONS_DIR, name);
    mkdirSync(resolve(file, '..'), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote seeds/elections/${name} (${Buffer.byteLength(content)} bytes)`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
