import { contentDisposition } from '@/lib/http/content-disposition';

/**
 * CSV writing (RFC 4180) that is safe to open in a spreadsheet: a cell that starts with a character
 * a spreadsheet would read as a formula (= + - @, tab, carriage return) is prefixed with `'`, so
 * `=HYPERLINK(...)` arrives as text. Used by every CSV download (cases, public notices).
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as spreadsheet-inert text (before quoting). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and dates are data a spreadsheet cannot run; text is neutralised.
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value instanceof Date ? value.toISOString() : String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** The UTF-8 byte order mark: spreadsheet programs need it to read Chinese text correctly. */
export const CSV_BOM = '\uFEFF';

/** A whole document in memory (small exports): rows with CRLF ends, the BOM unless `bom: false`. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return (options.bom === false ? '' : CSV_BOM) + rows.map(csvRow).join('');
}

/**
 * A streaming CSV body: the header, then every row `rows` yields, pulled page by page as the client
 * reads, so a large export never sits in memory.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<readonly CsvValue[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
        return;
      }
      const chunk: string[] = [];
      // Up to 500 rows per chunk: fewer, larger writes.
      while (chunk.length < 500) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk.length) controller.enqueue(encoder.encode(chunk.join('')));
          controller.close();
          return;
        }
        chunk.push(csvRow(next.value));
      }
      controller.enqueue(encoder.encode(chunk.join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Headers for a CSV download named `filename`. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': contentDisposition('attachment', filename),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}
