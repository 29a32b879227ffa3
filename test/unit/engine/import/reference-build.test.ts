/**
 * seeds/reference/ must be exactly what seeds/build-reference.ts builds from ../shared/data:
 * a stale or hand-edited reference file fails here. Also checks the files against their
 * schemas and the size budget for committing them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baselineFileSchema,
  baselineFromSeats,
  constituenciesFileSchema,
  deriveTotals,
  hexJsonSchema,
  partiesFileSchema,
  resultsFileSchema,
  roundTo,
} from '../../../../main/engine/election';
import { importResults } from '../../../../main/engine/import';
import { buildReferenceFiles, readSources, REFERENCE_DIR } from '../../../../seeds/build-reference';
import { SHARED_DATA_DIR } from '../election/shared-data';
import { OFFICIAL_2024_SEATS } from '../../../support/official-2024';

const committed = (name: string) => readFileSync(join(REFERENCE_DIR, name), 'utf8');

describe('seeds/reference', () => {
  const built = buildReferenceFiles(readSources(SHARED_DATA_DIR));

  it('is up to date with the builder and the shared data (regenerate with seeds/build-reference.ts)', () => {
    expect([...built.keys()].sort()).toEqual(['constituencies.json', 'ge2024-results.json', 'notional-2019.json', 'parties.json']);
    for (const [name, content] of built) expect(committed(name), name).toBe(content);
    expect(readFileSync(join(REFERENCE_DIR, 'constituencies.hexjson'))).toEqual(readFileSync(join(SHARED_DATA_DIR, 'ge2024-constituencies.hexjson')));
  });

  it('builds the same bytes twice', () => {
    expect(buildReferenceFiles(readSources(SHARED_DATA_DIR))).toEqual(built);
  });

  it('keeps every file under 1 MB', () => {
    for (const name of [...built.keys(), 'constituencies.hexjson']) {
      expect(readFileSync(join(REFERENCE_DIR, name)).byteLength, name).toBeLessThan(1_000_000);
    }
  });

  it('constituencies: 650, sorted by code, with regions, nations and PA numbers', () => {
    const file = constituenciesFileSchema.parse(JSON.parse(committed('constituencies.json')));
    const list = file.constituencies;
    expect(list).toHaveLength(650);
    expect(list.map((c) => c.onsCode)).toEqual([...list.map((c) => c.onsCode)].sort());
    expect(list.filter((c) => c.nation === 'Wales')).toHaveLength(32);
    expect(list.filter((c) => c.regionName === 'East of England')).toHaveLength(61);
    expect(list.every((c) => c.paNumber !== undefined && c.paName !== undefined)).toBe(true);
    expect(new Set(list.map((c) => c.paNumber)).size).toBe(650);
    expect(list.find((c) => c.onsCode === 'W07000112')).toEqual({
      onsCode: 'W07000112',
      name: 'Ynys Môn',
      regionName: 'Wales',
      regionCode: 'W92000004',
      nation: 'Wales',
      paName: 'Ynys Môn',
      paNumber: 648,
    });
  });

  it('notional-2019 and ge2024-results parse with their schemas and cover the same 650 seats', () => {
    const baseline = baselineFileSchema.parse(JSON.parse(committed('notional-2019.json')));
    const results = resultsFileSchema.parse(JSON.parse(committed('ge2024-results.json')));
    expect(baseline.seats.map((s) => s.onsCode)).toEqual(results.seats.map((s) => s.onsCode));
    expect(results.seats).toHaveLength(650);
    expect(baseline.caveat).toMatch(/estimates/);
    expect(baseline.seats.find((s) => s.onsCode === 'S14000111')?.sourceOnsCode).toBe('S14000058');
  });

  it('the generated JSON round-trips through the JSON importers to the official totals', () => {
    const results = importResults(committed('ge2024-results.json'), 'ge2024-results.json', 'strapline-json');
    const baseline = importResults(committed('notional-2019.json'), 'notional-2019.json', 'strapline-baseline-json');
    expect([results.report.applied, baseline.report.applied]).toEqual(['all', 'all']);
    const totals = deriveTotals(results.rows, baselineFromSeats(baseline.rows), { holderBasis: 'notional' });
    expect(totals.seats).toEqual(OFFICIAL_2024_SEATS);
    expect(roundTo(totals.shares.lab ?? NaN, 1)).toBe(33.7);
  });

  it('ge2024-results names every candidate (4,515 of them), so a result on air names its winner', () => {
    const seats = resultsFileSchema.parse(JSON.parse(committed('ge2024-results.json'))).seats;
    const declared = seats.flatMap((s) => (s.state === 'declared' ? [s] : []));
    expect(declared).toHaveLength(650);
    expect(declared.reduce((n, s) => n + (s.candidates?.length ?? 0), 0)).toBe(4515);
    const winnerOf = (code: string) => [...(declared.find((s) => s.onsCode === code)?.candidates ?? [])].sort((a, b) => b.votes - a.votes)[0];
    expect(winnerOf('E14001174')).toMatchObject({ name: 'Nigel Farage', partyId: 'reform', votes: 21225 });
    expect(winnerOf('E14001170')).toMatchObject({ name: 'Lindsay Hoyle', partyId: 'speaker', sittingMp: true });
    // The constituency file keeps its electorate and its 'other' bucket beside the candidates.
    expect(declared.find((s) => s.onsCode === 'E14001425')).toMatchObject({ electorate: 73378, validVotes: 41872 });
  });

  it('parties and hexjson parse; every hex is a constituency', () => {
    const parties = partiesFileSchema.parse(JSON.parse(committed('parties.json')));
    expect(parties.parties.find((p) => p.id === 'ld')?.colour).toBe('#FAA61A');
    const hexes = hexJsonSchema.parse(JSON.parse(committed('constituencies.hexjson'))).hexes;
    const codes = constituenciesFileSchema.parse(JSON.parse(committed('constituencies.json'))).constituencies.map((c) => c.onsCode);
    expect(Object.keys(hexes).sort()).toEqual(codes);
  });
});
