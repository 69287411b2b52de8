import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvRow, csvStream, neutralizeFormula, toCsv } from '../../lib/csv';

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a formula start: %j', (raw) => {
    const cell = csvCell(raw);
    // Unquoted, or inside quotes, the first character a spreadsheet sees is the apostrophe.
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('leaves plain text, Chinese and numbers alone; empty for null', () => {
    expect(csvCell('违规收集个人信息、超范围收集个人信息')).toBe('违规收集个人信息、超范围收集个人信息');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and ends lines with CRLF', () => {
    const csv = toCsv([['序号', '名称'], [1, '=cmd|calc']]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}序号,名称\r\n1,'=cmd|calc\r\n`);
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});

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

  it('a number stays a number (it cannot carry a formula), but text that looks like one is neutralised', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5+cmd')).toBe("'-5+cmd");
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
