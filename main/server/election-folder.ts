import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  baselineFromResults,
  baselineFromSeats,
  constituenciesFileSchema,
  electionManifestSchema,
  hexJsonSchema,
  partiesFileSchema,
  type Baseline,
  type BaselineSeat,
  type Constituency,
  type DeclaredSeat,
  type ElectionManifest,
  type HexJson,
  type PartyInfo,
  type SeatResult,
} from '../engine/election';
import { formatIssue, importResults, readCommonsConstituencyList, type ImportOutcome } from '../engine/import';
import { describeIssues } from '../engine/errors';
import { jsonFieldLine } from './json-line';

/** An election folder as read and checked: everything the engine, the import route and the outputs need of it. */
export interface LoadedElection {
  dir: string;
  manifest: ElectionManifest;
  constituencies: Constituency[];
  baseline: Baseline;
  /** What GAIN/HOLD and change are judged against, in words. */
  baselineSource: string;
  /** The HexJSON with each hex's region filled from its seat, and a key that changes with its content; null without one. */
  hex: { key: string; layout: HexJson } | null;
  /** Every candidate by seat, from the candidate file. */
  candidates: ReadonlyMap<string, DeclaredSeat>;
  parties: readonly PartyInfo[];
  /** The night's results file, for a rehearsal or a replay. */
  results: { file: string; format: NonNullable<ElectionManifest['results']>['format'] } | null;
}

/** A folder refused: the message names the file, and the line and field where it can. Nothing was changed. */
export class ElectionFolderError extends Error {}

const MANIFEST = 'election.json';

export async function loadElectionFolder(dirIn: string): Promise<LoadedElection> {
  const dir = path.resolve(dirIn);
  const manifestPath = path.join(dir, MANIFEST);
  const text = await readText(manifestPath);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ElectionFolderError(`${manifestPath}: not JSON (${(e as Error).message})`);
  }
  const parsed = electionManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const line = jsonFieldLine(text, issue.path.map(String));
    throw new ElectionFolderError(
      `${manifestPath}${line === undefined ? '' : `, line ${line}`}, field "${issue.path.join('.') || '(root)'}": ${issue.message}` +
        (parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more: ${describeIssues(parsed.error.issues.slice(1))})` : ''),
    );
  }
  const manifest = parsed.data;
  const at = (file: string) => path.join(dir, file);

  const constituencies = await readSeats(at(manifest.seats.file), manifest.seats.format);
  const codes = new Set(constituencies.map((c) => c.onsCode));
  const names = new Map(constituencies.map((c) => [c.onsCode, c.name]));
  const baselineSeats = await readBaseline(at(manifest.baseline.file), manifest.baseline.format, names);
  sameSeats(
    at(manifest.baseline.file),
    codes,
    baselineSeats.map((s) => s.onsCode),
  );

  const candidates = new Map<string, DeclaredSeat>();
  if (manifest.candidates) {
    const file = at(manifest.candidates.file);
    for (const seat of rowsOf(importResults(await readText(file), file, manifest.candidates.format))) {
      if (!codes.has(seat.onsCode))
        throw new ElectionFolderError(`${file}: seat ${seat.onsCode} is not one of the ${codes.size} seats in ${manifest.seats.file}`);
      if (seat.state === 'declared') candidates.set(seat.onsCode, seat);
    }
  }
  const hex = manifest.hex === undefined ? null : await readHex(at(manifest.hex), constituencies);
  let parties: PartyInfo[] = [];
  if (manifest.parties) {
    const file = at(manifest.parties.file);
    const checked = partiesFileSchema.safeParse(parseJson(await readText(file), file));
    if (!checked.success) throw new ElectionFolderError(`${file}: ${describeIssues(checked.error.issues)}`);
    parties = checked.data.parties;
  }
  return {
    dir,
    manifest,
    constituencies,
    baseline: baselineFromSeats(baselineSeats),
    baselineSource: manifest.baseline.label ?? `${manifest.baseline.file} (${manifest.baseline.format})`,
    hex,
    candidates,
    parties,
    results: manifest.results ? { file: at(manifest.results.file), format: manifest.results.format } : null,
  };
}

/** The seats of a results file, for a rehearsal: the candidate file's names joined where it has them. */
export async function readElectionResults(election: LoadedElection): Promise<SeatResult[]> {
  if (!election.results) throw new ElectionFolderError(`${path.join(election.dir, MANIFEST)}: this election names no results file to replay ("results")`);
  const { file, format } = election.results;
  const seats = rowsOf(importResults(await readText(file), file, format));
  return seats.map((s) => {
    const named = election.candidates.get(s.onsCode);
    const agrees = s.state === 'declared' && named?.candidates !== undefined && s.candidates === undefined && named.validVotes === s.validVotes;
    return agrees ? { ...s, candidates: named.candidates } : s;
  });
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new ElectionFolderError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ElectionFolderError(`${file}: not JSON (${(e as Error).message})`);
  }
}

function rowsOf<T>(outcome: ImportOutcome<T>): readonly T[] {
  if (outcome.report.applied === 'all') return outcome.rows;
  const first = outcome.report.errors[0];
  throw new ElectionFolderError(
    first ? `${formatIssue(first)}${outcome.report.errors.length > 1 ? ` (${outcome.report.summary})` : ''}` : outcome.report.summary,
  );
}

async function readSeats(file: string, format: ElectionManifest['seats']['format']): Promise<Constituency[]> {
  const text = await readText(file);
  if (format === 'commons-constituency') return [...rowsOf(readCommonsConstituencyList(text, file))];
  const checked = constituenciesFileSchema.safeParse(parseJson(text, file));
  if (!checked.success) throw new ElectionFolderError(`${file}: ${describeIssues(checked.error.issues)}`);
  return checked.data.constituencies;
}

async function readBaseline(file: string, format: ElectionManifest['baseline']['format'], names: ReadonlyMap<string, string>): Promise<BaselineSeat[]> {
  const text = await readText(file);
  if (format === 'notional' || format === 'strapline-baseline-json') return [...rowsOf(importResults(text, file, format))];
  const { seats, withoutFigures } = baselineFromResults(rowsOf(importResults(text, file, format)), names);
  if (withoutFigures.length > 0)
    throw new ElectionFolderError(`${file}: ${withoutFigures.length} seats have no declared figures to judge against (first: ${withoutFigures[0]})`);
  return seats;
}

function sameSeats(file: string, seats: ReadonlySet<string>, other: readonly string[]): void {
  const otherSet = new Set(other);
  const missing = [...seats].filter((c) => !otherSet.has(c));
  const extra = other.filter((c) => !seats.has(c));
  if (missing.length || extra.length) {
    throw new ElectionFolderError(
      `${file}: not the same seats as the election's seats file: ` +
        `${missing.length} missing (first: ${missing[0] ?? 'none'}), ${extra.length} not in it (first: ${extra[0] ?? 'none'})`,
    );
  }
}

async function readHex(file: string, constituencies: readonly Constituency[]): Promise<{ key: string; layout: HexJson }> {
  const text = await readText(file);
  const checked = hexJsonSchema.safeParse(parseJson(text, file));
  if (!checked.success) throw new ElectionFolderError(`${file}: ${describeIssues(checked.error.issues)}`);
  const regions = new Map(constituencies.map((c) => [c.onsCode, c.regionCode]));
  const unknown = Object.keys(checked.data.hexes).filter((c) => !regions.has(c));
  if (unknown.length > 0)
    throw new ElectionFolderError(`${file}: ${unknown.length} hexes are not seats of this election (first: ${unknown[0]}): a layout for other boundaries?`);
  // Region focus zooms by the ONS region code; older layouts carry an abbreviation ("a") instead.
  const hexes = Object.fromEntries(Object.entries(checked.data.hexes).map(([code, h]) => [code, { n: h.n, q: h.q, r: h.r, region: regions.get(code)! }]));
  const layout: HexJson = { layout: checked.data.layout, hexes };
  return { key: createHash('sha256').update(JSON.stringify(layout)).digest('hex').slice(0, 16), layout };
}
