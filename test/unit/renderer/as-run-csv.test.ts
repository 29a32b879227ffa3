import { describe, expect, it } from 'vitest';
import type { AsRunEntry } from '../../../main/engine/protocol';
import { asRunCsv, csvCell, csvFileName, filterAsRun, NO_FILTER } from '../../../renderer/as-run-csv';
import { parseCsv } from '../../../main/engine/import/csv-parser';

type OnAirEntry = Exclude<AsRunEntry, { action: 'mode' } | { action: 'hold' | 'release' }>;
const entry = (over: Partial<OnAirEntry>): AsRunEntry => ({
  at: '2024-07-04T22:00:00.000Z',
  revision: 2,
  action: 'take',
  layer: 'lower-third',
  cueId: 'wa-teetering',
  template: 'strap',
  title: 'Tories teetering in Wales',
  step: 1,
  ...over,
});

const night: AsRunEntry[] = [
  entry({}),
  entry({ at: '2024-07-04T22:00:05.000Z', revision: 3, action: 'take', layer: 'fullscreen', cueId: 'ep', template: 'exit-poll', title: 'Exit poll, 22:00' }),
  entry({
    at: '2024-07-04T22:00:09.000Z',
    revision: 4,
    action: 'next',
    layer: 'fullscreen',
    cueId: 'ep',
    template: 'exit-poll',
    title: 'Exit poll, 22:00',
    step: 2,
  }),
  { at: '2024-07-04T22:01:00.000Z', revision: 4, action: 'mode', mode: 'rehearsal' },
  entry({ at: '2024-07-04T22:02:00.000Z', revision: 5, action: 'out', rehearsal: true }),
];

describe('filterAsRun', () => {
  it('lists newest first', () => {
    expect(filterAsRun(night, NO_FILTER).map((e) => e.revision)).toEqual([5, 4, 4, 3, 2]);
  });

  it('filters by layer, by action and by text in title, cue id or template, together', () => {
    expect(filterAsRun(night, { ...NO_FILTER, layer: 'fullscreen' }).map((e) => e.action)).toEqual(['next', 'take']);
    expect(filterAsRun(night, { ...NO_FILTER, action: 'take' }).map((e) => e.revision)).toEqual([3, 2]);
    expect(filterAsRun(night, { ...NO_FILTER, text: '  EXIT-POLL ' }).length).toBe(2);
    expect(filterAsRun(night, { ...NO_FILTER, text: 'wales', action: 'out' }).map((e) => e.revision)).toEqual([5]);
    expect(filterAsRun(night, { ...NO_FILTER, text: 'rehearsal' }).map((e) => e.action)).toEqual(['mode']);
    // A layer filter never matches a mode switch, which is on no layer.
    expect(filterAsRun(night, { ...NO_FILTER, layer: 'lower-third' }).some((e) => e.action === 'mode')).toBe(false);
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Ayr, Carrick and Cumnock')).toBe('"Ayr, Carrick and Cumnock"');
    expect(csvCell('The "red wall"')).toBe('"The ""red wall"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses a title a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+44 seats')).toBe("'+44 seats");
    expect(csvCell('@home')).toBe("'@home");
  });
});

describe('asRunCsv', () => {
  it('writes a header and one row an entry, ISO times, CRLF line ends', () => {
    const csv = asRunCsv(night);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,action,layer,cue,template,title,step,rehearsal,revision');
    expect(lines[1]).toBe('2024-07-04T22:00:00.000Z,take,lower-third,wa-teetering,strap,Tories teetering in Wales,1,,2');
    expect(lines[3]).toBe('2024-07-04T22:00:09.000Z,next,fullscreen,ep,exit-poll,"Exit poll, 22:00",2,,4');
    expect(lines[4]).toBe('2024-07-04T22:01:00.000Z,mode,,,,Mode: rehearsal,,,4');
    expect(lines[5]).toBe('2024-07-04T22:02:00.000Z,out,lower-third,wa-teetering,strap,Tories teetering in Wales,1,yes,5');
    expect(lines.length).toBe(night.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('reads back cell for cell through the project’s own CSV parser, awkward titles included', () => {
    const awkward = [entry({ title: 'Lab "gain", from Con\r\nrecount' }), entry({ title: 'Ynys Môn' })];
    const parsed = parseCsv(asRunCsv(awkward));
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.map((r) => r.fields[5])).toEqual(['title', 'Lab "gain", from Con\r\nrecount', 'Ynys Môn']);
    expect(parsed.records.map((r) => r.fields.length)).toEqual([9, 9, 9]);
  });

  it('names the file by the minute, with no characters a file system refuses', () => {
    expect(csvFileName(new Date('2024-07-05T01:02:03Z'))).toBe('as-run-2024-07-05T0102.csv');
  });
});
