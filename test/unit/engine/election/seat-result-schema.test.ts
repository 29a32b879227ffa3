/** The seat-result schema is the gate for every input: these are the shapes it must refuse. */
import { describe, expect, it } from 'vitest';
import { resultsFileSchema, seatResultSchema } from '../../../../main/engine/election';

const messages = (input: unknown): string[] => {
  const parsed = seatResultSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('seatResultSchema', () => {
  const good = { onsCode: 'W07000081', state: 'declared', revision: 1, electorate: 72_580, validVotes: 100, partyVotes: { lab: 60, con: 40 } };

  it('accepts a well-formed declared seat', () => {
    expect(messages(good)).toEqual([]);
  });

  it('refuses party votes that do not sum to valid votes', () => {
    expect(messages({ ...good, validVotes: 101 })).toEqual(['partyVotes: party votes sum to 100 but validVotes is 101']);
  });

  it('refuses more valid votes than electors', () => {
    expect(messages({ ...good, electorate: 99 })).toEqual(['validVotes: validVotes 100 exceeds electorate 99']);
  });

  it('refuses a rush without a winner, a bad ONS code, negative or fractional votes, an unknown state', () => {
    expect(messages({ onsCode: 'W07000081', state: 'rush', revision: 1 })).toHaveLength(1);
    expect(messages({ ...good, onsCode: 'Aberafan' })[0]).toMatch(/^onsCode: expected an ONS constituency code/);
    expect(messages({ ...good, partyVotes: { lab: 140, con: -40 } })[0]).toMatch(/^partyVotes\.con/);
    expect(messages({ ...good, partyVotes: { lab: 59.5, con: 40.5 } })).toHaveLength(2);
    expect(messages({ ...good, state: 'provisional' })).toHaveLength(1);
  });

  it('refuses party ids that are not slugs (ids, not display names)', () => {
    expect(messages({ ...good, partyVotes: { Lab: 60, con: 40 } })).toEqual(['partyVotes.Lab: Invalid key in record']);
  });

  it('requires declaredAt to be an ISO UTC time', () => {
    expect(messages({ ...good, declaredAt: '2024-07-05T01:23:00Z' })).toEqual([]);
    expect(messages({ ...good, declaredAt: '05/07/2024 02:23' })).toHaveLength(1);
  });
});

describe('resultsFileSchema', () => {
  it('refuses the same seat twice', () => {
    const seat = { onsCode: 'W07000081', state: 'pending', revision: 0 };
    const parsed = resultsFileSchema.safeParse({ format: 'strapline-results', version: 1, election: 'x', seats: [seat, seat] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('duplicate seat W07000081');
  });
});
