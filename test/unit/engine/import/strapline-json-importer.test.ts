/** The project's own JSON results format: schema errors by JSON path, partial apply, syntax errors by line. */
import { describe, expect, it } from 'vitest';
import { importResults, importStraplineBaselineJson } from '../../../../main/engine/import';
import { readFixture } from '../election/shared-data';

describe('strapline-results JSON', () => {
  const text = readFixture('results-one-bad-seat.json');

  it('names the bad seat by JSON path and applies nothing by default', () => {
    const { rows, report } = importResults(text, 'results.json', 'strapline-json');
    expect(report.errors).toEqual([{ file: 'results.json', column: 'seats[2].partyVotes', message: 'party votes sum to 35754 but validVotes is 35755' }]);
    expect(rows).toEqual([]);
    expect(report).toMatchObject({ applied: 'nothing', recordsRead: 4, seatsValid: 3, seatsRejected: 1 });
  });

  it('with applyValidRows keeps the declared, rush and pending seats', () => {
    const { rows } = importResults(text, 'results.json', 'strapline-json', { applyValidRows: true });
    expect(rows.map((s) => [s.onsCode, s.state, s.revision])).toEqual([
      ['E14001425', 'declared', 3],
      ['E14001170', 'rush', 1],
      ['E14001305', 'pending', 0],
    ]);
  });

  it('reports a JSON syntax error with its line, and nothing applies even with applyValidRows', () => {
    const { rows, report } = importResults(readFixture('results-syntax-error.json'), 'broken.json', 'strapline-json', { applyValidRows: true });
    expect(rows).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'broken.json', line: 5 });
    expect(report.errors[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('refuses a file that is not ours, naming the field', () => {
    const { report } = importResults('{"format":"something-else","version":1,"election":"x","seats":[]}', 'other.json', 'strapline-json');
    expect(report.errors.map((e) => e.column)).toEqual(['format']);
    expect(report.applied).toBe('nothing');
  });

  it('accepts a byte-order mark', () => {
    const { report } = importResults('\uFEFF{"format":"strapline-results","version":1,"election":"x","seats":[]}', 'bom.json', 'strapline-json');
    expect(report).toMatchObject({ applied: 'all', errors: [] });
  });
});

describe('strapline-baseline JSON', () => {
  it('checks each seat against the baseline schema', () => {
    const text = JSON.stringify({
      format: 'strapline-baseline',
      version: 1,
      election: 'x',
      seats: [
        { onsCode: 'E14001425', winner: 'con', validVotes: 10, partyVotes: { con: 6, lab: 4 } },
        { onsCode: 'E14001170', winner: 'speaker', validVotes: 10, partyVotes: { speaker: 9 } },
      ],
    });
    const { rows, report } = importStraplineBaselineJson(text, 'baseline.json', { applyValidRows: true });
    expect(rows.map((s) => s.onsCode)).toEqual(['E14001425']);
    expect(report.errors).toEqual([{ file: 'baseline.json', column: 'seats[1].partyVotes', message: 'party votes sum to 9 but validVotes is 10' }]);
  });
});
