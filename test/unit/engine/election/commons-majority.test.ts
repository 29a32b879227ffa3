/** Majority arithmetic from the README's exit-poll table and formulas section. */
import { describe, expect, it } from 'vitest';
import { deriveTotals, largestParty, majorityPosition, seatsNeededForMajority } from '../../../../main/engine/election';
import { officialData } from './shared-data';

const EXIT_POLL_2024 = { lab: 410, con: 131, ld: 61, reform: 13, snp: 10, pc: 4, green: 2, other: 19 };
const EXIT_POLL_2019 = { lab: 191, con: 368, ld: 13, brexit: 0, snp: 55, pc: 3, green: 1, other: 19 };

describe('overall majority', () => {
  it('326 of 650 seats is a majority', () => {
    expect(seatsNeededForMajority()).toBe(326);
    expect(seatsNeededForMajority(600)).toBe(301);
  });

  it('the exit polls project to 650 seats', () => {
    expect(Object.values(EXIT_POLL_2024).reduce((a, b) => a + b, 0)).toBe(650);
    expect(Object.values(EXIT_POLL_2019).reduce((a, b) => a + b, 0)).toBe(650);
  });

  it('2024 exit poll: Labour 410 seats is a majority of 170', () => {
    const lab = majorityPosition(EXIT_POLL_2024, 'lab', { speakerCountsWith: null });
    expect(lab).toEqual({ party: 'lab', seats: 410, needed: 326, majority: 170, hasMajority: true, shortBy: 0 });
    expect(largestParty(EXIT_POLL_2024)).toBe('lab');
  });

  it('2019 exit poll: Conservatives 368 seats is a majority of 86', () => {
    expect(majorityPosition(EXIT_POLL_2019, 'con', { speakerCountsWith: null }).majority).toBe(86);
  });

  it('a party short of 326 is short by 326 - seats', () => {
    const con = majorityPosition(EXIT_POLL_2024, 'con', { speakerCountsWith: null });
    expect(con.hasMajority).toBe(false);
    expect(con.shortBy).toBe(195);
    expect(con.majority).toBe(2 * 131 - 650);
  });

  it('2024 result: the quoted 174 counts the Speaker with Labour; 172 without', () => {
    const data = officialData();
    const seats = deriveTotals(data.results2024, data.baseline, { holderBasis: 'notional' }).seats;
    expect(majorityPosition(seats, 'lab', { speakerCountsWith: 'lab' })).toMatchObject({ seats: 412, majority: 174 });
    expect(majorityPosition(seats, 'lab', { speakerCountsWith: null })).toMatchObject({ seats: 411, majority: 172 });
    // Counting the Speaker with another party leaves Labour's figure alone.
    expect(majorityPosition(seats, 'lab', { speakerCountsWith: 'con' }).majority).toBe(172);
    expect(majorityPosition(seats, 'con', { speakerCountsWith: 'con' }).seats).toBe(122);
  });
});
