/** The notional layout and its traps, on a verbatim subset and on the whole file. */
import { describe, expect, it } from 'vitest';
import { type BaselineSeat } from '../../../../main/engine/election';
import { foldConstituencyName, importNotionalResults, repairMacRomanMojibake } from '../../../../main/engine/import';
import { officialData, readFixture, readSharedData } from '../election/shared-data';

const seat = (rows: readonly BaselineSeat[], code: string) => {
  const found = rows.find((s) => s.onsCode === code);
  if (found === undefined) throw new Error(`no ${code}`);
  return found;
};

describe('notional subset (verbatim rows)', () => {
  const { rows, report } = importNotionalResults(readFixture('notional-subset.csv'), 'notional-subset.csv');

  it('imports four seats with no errors', () => {
    expect(report.errors).toEqual([]);
    expect(rows.map((s) => s.onsCode)).toEqual(['S14000107', 'E14001170', 'E14001425', 'W07000112']);
  });

  it('keys a recoded Scottish seat by its 2024 code and says so', () => {
    expect(seat(rows, 'S14000107')).toMatchObject({
      sourceOnsCode: 'S14000006',
      name: 'Ayr, Carrick and Cumnock',
      paNumber: 24,
      winner: 'snp',
      majority: 2_329,
    });
    expect(report.warnings).toContainEqual({
      file: 'notional-subset.csv',
      line: 2,
      column: 'ONS ID',
      message: 'ONS code S14000006 read as its 2024 code S14000107',
    });
  });

  it('treats TOTOTHV and MAXOTHV as aggregates and names the minor parties (Peterborough)', () => {
    expect(seat(rows, 'E14001425')).toEqual({
      onsCode: 'E14001425',
      name: 'Peterborough',
      paName: 'Peterborough',
      paNumber: 460,
      electorate: 72_273,
      validVotes: 47_232,
      winner: 'con',
      majority: 2_333,
      partyVotes: { con: 21_955, lab: 19_622, ld: 2_316, brexit: 2_102, green: 713, ind: 260, 'christian-peoples-alliance': 151, loony: 113 },
    });
  });

  it('reads the Commons Speaker row as the Speaker (Chorley)', () => {
    expect(seat(rows, 'E14001170')).toMatchObject({ winner: 'speaker', majority: 17_392, partyVotes: { speaker: 26_831, ind: 9_439, green: 3_600 } });
  });

  it('repairs the mis-decoded Ynys Môn and says so', () => {
    expect(seat(rows, 'W07000112')).toMatchObject({ name: 'Ynys Môn', paName: 'Ynys Môn', winner: 'con' });
    expect(report.warnings.filter((w) => w.message.startsWith('mis-decoded')).map((w) => w.column)).toEqual(['Boundary commission name', 'PA name']);
  });
});

describe('the whole notional file', () => {
  it('reads all 4,236 data rows into 650 seats; five recoded, one name repaired', () => {
    const { rows, report } = importNotionalResults(readSharedData('ge2019-notional-results-2024-boundaries.csv'), 'notional.csv');
    expect(report).toMatchObject({ applied: 'all', recordsRead: 4_236, seatsValid: 650, errors: [] });
    const recoded = rows.filter((s) => s.sourceOnsCode !== undefined).map((s) => `${s.sourceOnsCode} -> ${s.onsCode}`);
    expect(recoded.sort()).toEqual([
      'S14000006 -> S14000107',
      'S14000008 -> S14000108',
      'S14000010 -> S14000109',
      'S14000040 -> S14000110',
      'S14000058 -> S14000111',
    ]);
    expect(report.warnings).toHaveLength(7);
  });

  it('joining on folded names gives the same pairs as joining on codes with the recodes', () => {
    const data = officialData();
    const byFoldedName = new Map([...data.published.values()].map((cells) => [foldConstituencyName(cells['Constituency name'] ?? ''), cells['ONS ID']]));
    expect(byFoldedName.size).toBe(650);
    const rows = importNotionalResults(readSharedData('ge2019-notional-results-2024-boundaries.csv'), 'notional.csv').rows;
    for (const notional of rows) expect(byFoldedName.get(foldConstituencyName(notional.name ?? ''))).toBe(notional.onsCode);
  });
});

describe('name repair', () => {
  it('undoes UTF-8 read as Mac Roman and leaves correct text alone', () => {
    expect(repairMacRomanMojibake('Ynys M√¥n')).toBe('Ynys Môn');
    expect(repairMacRomanMojibake('Aontú')).toBe('Aontú');
    expect(repairMacRomanMojibake('Montgomeryshire and Glyndŵr')).toBe('Montgomeryshire and Glyndŵr');
    expect(repairMacRomanMojibake('Plain ASCII')).toBe('Plain ASCII');
  });

  it('folds case, accents, ampersands and mojibake for joins', () => {
    expect(foldConstituencyName('Bridlington & the Wolds')).toBe(foldConstituencyName('Bridlington and The Wolds'));
    expect(foldConstituencyName('Montgomeryshire and Glyndwr')).toBe(foldConstituencyName('Montgomeryshire and Glyndŵr'));
    expect(foldConstituencyName('Ynys M√¥n')).toBe('ynys mon');
  });
});
