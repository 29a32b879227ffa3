/**
 * "Every 2024 `Result` string agrees with GAIN/HOLD judged against the 2019 notional winner":
 * the winner comes from the votes (not the file's `First party`), the holder from the notional
 * baseline joined through the five Scottish recodes.
 */
import { describe, expect, it } from 'vitest';
import { baselineFromSeats, commonsAbbreviation, describeOutcome, seatOutcome, seatWinner, type SeatResult } from '../../../../main/engine/election';
import { officialData } from './shared-data';

describe('2024 Result strings against the notional baseline', () => {
  const data = officialData();

  it('all 650 agree', () => {
    const disagreements: string[] = [];
    for (const seat of data.results2024) {
      const outcome = seatOutcome(seat, data.baseline, 'notional');
      const computed = outcome === undefined ? 'none' : describeOutcome(outcome);
      const published = data.published.get(seat.onsCode)?.Result;
      if (computed !== published) disagreements.push(`${seat.onsCode}: ${computed} vs ${published}`);
    }
    expect(data.results2024).toHaveLength(650);
    expect(disagreements).toEqual([]);
  });

  it('the winner from the votes matches First party in every seat, from both 2024 files', () => {
    const byCode = new Map(data.candidates2024.map((s) => [s.onsCode, s]));
    for (const seat of data.results2024) {
      const firstParty = data.published.get(seat.onsCode)?.['First party'];
      const fromCandidates = byCode.get(seat.onsCode);
      const winner = seatWinner(seat);
      expect(winner === undefined ? undefined : commonsAbbreviation(winner)).toBe(firstParty);
      expect(fromCandidates === undefined ? 'missing' : seatWinner(fromCandidates)).toBe(winner);
    }
  });

  it('counts of gains and holds match the published strings (303 gains, 347 holds)', () => {
    const kinds = data.results2024.map((s) => seatOutcome(s, data.baseline, 'notional')?.kind);
    expect(kinds.filter((k) => k === 'GAIN')).toHaveLength(303);
    expect(kinds.filter((k) => k === 'HOLD')).toHaveLength(347);
  });

  it('the five recoded Scottish seats are judged (without the recodes they would have no holder)', () => {
    const recoded = ['S14000107', 'S14000108', 'S14000109', 'S14000110', 'S14000111'];
    const published = recoded.map((code) => data.published.get(code)?.Result);
    expect(published).toEqual(['Lab gain from SNP', 'Con hold', 'Lab gain from SNP', 'Lab gain from SNP', 'Con hold']);
    const withOldCodes = baselineFromSeats(data.notional.map((s) => ({ ...s, onsCode: s.sourceOnsCode ?? s.onsCode })));
    for (const code of recoded) {
      const seat = data.results2024.find((s) => s.onsCode === code);
      expect(seat).toBeDefined();
      expect(seatOutcome(seat as SeatResult, withOldCodes, 'notional')).toBeUndefined();
    }
  });

  it('the holder basis is a setting: the sitting MP basis gives a different answer where they differ', () => {
    const chorley = data.results2024.find((s) => s.onsCode === 'E14001170') as SeatResult;
    expect(describeOutcome(seatOutcome(chorley, data.baseline, 'notional') ?? { kind: 'HOLD', winner: 'none' })).toBe('Spk hold');
    // Islington North: notional Lab; a sitting-MP basis (Corbyn sat as an independent) makes it an Ind hold.
    const islington = data.results2024.find((s) => s.onsCode === 'E14001305') as SeatResult;
    const sitting = baselineFromSeats(data.notional, new Map([['E14001305', 'ind']]));
    expect(describeOutcome(seatOutcome(islington, sitting, 'notional') ?? { kind: 'HOLD', winner: 'none' })).toBe('Ind gain from Lab');
    expect(describeOutcome(seatOutcome(islington, sitting, 'sitting-mp') ?? { kind: 'HOLD', winner: 'none' })).toBe('Ind hold');
    expect(seatOutcome(chorley, sitting, 'sitting-mp')).toBeUndefined();
  });
});
