import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../engine/engine';
import { fail, type StraplineError } from '../engine/errors';
import { boundaryMismatch, hexJsonSchema, withCandidates, type ElectionFacts, type HexJson, type SeatResult, type BaselineSeat } from '../engine/election';
import type { ImportFormat, ImportOutcome } from '../engine/import';
import { ElectionFolderError, loadElectionFolder, readElectionResults, type LoadedElection } from './election-folder';
import type { ShowElection } from '../engine/show';

/** What GET /api/election says of the loaded election. */
export interface ElectionInfo {
  name: string;
  date: string;
  kind: 'general' | 'by-election';
  seatCount: number;
  baselineSource: string;
  /** The hex layout's key (GET /api/hex-layout?key=<key>), or null: this election has none. */
  hexLayout: string | null;
  candidates: number;
  /** Whether a results file is at hand to rehearse or replay. */
  replayable: boolean;
  folder: string;
}

export function factsOf(election: LoadedElection): ElectionFacts {
  return {
    name: election.manifest.name,
    kind: election.manifest.kind,
    seatCount: election.constituencies.length,
    hexKey: election.hex?.key ?? null,
    baselineSource: election.baselineSource,
    changeLabel: election.manifest.baseline.onAir ?? null,
  };
}

const BASELINE_FORMATS: readonly ImportFormat[] = ['notional', 'strapline-baseline-json'];

/**
 * The election the engine is judging results against, and the switch to another: read and
 * checked in full first (an invalid folder changes nothing), then refused while a bound
 * graphic is up or a rehearsal runs, and only then handed to the engine. Keeps every hex
 * layout it has served, so an output still drawing the last one can fetch it.
 */
export class ElectionSession {
  private layouts = new Map<string, HexJson>();
  private listeners = new Set<(election: LoadedElection) => void>();

  constructor(
    private readonly engine: Engine,
    private loaded: LoadedElection,
    /** The gallery's own night (2024) draws this layout, whatever election is open. */
    defaultLayout: HexJson | null,
  ) {
    if (defaultLayout) this.layouts.set('default', defaultLayout);
    if (loaded.hex) this.layouts.set(loaded.hex.key, loaded.hex.layout);
  }

  get current(): LoadedElection {
    return this.loaded;
  }

  info(): ElectionInfo {
    const e = this.loaded;
    return {
      name: e.manifest.name,
      date: e.manifest.date,
      kind: e.manifest.kind,
      seatCount: e.constituencies.length,
      baselineSource: e.baselineSource,
      hexLayout: e.hex?.key ?? null,
      candidates: e.candidates.size,
      replayable: e.results !== null,
      folder: e.dir,
    };
  }

  hexLayout(key: string): HexJson | undefined {
    return this.layouts.get(key);
  }

  /** Told of every election opened after the start (the show remembers it). */
  onChange(listener: (election: LoadedElection) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(dir: string): Promise<{ info: ElectionInfo } | { error: StraplineError }> {
    let next: LoadedElection;
    try {
      next = await loadElectionFolder(dir);
    } catch (e) {
      if (e instanceof ElectionFolderError) return { error: fail('INVALID_REQUEST', e.message) };
      throw e;
    }
    if (this.engine.resultsState().mode === 'rehearsal')
      return { error: fail('REHEARSAL_REFUSED', `Cannot open ${next.manifest.name} during a rehearsal: stop the rehearsal first`) };
    const refused = this.engine.switchElection({ baseline: next.baseline, constituencies: next.constituencies, election: factsOf(next) });
    if (refused) return { error: refused };
    this.loaded = next;
    if (next.hex) this.layouts.set(next.hex.key, next.hex.layout);
    for (const listener of this.listeners) listener(next);
    return { info: this.info() };
  }

  /** The loaded election's night, for a rehearsal or a replay. */
  replaySeats(): Promise<SeatResult[]> {
    return readElectionResults(this.loaded);
  }

  /**
   * An import checked against the loaded election before anything is applied: a file for
   * other boundaries is refused whole, with the count of seats it names that this election
   * lacks; otherwise its seats get their candidates from the election's candidate file.
   */
  checkImport(
    outcome: ImportOutcome<SeatResult | BaselineSeat>,
    format: ImportFormat,
  ): { outcome: ImportOutcome<SeatResult | BaselineSeat> } | { error: StraplineError } {
    if (BASELINE_FORMATS.includes(format) || outcome.rows.length === 0) return { outcome };
    const seats = outcome.rows as readonly SeatResult[];
    const known = this.loaded.baseline.seats;
    const { unknown, refuse } = boundaryMismatch(
      seats.map((s) => s.onsCode),
      (c) => known.has(c),
    );
    if (refuse) {
      return {
        error: fail(
          'INVALID_IMPORT',
          `${outcome.report.file}: ${unknown.length} of its ${seats.length} seats are not seats of ${this.loaded.manifest.name} ` +
            `(first: ${unknown.slice(0, 3).join(', ')}): a file for other boundaries? Open its election first. Nothing was applied.`,
        ),
      };
    }
    return { outcome: { ...outcome, rows: withCandidates(seats, this.loaded.candidates).seats } };
  }
}

/** The default layout: the gallery's 2024 night (seeds/reference), region codes as published. */
export async function readDefaultLayout(file: string): Promise<HexJson | null> {
  try {
    return hexJsonSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (e) {
    console.error(`hex layout ${path.basename(file)}: ${(e as Error).message}`);
    return null;
  }
}

/**
 * How a show names its election: a shipped one by its folder inside seeds/elections, so the
 * show opens on another machine's copy; any other by its absolute path.
 */
export function showElectionOf(election: LoadedElection, electionsDir: string): ShowElection {
  const rel = path.relative(electionsDir, election.dir);
  const shipped = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return { folder: shipped ? rel : path.resolve(election.dir), name: election.manifest.name };
}

/** The folder a show's election names (relative: inside seeds/elections). */
export function showElectionFolder(election: ShowElection, electionsDir: string): string {
  return path.resolve(electionsDir, election.folder);
}
