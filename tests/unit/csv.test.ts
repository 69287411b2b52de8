import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../lib/csv';

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
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}序号,名称\r\n1,'=cmd|calc\r\n`);
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});
