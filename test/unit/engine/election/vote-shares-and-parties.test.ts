/** Share helpers and the party mapping table that every importer relies on. */
import { describe, expect, it } from 'vitest';
import {
  commonsAbbreviation,
  foldMinorParties,
  partyIdFor,
  partyInfo,
  PARTY_TABLE,
  predecessorOf,
  shareChanges,
  voteShares,
} from '../../../../main/engine/election';

describe('party table', () => {
  it('maps Commons Library, PA, notional and candidate-file labels to one id', () => {
    expect(['Con', 'C', 'CONV', 'Conservative', 'Conservative Party'].map(partyIdFor)).toEqual(Array(5).fill('con'));
    expect(['APNI', 'Alliance', 'APNIV', 'alliance party'].map(partyIdFor)).toEqual(Array(4).fill('alliance'));
    expect(['RUK', 'Reform UK', 'Reform'].map(partyIdFor)).toEqual(['reform', 'reform', 'reform']);
    expect(['BRX', 'BRXV', 'Brexit Party', 'The Brexit Party'].map(partyIdFor)).toEqual(Array(4).fill('brexit'));
    expect(['Spk', 'Commons Speaker', 'Speaker'].map(partyIdFor)).toEqual(['speaker', 'speaker', 'speaker']);
    expect(['Ind', 'IND1V', 'IND12V', 'Independent'].map(partyIdFor)).toEqual(Array(4).fill('ind'));
    expect(partyIdFor('Labour and Co-operative')).toBe('lab');
    expect(partyIdFor('All other candidates')).toBe('other');
  });

  it('gives parties outside the table a stable slug', () => {
    expect(partyIdFor('SDP')).toBe('sdp');
    expect(partyIdFor('  Social Democratic Party ')).toBe('social-democratic-party');
    expect(partyIdFor('Aontú')).toBe('aontu');
    expect(partyInfo('sdp')).toBeUndefined();
    expect(commonsAbbreviation('sdp')).toBe('SDP');
    // The Workers Party stood 152 candidates in 2024: it is in the table, so it has an on-air name.
    expect(['WPB', 'Workers Party of Britain'].map(partyIdFor)).toEqual(['wpb', 'wpb']);
  });

  it('has every party the brief lists, with the README palette and distinct codes', () => {
    const ids = PARTY_TABLE.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'lab',
        'con',
        'ld',
        'reform',
        'brexit',
        'green',
        'snp',
        'pc',
        'sf',
        'dup',
        'sdlp',
        'uup',
        'alliance',
        'tuv',
        'ind',
        'speaker',
        'other',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(PARTY_TABLE.map((p) => p.commonsAbbreviation)).size).toBe(ids.length);
    expect(partyInfo('con')).toMatchObject({ commonsAbbreviation: 'Con', paAbbreviation: 'C', colour: '#0087DC' });
    expect(partyInfo('alliance')).toMatchObject({ commonsAbbreviation: 'APNI', paAbbreviation: 'Alliance', colour: '#F6CB2F' });
    expect(partyInfo('reform')?.colour).toBe('#12B6CF');
    expect(predecessorOf('reform')).toBe('brexit');
  });
});

describe('voteShares and foldMinorParties', () => {
  it('shares are percentages of valid votes', () => {
    expect(voteShares({ lab: 300, con: 100 }, 400)).toEqual({ lab: 75, con: 25 });
    expect(voteShares({ lab: 0 }, 0)).toEqual({});
  });

  it('folds unlisted parties into other, and a predecessor into its listed successor', () => {
    expect(foldMinorParties({ lab: 10, con: 8, brexit: 3, ukip: 2, other: 1 }, ['lab', 'con', 'reform'])).toEqual({ lab: 10, con: 8, reform: 3, other: 3 });
  });

  it('shareChanges compares each party standing now with its baseline (or predecessor)', () => {
    expect(shareChanges({ lab: 40, reform: 15 }, { lab: 35, brexit: 5 })).toEqual({ lab: 5, reform: 10 });
  });
});
