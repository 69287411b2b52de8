import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvRow, csvStream, neutralizeFormula } from '../../lib/csv';

describe('csvCell', () => {
  it('prefixes cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=1+1', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("http://x","y")']) {
      expect(neutralizeFormula(evil).startsWith("'")).toBe(true);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("a","b")')).toBe(`"'=HYPERLINK(""a"",""b"")"`);
  });

  it('leaves ordinary text, numbers and Chinese alone', () => {
    expect(csvCell('停车缴费小程序')).toBe('停车缴费小程序');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('a-b')).toBe('a-b');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
  });

  it('numbers that are negative are neutralised too (a minus starts a formula)', () => {
    expect(csvCell(-5)).toBe("'-5");
  });
});

describe('csvRow and csvStream', () => {
  it('writes CRLF rows and streams a BOM, the header and every row', async () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
    async function* rows() {
      for (let i = 0; i < 1200; i++) yield [i, `=x${i}`];
    }
    const bytes = await new Response(csvStream(['n', 'v'], rows())).arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(`${CSV_BOM}n,v\r\n`)).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1201);
    expect(lines[1200]).toBe("1199,'=x1199");
  });
});
