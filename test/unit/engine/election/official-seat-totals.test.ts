/**
 * The seat tables in ../shared/data/README.md ("Figures to test against"), computed through
 * the importers and the totals function: every column, both elections, and the two regions.
 */
import { describe, expect, it } from 'vitest';
import { baselineFromSeats, baselineSeatTotals, commonsAbbreviation, deriveTotals, type PartyId } from '../../../../main/engine/election';
import { officialData, seatsInRegion } from './shared-data';

// README columns: Lab Con LD SNP Reform Green PC SF DUP SDLP APNI UUP TUV Ind Speaker.
const COLUMNS: readonly PartyId[] = ['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc', 'sf', 'dup', 'sdlp', 'alliance', 'uup', 'tuv', 'ind', 'speaker'];
const NOTIONAL_2019 = [200, 372, 8, 48, 0, 1, 2, 7, 8, 2, 1, 0, 0, 0, 1];
const RESULT_2024 = [411, 121, 72, 9, 5, 4, 4, 7, 5, 2, 1, 1, 1, 6, 1];

/** Every README column, with zeros, plus a check that no party outside the table won a seat. */
function expectSeats(actual: Readonly<Record<PartyId, number>>, expected: Readonly<Record<PartyId, number>>): void {
  for (const party of Object.keys(actual)) expect(COLUMNS, `unexpected party ${party}`).toContain(party);
  expect(Object.fromEntries(COLUMNS.map((p) => [p, actual[p] ?? 0]))).toEqual(Object.fromEntries(COLUMNS.map((p) => [p, expected[p] ?? 0])));
}

const row = (values: readonly number[]) => Object.fromEntries(COLUMNS.map((party, i) => [party, values[i] ?? NaN]));

describe('UK seat totals from the official files', () => {
  const data = officialData();
  const totals = deriveTotals(data.results2024, data.baseline, { holderBasis: 'notional' });

  it('the README rows themselves add up to 650', () => {
    expect(NOTIONAL_2019.reduce((a, b) => a + b, 0)).toBe(650);
    expect(RESULT_2024.reduce((a, b) => a + b, 0)).toBe(650);
  });

  it('2019 notional on 2024 boundaries: all 15 columns', () => {
    expect(data.baseline.seats.size).toBe(650);
    expectSeats(baselineSeatTotals(data.baseline, 'notional'), row(NOTIONAL_2019));
  });

  it('2024 result: all 15 columns, from the constituency file', () => {
    expect(totals.seatCount).toBe(650);
    expect(totals.declared).toBe(650);
    expect(totals.decided).toBe(650);
    expectSeats(totals.seats, row(RESULT_2024));
  });

  it('2024 result: the candidate file gives the same 15 columns', () => {
    const fromCandidates = deriveTotals(data.candidates2024, data.baseline, { holderBasis: 'notional' });
    expectSeats(fromCandidates.seats, row(RESULT_2024));
  });

  it('net change is 2024 seats minus notional seats for every party', () => {
    COLUMNS.forEach((party, i) => {
      expect(totals.netChange[party] ?? 0, party).toBe((RESULT_2024[i] ?? 0) - (NOTIONAL_2019[i] ?? 0));
    });
    expect(totals.netChange.lab).toBe(211);
    expect(totals.netChange.con).toBe(-251);
    expect(totals.withoutHolder).toBe(0);
  });

  it('gains and losses per party match the published Result strings', () => {
    const gains: Record<string, number> = {};
    const losses: Record<string, number> = {};
    for (const cells of data.published.values()) {
      const match = /^(\S+) gain from (\S+)$/.exec(cells.Result ?? '');
      if (match?.[1] === undefined || match[2] === undefined) continue;
      gains[match[1]] = (gains[match[1]] ?? 0) + 1;
      losses[match[2]] = (losses[match[2]] ?? 0) + 1;
    }
    const byAbbreviation = (counts: Record<PartyId, number>) => Object.fromEntries(Object.entries(counts).map(([party, n]) => [commonsAbbreviation(party), n]));
    expect(byAbbreviation(totals.gains)).toEqual(gains);
    expect(byAbbreviation(totals.losses)).toEqual(losses);
    expect(totals.gains.lab).toBe(218);
    expect(totals.losses.lab).toBe(7);
  });
});

describe('regions', () => {
  const data = officialData();
  const inRegion = (name: string) => {
    const codes = seatsInRegion(data, name);
    const results = data.results2024.filter((s) => codes.has(s.onsCode));
    const baseline = baselineFromSeats(data.notional.filter((s) => codes.has(s.onsCode)));
    return { codes, notional: baselineSeatTotals(baseline, 'notional'), now: deriveTotals(results, baseline, { holderBasis: 'notional' }).seats };
  };

  it('East of England: 61 seats; notional Con 55, Lab 5, LD 1; 2024 Lab 27, Con 23, LD 7, Reform 3, Green 1', () => {
    const region = inRegion('East of England');
    expect(region.codes.size).toBe(61);
    expectSeats(region.notional, { con: 55, lab: 5, ld: 1 });
    expectSeats(region.now, { lab: 27, con: 23, ld: 7, reform: 3, green: 1 });
  });

  it('Wales: 32 seats; notional Lab 18, Con 12, PC 2; 2024 Lab 27, PC 4, LD 1, Con 0', () => {
    const region = inRegion('Wales');
    expect(region.codes.size).toBe(32);
    expectSeats(region.notional, { lab: 18, con: 12, pc: 2 });
    expectSeats(region.now, { lab: 27, pc: 4, ld: 1, con: 0 });
  });
});
