/** The Commons Library candidate layout: one row per candidate, grouped into seats. */
import { describe, expect, it } from 'vitest';
import { seatRunnerUp, seatWinner, type SeatResult } from '../../../../main/engine/election';
import { importCommonsCandidateResults } from '../../../../main/engine/import';
import { readFixture, readSharedData } from '../election/shared-data';

const seatOf = (rows: readonly SeatResult[], code: string) => {
  const seat = rows.find((s) => s.onsCode === code);
  if (seat?.state !== 'declared') throw new Error(`no declared ${code}`);
  return seat;
};

describe('the 2024 candidate file', () => {
  const { rows, report } = importCommonsCandidateResults(readSharedData('ge2024-candidate-results.csv'), 'ge2024-candidate-results.csv');

  it('reads 4,515 candidates into 650 seats', () => {
    expect(report).toMatchObject({ applied: 'all', recordsRead: 4_515, seatsValid: 650, errors: [] });
    expect(rows.reduce((n, s) => n + (s.state === 'declared' ? (s.candidates?.length ?? 0) : 0), 0)).toBe(4_515);
  });

  it('keeps each candidate, finishing order first, with Labour and Co-operative mapped to lab', () => {
    const chorley = seatOf(rows, 'E14001170');
    expect(chorley.candidates?.map((c) => [c.name, c.partyId, c.votes, c.sittingMp])).toEqual([
      ['Lindsay Hoyle', 'speaker', 25_238, true],
      ['Mark Tebbutt', 'green', 4_663, false],
      ['Ben Holden-Crowther', 'dfc', 2_424, false],
      ['Graham Moore', 'ecp', 1_007, false],
      ['Martin Powell-Davies', 'tusc', 632, false],
    ]);
    expect(chorley.validVotes).toBe(33_964);
    expect(chorley.electorate).toBeUndefined();
    const coop = rows.flatMap((s) => (s.state === 'declared' ? (s.candidates ?? []) : [])).filter((c) => c.partyName === 'Labour and Co-operative');
    expect(coop).toHaveLength(49);
    expect(new Set(coop.map((c) => c.partyId))).toEqual(new Set(['lab']));
  });

  it('ranks two independents as two placings (Islington North: Corbyn first)', () => {
    const islington = seatOf(rows, 'E14001305');
    expect(seatWinner(islington)).toBe('ind');
    expect(seatRunnerUp(islington)?.partyId).toBe('lab');
  });
});

describe('a bad candidate row', () => {
  const text = readFixture('candidate-one-bad-seat.csv');

  it('names line and column, and leaves out the whole seat it belongs to', () => {
    const { rows, report } = importCommonsCandidateResults(text, 'candidates.csv');
    expect(report.errors).toEqual([
      { file: 'candidates.csv', line: 3, column: 'Votes', message: '"3O45" is not a whole number' },
      { file: 'candidates.csv', line: 2, column: 'ONS ID', message: 'seat S14000067 left out: one or more of its candidate rows has errors' },
    ]);
    expect(rows).toEqual([]);
    expect(report).toMatchObject({ applied: 'nothing', seatsValid: 1, seatsRejected: 1 });
  });

  it('with applyValidRows applies the other seat only', () => {
    const { rows } = importCommonsCandidateResults(text, 'candidates.csv', { applyValidRows: true });
    expect(rows.map((s) => s.onsCode)).toEqual(['E14001170']);
  });

  it('trims stray spaces such as "County " in the published file', () => {
    expect(text).toContain(',County ,');
  });
});
