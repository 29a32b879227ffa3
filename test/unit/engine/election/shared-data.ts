/**
 * Loads the official data in ../shared/data (beside the repository) once per test file,
 * through the real importers, so the figures tests check the whole path from published file
 * to total. Tests may use node:fs; the engine may not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baselineFromSeats, type Baseline, type BaselineSeat, type SeatResult } from '../../../../main/engine/election';
import { importResults, parseCsv } from '../../../../main/engine/import';

export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/import/', import.meta.url));

export function readSharedData(name: string): string {
  return readFileSync(SHARED_DATA_DIR + name, 'utf8');
}

export function readFixture(name: string): string {
  return readFileSync(FIXTURES_DIR + name, 'utf8');
}

function applied<T>(outcome: { rows: readonly T[]; report: { applied: string; summary: string } }): readonly T[] {
  if (outcome.report.applied !== 'all') throw new Error(outcome.report.summary);
  return outcome.rows;
}

export interface OfficialData {
  readonly results2024: readonly SeatResult[];
  readonly candidates2024: readonly SeatResult[];
  readonly notional: readonly BaselineSeat[];
  readonly baseline: Baseline;
  /** Raw CSV cells of the constituency file by ONS code, for the published strings. */
  readonly published: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

let cached: OfficialData | undefined;

export function officialData(): OfficialData {
  if (cached !== undefined) return cached;
  const constituencyCsv = readSharedData('ge2024-constituency-results.csv');
  const notional = applied(importResults(readSharedData('ge2019-notional-results-2024-boundaries.csv'), 'notional.csv', 'notional'));
  const [header, ...rows] = parseCsv(constituencyCsv).records;
  const published = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const cells = Object.fromEntries((header?.fields ?? []).map((name, i) => [name, row.fields[i] ?? '']));
    published.set(cells['ONS ID'] ?? '', cells);
  }
  cached = {
    results2024: applied(importResults(constituencyCsv, 'ge2024-constituency-results.csv', 'commons-constituency')),
    candidates2024: applied(importResults(readSharedData('ge2024-candidate-results.csv'), 'ge2024-candidate-results.csv', 'commons-candidate')),
    notional,
    baseline: baselineFromSeats(notional),
    published,
  };
  return cached;
}

/** ONS codes of one region, by the constituency file's `Region name`. */
export function seatsInRegion(data: OfficialData, regionName: string): Set<string> {
  return new Set([...data.published].filter(([, cells]) => cells['Region name'] === regionName).map(([code]) => code));
}
