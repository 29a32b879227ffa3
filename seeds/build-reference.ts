/**
 * Builds seeds/reference/ from the published data in ../shared/data (see its README).
 *
 * To regenerate, from the repository root (no npm script involved):
 *   ./node_modules/.bin/tsx seeds/build-reference.ts [dataDir]
 *   (or: node --import tsx seeds/build-reference.ts [dataDir]; or: npx tsx seeds/build-reference.ts)
 * dataDir defaults to ../shared/data beside the repository. The output is deterministic
 * (sorted by ONS code, pretty JSON): running it twice changes nothing, and a test checks
 * that the committed files match what this script builds. Never edit the outputs by hand.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  PARTY_TABLE,
  hexJsonSchema,
  seatWinner,
  type BaselineFile,
  type ConstituenciesFile,
  type PartiesFile,
  type ResultsFile,
  type SeatResult,
} from '../main/engine/election';
import { formatIssue, importResults, readCommonsConstituencyList, type ImportOutcome } from '../main/engine/import';

export const SOURCE_FILES = {
  constituencyCsv: 'ge2024-constituency-results.csv',
  candidateCsv: 'ge2024-candidate-results.csv',
  notionalCsv: 'ge2019-notional-results-2024-boundaries.csv',
  hexjson: 'ge2024-constituencies.hexjson',
} as const;

export type SourceTexts = { readonly [K in keyof typeof SOURCE_FILES]: string };

export const NOTIONAL_CAVEAT =
  'Notional 2019 results on the 2024 boundaries are estimates by Rallings and Thrasher (for BBC, ITV, Sky and PA), not votes cast in these seats; ' +
  'republished by UK Parliament under the Open Parliament Licence v3.0.';

const byCode = (a: { onsCode: string }, b: { onsCode: string }): number => (a.onsCode < b.onsCode ? -1 : a.onsCode > b.onsCode ? 1 : 0);
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function rowsOrThrow<T>(outcome: ImportOutcome<T>): readonly T[] {
  if (outcome.report.applied !== 'all') {
    throw new Error([outcome.report.summary, ...outcome.report.errors.slice(0, 20).map(formatIssue)].join('\n'));
  }
  return outcome.rows;
}

/** Orders party votes largest first so the files read naturally; ties by id for stability. */
function sortVotes(votes: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(votes).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** Pure: source texts in, file name to file content out. */
export function buildReferenceFiles(sources: SourceTexts): Map<string, string> {
  const list = rowsOrThrow(readCommonsConstituencyList(sources.constituencyCsv, SOURCE_FILES.constituencyCsv));
  const results = rowsOrThrow(importResults(sources.constituencyCsv, SOURCE_FILES.constituencyCsv, 'commons-constituency'));
  const candidates = rowsOrThrow(importResults(sources.candidateCsv, SOURCE_FILES.candidateCsv, 'commons-candidate'));
  const notional = rowsOrThrow(importResults(sources.notionalCsv, SOURCE_FILES.notionalCsv, 'notional'));
  const hexes = hexJsonSchema.parse(JSON.parse(sources.hexjson)).hexes;

  const codes = new Set(list.map((c) => c.onsCode));
  const sameSeats = (label: string, other: Iterable<string>) => {
    const otherSet = new Set(other);
    const missing = [...codes].filter((code) => !otherSet.has(code));
    const extra = [...otherSet].filter((code) => !codes.has(code));
    if (missing.length > 0 || extra.length > 0) throw new Error(`${label} seats differ: missing ${missing.join(' ')}; extra ${extra.join(' ')}`);
  };
  sameSeats(
    SOURCE_FILES.notionalCsv,
    notional.map((s) => s.onsCode),
  );
  sameSeats(
    SOURCE_FILES.candidateCsv,
    candidates.map((s) => s.onsCode),
  );
  sameSeats(SOURCE_FILES.hexjson, Object.keys(hexes));
  // Two publications of one election must name the same winners.
  const winners = new Map(results.map((s) => [s.onsCode, seatWinner(s)]));
  for (const seat of candidates) {
    if (seatWinner(seat) !== winners.get(seat.onsCode)) throw new Error(`${seat.onsCode}: the candidate and constituency files disagree on the winner`);
  }

  // The constituency file has the electorate and the invalid votes; the candidate file has the
  // people. Results on air name the winner, so each seat carries its candidates too.
  const candidatesByCode = new Map(candidates.map((s) => [s.onsCode, s.state === 'declared' ? s : undefined]));
  const withCandidates = (seat: SeatResult): SeatResult => {
    const named = candidatesByCode.get(seat.onsCode);
    if (seat.state !== 'declared' || named?.candidates === undefined) return seat;
    if (named.validVotes !== seat.validVotes)
      throw new Error(`${seat.onsCode}: the candidate votes sum to ${named.validVotes}, the constituency file says ${seat.validVotes}`);
    // `sittingMp` is kept only where true: a false on 4,100 candidates would put the file past 1 MB.
    const people = named.candidates.map(({ sittingMp, ...c }) => (sittingMp === true ? { ...c, sittingMp } : c));
    return { ...seat, partyVotes: sortVotes(seat.partyVotes), candidates: people };
  };

  const notionalByCode = new Map(notional.map((s) => [s.onsCode, s]));
  const constituencies: ConstituenciesFile = {
    format: 'strapline-constituencies',
    version: 1,
    constituencies: [...list].sort(byCode).map((c) => {
      const pa = notionalByCode.get(c.onsCode);
      return { ...c, ...(pa?.paName === undefined ? {} : { paName: pa.paName }), ...(pa?.paNumber === undefined ? {} : { paNumber: pa.paNumber }) };
    }),
  };
  const parties: PartiesFile = { format: 'strapline-parties', version: 1, parties: [...PARTY_TABLE] };
  const baseline: BaselineFile = {
    format: 'strapline-baseline',
    version: 1,
    election: 'ge2019-notional-2024-boundaries',
    caveat: NOTIONAL_CAVEAT,
    // PA name and number live in constituencies.json; the baseline keeps only what maths needs.
    seats: [...notional].sort(byCode).map(({ paName: _pa, paNumber: _no, ...seat }) => ({ ...seat, partyVotes: sortVotes(seat.partyVotes) })),
  };
  const ge2024: ResultsFile = {
    format: 'strapline-results',
    version: 1,
    election: 'ge2024',
    source: `House of Commons Library, ${SOURCE_FILES.constituencyCsv} and ${SOURCE_FILES.candidateCsv}`,
    seats: [...results].sort(byCode).map(withCandidates),
  };
  return new Map([
    ['constituencies.json', json(constituencies)],
    ['parties.json', json(parties)],
    ['notional-2019.json', json(baseline)],
    ['ge2024-results.json', json(ge2024)],
  ]);
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_DIR = join(REPO_ROOT, 'seeds', 'reference');

export function readSources(dataDir: string): SourceTexts {
  const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
  return {
    constituencyCsv: read(SOURCE_FILES.constituencyCsv),
    candidateCsv: read(SOURCE_FILES.candidateCsv),
    notionalCsv: read(SOURCE_FILES.notionalCsv),
    hexjson: read(SOURCE_FILES.hexjson),
  };
}

function main(): void {
  const dataDir = resolve(process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const files = buildReferenceFiles(readSources(dataDir));
  mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const [name, content] of files) {
    writeFileSync(join(REFERENCE_DIR, name), content);
    console.log(`wrote seeds/reference/${name} (${Buffer.byteLength(content)} bytes)`);
  }
  // Copied byte for byte (it was validated above) so its MIT notice applies unchanged.
  // (written rather than copied so the read-only mode of the shared data does not come along).
  writeFileSync(join(REFERENCE_DIR, 'constituencies.hexjson'), readFileSync(join(dataDir, SOURCE_FILES.hexjson)));
  console.log('copied seeds/reference/constituencies.hexjson');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
