/** The single entry point and format detection. */
import { describe, expect, it } from 'vitest';
import { detectImportFormat, importResults, ukLocalTimeToIso } from '../../../../main/engine/import';
import { readFixture, readSharedData } from '../election/shared-data';

describe('detectImportFormat', () => {
  it('recognises each format by content', () => {
    expect(detectImportFormat(readSharedData('ge2024-constituency-results.csv'))).toBe('commons-constituency');
    expect(detectImportFormat(readSharedData('ge2024-candidate-results.csv'))).toBe('commons-candidate');
    expect(detectImportFormat(readSharedData('ge2019-notional-results-2024-boundaries.csv'))).toBe('notional');
    expect(detectImportFormat(readFixture('constituency-spreadsheet-export.csv'))).toBe('commons-constituency');
    expect(detectImportFormat(readFixture('results-one-bad-seat.json'))).toBe('strapline-json');
    expect(detectImportFormat('{"format": "strapline-baseline"}')).toBe('strapline-baseline-json');
    expect(detectImportFormat('name,score\nx,1\n')).toBeUndefined();
    expect(detectImportFormat('{"format":"other"}')).toBeUndefined();
  });
});

describe('importResults', () => {
  it('dispatches to the importer for the format', () => {
    const notional = importResults(readFixture('notional-subset.csv'), 'n.csv', 'notional');
    expect(notional.report.format).toBe('notional');
    expect(notional.rows.map((s) => s.winner)).toEqual(['snp', 'speaker', 'con', 'con']);
    const json = importResults(readFixture('results-one-bad-seat.json'), 'r.json', 'strapline-json');
    expect(json.report.format).toBe('strapline-json');
  });

  it('a file given as the wrong format fails on its header, not silently', () => {
    const { report } = importResults(readFixture('notional-subset.csv'), 'n.csv', 'commons-constituency');
    expect(report.applied).toBe('nothing');
    expect(report.errors.map((e) => e.column)).toEqual(['First party']);
  });

  it('an empty file is one clear error', () => {
    expect(importResults('', 'empty.csv', 'commons-candidate').report.errors).toEqual([
      { file: 'empty.csv', message: 'the file is empty: expected a header row' },
    ]);
  });
});

describe('ukLocalTimeToIso', () => {
  it('converts UK local time to UTC with the summer-time rule', () => {
    expect(ukLocalTimeToIso('13/12/2019 02:30')).toBe('2019-12-13T02:30:00Z');
    expect(ukLocalTimeToIso('05/07/2024 01:23')).toBe('2024-07-05T00:23:00Z');
    // The clocks went forward at 01:00 UTC on 31 March 2024 and back at 01:00 UTC on 27 October.
    expect(ukLocalTimeToIso('31/03/2024 00:59')).toBe('2024-03-31T00:59:00Z');
    expect(ukLocalTimeToIso('31/03/2024 02:00')).toBe('2024-03-31T01:00:00Z');
    expect(ukLocalTimeToIso('27/10/2024 00:30')).toBe('2024-10-26T23:30:00Z');
    expect(ukLocalTimeToIso('27/10/2024 02:00')).toBe('2024-10-27T02:00:00Z');
  });

  it('refuses what is not a real date and time', () => {
    expect(ukLocalTimeToIso('31/02/2024 01:00')).toBeUndefined();
    expect(ukLocalTimeToIso('2024-07-05 01:23')).toBeUndefined();
    expect(ukLocalTimeToIso('05/07/2024 24:10')).toBeUndefined();
  });
});
