/**
 * CSV writing (RFC 4180) that is safe to open in a spreadsheet: a cell that begins with a character
 * a spreadsheet reads as a formula (= + - @, tab, carriage return) is prefixed with an apostrophe,
 * so it is shown as text and never evaluated. UTF-8 with a byte-order mark, so Excel reads Chinese.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
export const UTF8_BOM = '\uFEFF';

/** One cell: neutralised against formula injection, then quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole document: header row first, CRLF line ends, with the BOM unless `bom: false`. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return (options.bom === false ? '' : UTF8_BOM) + body + '\r\n';
}
