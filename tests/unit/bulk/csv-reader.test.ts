import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/bulk/csv';

const cellsOf = (text: string) => {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.why);
  return read.records.map((record) => record.cells);
};

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    expect(cellsOf('a,"b, c","say ""hi"""\n"two\nlines",x,\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['two\nlines', 'x', ''],
    ]);
  });

  it('takes CRLF, LF and CR line ends and a leading byte-order mark; no empty record after the last line end', () => {
    expect(cellsOf('\uFEFFupn\r\na@b.com\rc@d.com\ne@f.com')).toEqual([['upn'], ['a@b.com'], ['c@d.com'], ['e@f.com']]);
    expect(cellsOf('x\r\n')).toEqual([['x']]);
  });

  it('numbers each record by the line it starts on, and keeps its text', () => {
    const read = readCsv('h\r\n"a\r\nb"\r\n\r\nc');
    expect(read.ok && read.records.map((record) => [record.line, record.raw])).toEqual([
      [1, 'h'],
      [2, '"a\r\nb"'],
      [4, ''],
      [5, 'c'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text, and names the line of a quote that never closes', () => {
    expect(cellsOf('O"Neil,x')).toEqual([['O"Neil', 'x']]);
    expect(readCsv('upn\na@b.com\n"c@d.com,5\n')).toEqual({
      ok: false,
      line: 3,
      why: 'A quoted field that starts on line 3 never ends.',
    });
  });

  it('reads another delimiter when asked', () => {
    expect(readCsv('a;"b;c"', ';')).toMatchObject({ ok: true, records: [{ cells: ['a', 'b;c'] }] });
  });
});
