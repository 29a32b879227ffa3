/**
 * The Commons Library constituency layout: the real 2024 file, a spreadsheet re-save of it,
 * another year's columns, and the bad files an operator will one day drop in.
 */
import { describe, expect, it } from 'vitest';
import { seatMajority, seatRunnerUp, seatWinner, type SeatResult } from '../../../../main/engine/election';
import { formatIssue, importCommonsConstituencyResults, importResults } from '../../../../main/engine/import';
import { readFixture, readSharedData } from '../election/shared-data';

const byCode = (rows: readonly SeatResult[]) => new Map(rows.map((s) => [s.onsCode, s]));
const declaredSeat = (rows: readonly SeatResult[], code: string) => {
  const seat = byCode(rows).get(code);
  if (seat?.state !== 'declared') throw new Error(`no declared ${code}`);
  return seat;
};

describe('the 2024 file', () => {
  const { rows, report } = importResults(readSharedData('ge2024-constituency-results.csv'), 'ge2024-constituency-results.csv', 'commons-constituency');

  it('imports all 650 seats with no errors or warnings', () => {
    expect(report).toMatchObject({ applied: 'all', recordsRead: 650, seatsValid: 650, seatsRejected: 0, errors: [], warnings: [] });
    expect(report.summary).toBe('ge2024-constituency-results.csv: 650 seats ready to apply');
    expect(rows).toHaveLength(650);
  });

  it('reads Aberafan Maesteg column by column', () => {
    expect(declaredSeat(rows, 'W07000081')).toEqual({
      onsCode: 'W07000081',
      state: 'declared',
      revision: 1,
      electorate: 72_580,
      validVotes: 35_755,
      invalidVotes: 79,
      partyVotes: { con: 2_903, lab: 17_838, ld: 916, reform: 7_484, green: 1_094, pc: 4_719, other: 801 },
    });
  });

  it("puts an independent winner's votes under ind (Islington North)", () => {
    const seat = declaredSeat(rows, 'E14001305');
    expect(seat.partyVotes.ind).toBe(24_120);
    expect(seat.partyVotes.other).toBe(32);
    expect(seatWinner(seat)).toBe('ind');
    expect(seatMajority(seat)?.votes).toBe(7_247);
  });

  it('recovers a runner-up outside the itemised parties from Majority (North Antrim: TUV over DUP; Chorley: Speaker)', () => {
    const antrim = declaredSeat(rows, 'N05000012');
    expect(antrim.partyVotes.tuv).toBe(11_642);
    expect(seatRunnerUp(antrim)).toEqual({ partyId: 'dup', votes: 11_192 });
    const chorley = declaredSeat(rows, 'E14001170');
    expect(chorley.partyVotes).toEqual({ green: 4_663, speaker: 25_238, other: 4_063 });
  });
});

describe('a spreadsheet re-save: BOM, CRLF, quoted thousands, stray spaces', () => {
  const text = readFixture('constituency-spreadsheet-export.csv');

  it('really has those features', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('"72,580"');
    expect(text).toContain('\r\n');
    expect(text).toContain(' Valid votes ');
  });

  it('gives exactly what the clean file gives for the same seats', () => {
    const fixture = importCommonsConstituencyResults(text, 'export.csv');
    expect(fixture.report.errors).toEqual([]);
    expect(fixture.report.applied).toBe('all');
    const clean = byCode(importCommonsConstituencyResults(readSharedData('ge2024-constituency-results.csv'), 'clean.csv').rows);
    expect(fixture.rows.map((s) => s.onsCode)).toEqual(['W07000081', 'E14001170', 'E14001305', 'N05000012', 'E14001425']);
    for (const seat of fixture.rows) expect(seat).toEqual(clean.get(seat.onsCode));
    expect(declaredSeat(fixture.rows, 'W07000081').electorate).toBe(72_580);
  });
});

describe("another year's layout (synthetic 2019-style file)", () => {
  const { rows, report } = importCommonsConstituencyResults(readFixture('constituency-2019-layout-synthetic.csv'), '2019.csv');

  it('reads columns by header, maps BRX to the Brexit Party and converts the declaration time', () => {
    expect(report.errors).toEqual([]);
    const south = declaredSeat(rows, 'E14000902');
    expect(south.partyVotes).toEqual({ con: 9_000, lab: 18_000, ld: 2_000, brexit: 12_000, green: 800, other: 1_200 });
    expect(seatRunnerUp(south)?.partyId).toBe('brexit');
    // December: GMT, so local time is UTC.
    expect(south.declaredAt).toBe('2019-12-13T04:05:00Z');
    expect(declaredSeat(rows, 'E14000901').declaredAt).toBe('2019-12-13T02:30:00Z');
  });
});

describe('edge cases', () => {
  const synthetic = readFixture('constituency-2019-layout-synthetic.csv');

  it('a tie settled by lot keeps the declared winner, which the votes alone cannot give', () => {
    // Synthetic North with Con cut to 20,000: Con and Lab tie; the file declares Lab.
    const tie = synthetic
      .replace('25000,20000,3000', '20000,20000,3000')
      .replace('Con hold,Con,Lab,70000,51000,100,5000', 'Lab gain from Con,Lab,Con,70000,46000,100,0');
    const { rows, report } = importCommonsConstituencyResults(tie, 'tie.csv');
    expect(report.errors).toEqual([]);
    const north = declaredSeat(rows, 'E14000901');
    expect(north.winner).toBe('lab');
    expect(seatWinner(north)).toBe('lab');
    expect(seatMajority(north)?.votes).toBe(0);
    expect(declaredSeat(rows, 'E14000902').winner).toBeUndefined();
  });

  it('an independent winner needs "Of which other winner"; a party with a column must not use it', () => {
    const indWinner = synthetic.replace('Con hold,Con,Lab', 'Ind gain from Con,Ind,Con');
    expect(importCommonsConstituencyResults(indWinner, 'ind.csv').report.errors[0]).toMatchObject({
      line: 2,
      column: 'Of which other winner',
      message: 'the winner (Ind) has no column of its own, so its votes must be here and within "All other candidates"',
    });
    const misplaced = synthetic.replace('1000,0,0,0,0,0,0,0,500,0,E14000901', '1000,0,0,0,0,0,0,0,500,400,E14000901');
    expect(importCommonsConstituencyResults(misplaced, 'misplaced.csv').report.errors[0]).toMatchObject({
      line: 2,
      column: 'Of which other winner',
      message: 'is 400 but the winner (Con) has its own column',
    });
  });

  it('a wrong Majority is an error on that column', () => {
    const wrong = synthetic.replace('70000,51000,100,5000', '70000,51000,100,5001');
    expect(importCommonsConstituencyResults(wrong, 'majority.csv').report.errors).toEqual([
      { file: 'majority.csv', line: 2, column: 'Majority', message: 'is 5001 but the votes give 5000' },
    ]);
  });

  it('a garbage file lists the first 500 errors and counts the rest', () => {
    const header = synthetic.split('\n')[0] ?? '';
    const junk = Array.from({ length: 600 }, () => 'x,'.repeat(31) + 'x').join('\n');
    const { report } = importCommonsConstituencyResults(`${header}\n${junk}\n`, 'junk.csv');
    expect(report.errors).toHaveLength(501);
    expect(report.errors[500]?.message).toMatch(/^and \d+ more errors not listed$/);
    expect(report.summary).toMatch(/^junk\.csv: \d+ errors; nothing applied/);
    expect(report.seatsRejected).toBe(600);
  });
});

describe('bad files', () => {
  it('a non-numeric vote names the file, line 3 and column Lab, and applies nothing', () => {
    const { rows, report } = importCommonsConstituencyResults(readFixture('constituency-bad-vote.csv'), 'constituency-bad-vote.csv');
    expect(report.errors).toEqual([{ file: 'constituency-bad-vote.csv', line: 3, column: 'Lab', message: '"13,41B" is not a whole number' }]);
    expect(formatIssue(report.errors[0] ?? { file: '', message: '' })).toBe('constituency-bad-vote.csv, line 3, column "Lab": "13,41B" is not a whole number');
    expect(rows).toEqual([]);
    expect(report).toMatchObject({ applied: 'nothing', seatsValid: 2, seatsRejected: 1 });
    expect(report.summary).toMatch(/nothing applied/);
  });

  it('a missing required header is reported against the header line and nothing is read', () => {
    const { rows, report } = importCommonsConstituencyResults(readFixture('constituency-missing-header.csv'), 'missing.csv');
    expect(report.errors).toEqual([
      { file: 'missing.csv', line: 1, column: 'Valid votes', message: 'required column "Valid votes" is missing from the header' },
    ]);
    expect(rows).toEqual([]);
    expect(report.applied).toBe('nothing');
    expect(report.summary).toBe('missing.csv: 1 error; nothing applied (the file cannot be read as commons-constituency)');
  });

  it('an oversized input is refused before parsing, with the limit in the message', () => {
    const small = importCommonsConstituencyResults(readFixture('constituency-bad-vote.csv'), 'big.csv', { maxBytes: 100 });
    expect(small.report.errors).toHaveLength(1);
    expect(small.report.errors[0]?.message).toBe('file is too large to import: at least 830 bytes, the limit is 100 bytes');
    expect(small.report.recordsRead).toBe(0);
    const huge = 'x'.repeat(20 * 1024 * 1024 + 1);
    expect(importCommonsConstituencyResults(huge, 'huge.csv').report.errors[0]?.message).toBe(
      'file is too large to import: at least 20971521 bytes, the limit is 20971520 bytes',
    );
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    // 40 characters, 80 bytes ("é" is two bytes in UTF-8).
    const text = 'é'.repeat(40);
    expect(importCommonsConstituencyResults(text, 'accents.csv', { maxBytes: 79 }).report.errors[0]?.message).toBe(
      'file is too large to import: 80 bytes, the limit is 79 bytes',
    );
  });

  describe('partial apply', () => {
    const text = readFixture('constituency-partial.csv');

    it('by default applies nothing and lists every rejected row', () => {
      const { rows, report } = importCommonsConstituencyResults(text, 'partial.csv');
      expect(rows).toEqual([]);
      expect(report.applied).toBe('nothing');
      expect(report.errors.map((e) => [e.line, e.column, e.message])).toEqual([
        [3, 'Con', '"n/a" is not a whole number'],
        [5, 'Valid votes', 'party votes sum to 41185 but validVotes is 41186'],
      ]);
      expect(report.summary).toBe(
        'partial.csv: 2 errors; nothing applied (2 seats valid, 2 rejected; fix the file, or import with applyValidRows to apply the valid seats)',
      );
    });

    it('with applyValidRows returns the valid seats and reports the rejected ones', () => {
      const { rows, report } = importCommonsConstituencyResults(text, 'partial.csv', { applyValidRows: true });
      expect(rows.map((s) => s.onsCode)).toEqual(['W07000081', 'E14001425']);
      expect(report).toMatchObject({ applied: 'valid-rows', seatsValid: 2, seatsRejected: 2 });
      expect(report.errors).toHaveLength(2);
      expect(report.summary).toBe('partial.csv: 2 errors; applying the 2 seats without errors, 2 rejected');
    });
  });

  it('catches a First party that the votes contradict, and a duplicate seat', () => {
    const lines = readFixture('constituency-bad-vote.csv').split('\n');
    const header = lines[0] ?? '';
    const aberafan = lines[1] ?? '';
    const text = [header, aberafan.replace('Lab hold,Lab,RUK', 'Lab hold,Con,RUK'), aberafan, aberafan, ''].join('\n');
    const { report } = importCommonsConstituencyResults(text, 'odd.csv');
    expect(report.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'First party', 'says Con but the votes put Lab first'],
      [3, 'ONS ID', 'seat W07000081 already appears on line 2'],
      [4, 'ONS ID', 'seat W07000081 already appears on line 2'],
    ]);
  });

  it('rejects a row with too few fields', () => {
    const lines = readFixture('constituency-bad-vote.csv').split('\n');
    const short = (lines[1] ?? '').split(',').slice(0, 20).join(',');
    const { report } = importCommonsConstituencyResults([lines[0], short, ''].join('\n'), 'short.csv');
    expect(report.errors[0]).toMatchObject({ line: 2, message: 'row has 20 fields but the header has 32' });
  });
});
