import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../lib/csv';

describe('CSV downloads', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
  });

  it('keeps numbers (negative ones too) and ordinary Chinese text as they are, and quotes what needs it', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1234)).toBe('1234');
    expect(csvCell('停车扫码缴费')).toBe('停车扫码缴费');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(toCsv(['行业', '数量'], [['停车', 3]])).toBe('\uFEFF行业,数量\r\n停车,3\r\n');
  });
});
