/** RFC 4180 parsing with the line numbers error reports depend on. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../main/engine/import';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('a,"b, c","say ""hi""","two\nlines"\n')).toEqual([['a', 'b, c', 'say "hi"', 'two\nlines']]);
  });

  it('strips a byte-order mark and accepts CRLF, LF and a missing final newline', () => {
    expect(fields('\uFEFFx,y\r\n1,2\r\n3,4')).toEqual([
      ['x', 'y'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const parsed = parseCsv('h1,h2\n"multi\nline",1\n\nlast,2\n');
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(parsed.errors).toEqual([]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('tolerates spaces around a quoted field', () => {
    expect(fields('1, "72,580" ,3\n')).toEqual([['1', '72,580', '3']]);
  });

  it('reports text after a closing quote and drops that record only', () => {
    const parsed = parseCsv('a,b\n"x"y,1\nc,d\n');
    expect(parsed.errors).toEqual([{ line: 2, message: 'unexpected text after a closing quote: "y"' }]);
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parsed.complete).toBe(true);
  });

  it('reports an unclosed quote with the line it opened on', () => {
    const parsed = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(parsed.complete).toBe(false);
    expect(parsed.errors).toEqual([{ line: 3, message: 'a quoted field is never closed' }]);
  });
});
