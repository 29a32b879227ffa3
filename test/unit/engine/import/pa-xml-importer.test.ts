/**
 * PA Media's election XML through the real importer, with PA-style files written for these
 * tests (test/fixtures/pa) from the issue's description, and the real 2024 seats' PA numbers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { constituenciesFileSchema } from '../../../../main/engine/election';
import { detectImportFormat, importPaXml, importResults, stateOfPartiesDifferences } from '../../../../main/engine/import';

const PA_DIR = fileURLToPath(new URL('../../../fixtures/pa/', import.meta.url));
const readPa = (name: string) => readFileSync(PA_DIR + name, 'utf8');
const seats = constituenciesFileSchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../../seeds/elections/ge2024/constituencies.json', import.meta.url)), 'utf8')),
).constituencies;
const paNumbers = new Map(seats.flatMap((c) => (c.paNumber === undefined ? [] : [[c.paNumber, c.onsCode] as const])));
const importPa = (name: string) => importPaXml(readPa(name), name, { paNumbers });

describe('a PA result', () => {
  it('joins PA number 7 to Aldershot and reads every candidate, C mapped to con', () => {
    const { rows, report } = importPa('Aldershot_result_2.xml');
    expect(report).toMatchObject({ format: 'pa-xml', applied: 'all', seatsValid: 1, errors: [], warnings: [] });
    expect(rows).toHaveLength(1);
    const seat = rows[0]!;
    expect(seat).toMatchObject({
      onsCode: 'E14001063',
      state: 'declared',
      revision: 2,
      electorate: 78_000,
      validVotes: 46_945,
      declaredAt: '2024-07-05T01:41:00.000Z',
    });
    if (seat.state !== 'declared') throw new Error('not declared');
    expect(seat.partyVotes).toEqual({ lab: 19_764, con: 14_081, reform: 8_000, ld: 5_100 });
    expect(seat.candidates?.map((c) => [c.name, c.partyId, c.votes])).toEqual([
      ['Alex Baker', 'lab', 19_764],
      ['Leo Docherty', 'con', 14_081],
      ['Sam Reed', 'reform', 8_000],
      ['Jo Hart', 'ld', 5_100],
    ]);
  });

  it('is found by content, whatever the file is called, through the one format list', () => {
    expect(detectImportFormat(readPa('Aldershot_result_2.xml'))).toBe('pa-xml');
    expect(importResults(readPa('Aldershot_result_2.xml'), 'feed.xml', 'pa-xml', { paNumbers }).rows).toHaveLength(1);
  });

  it('refuses a majority the votes do not give, naming the Constituency line', () => {
    const xml = readPa('Aldershot_result_2.xml').replace('majority="5683"', 'majority="5000"');
    const { rows, report } = importPaXml(xml, 'x.xml', { paNumbers });
    expect(rows).toEqual([]);
    expect(report.errors).toEqual([{ file: 'x.xml', line: 5, column: 'majority', message: 'majority is 5000 but the votes give 5683' }]);
  });
});

describe('a rush and a recount', () => {
  it('a rush is the winner without figures, its revision from the file name', () => {
    expect(importPa('Peterborough_rush_1.xml').rows).toEqual([
      { onsCode: 'E14001425', revision: 1, state: 'rush', winner: 'lab', declaredAt: '2024-07-05T02:10:00.000Z' },
    ]);
  });

  it('a recount marks the seat', () => {
    expect(importPa('Clacton_recount_1.xml').rows).toEqual([{ onsCode: 'E14001174', revision: 1, state: 'recount' }]);
  });
});

describe('the state of parties', () => {
  it('changes no seat and comes back by our party ids', () => {
    const outcome = importPa('state_of_parties_3.xml');
    expect(outcome.rows).toEqual([]);
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.stateOfParties).toEqual({
      election: 'General Election 2024',
      revision: 3,
      seats: { lab: 2, con: 0, alliance: 0 },
      gains: { lab: 2, con: 0, alliance: 0 },
      losses: { lab: 0, con: 2, alliance: 0 },
    });
  });

  it('lists each party and figure where it differs from our own count', () => {
    const feed = importPa('state_of_parties_3.xml').stateOfParties!;
    expect(stateOfPartiesDifferences(feed, { seats: { lab: 2 }, gains: { lab: 1 }, losses: { con: 1 } })).toEqual([
      { partyId: 'lab', figure: 'gains', feed: 2, strapline: 1 },
      { partyId: 'con', figure: 'losses', feed: 2, strapline: 1 },
    ]);
    expect(stateOfPartiesDifferences(feed, { seats: { lab: 2 }, gains: { lab: 2 }, losses: { con: 2 } })).toEqual([]);
  });
});

describe('files refused, with their line, and nothing applied', () => {
  it('malformed XML names the line the parser stopped at', () => {
    const { rows, report } = importPa('malformed.xml');
    expect(rows).toEqual([]);
    expect(report.applied).toBe('nothing');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'malformed.xml', line: 8 });
    expect(report.errors[0]!.message).toMatch(/^not well-formed XML: .*Constituency/);
  });

  it('an unknown root element is named, with its line', () => {
    const { report } = importPa('unknown-root.xml');
    expect(report.applied).toBe('nothing');
    expect(report.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^root element <FirstPastThePostNominations> is not a PA message/) });
  });

  it('a PA number no seat has is refused naming it', () => {
    const { rows, report } = importPa('unknown-pa-number.xml');
    expect(rows).toEqual([]);
    expect(report.errors).toEqual([
      { file: 'unknown-pa-number.xml', line: 5, column: 'number', message: 'PA number 9999 (Aldershot): no seat of the loaded election has that PA number' },
    ]);
  });

  it('a figure that is not a number names its element, line and field', () => {
    const { report } = importPa('bad-votes.xml');
    expect(report.errors).toEqual([
      {
        file: 'bad-votes.xml',
        line: 13,
        message: expect.stringMatching(/^FirstPastThePostResult\/Election\/Constituency\/Candidate\/votes: must be a whole number/),
      },
    ]);
  });

  it('without PA numbers in the election, says what the seats file lacks', () => {
    const { report } = importPaXml(readPa('Aldershot_result_2.xml'), 'a.xml', {});
    expect(report.errors[0]!.message).toMatch(/has no PA numbers/);
  });
});

describe('a party abbreviation the party table lacks', () => {
  it('becomes a party of its own, named from the file, with a warning on its line', () => {
    const { rows, report } = importPa('unknown-party.xml');
    expect(report.applied).toBe('all');
    expect(report.warnings).toEqual([
      {
        file: 'unknown-party.xml',
        line: 14,
        column: 'abbreviation',
        message: 'party abbreviation "Wessex" (Wessex Regionalists) is not in the party table: counted as a party of its own, in the neutral grey',
      },
    ]);
    const seat = rows[0]!;
    if (seat.state !== 'declared') throw new Error('not declared');
    expect(seat.partyVotes['wessex-regionalists']).toBe(8_000);
  });
});
