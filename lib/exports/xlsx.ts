import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { contentDisposition } from '@/lib/http/content-disposition';
import { formatDay } from '@/lib/i18n/format';
import { calendarDay, officeWallClock, type ExportColumn, type ExportValue } from './columns';

/**
 * An XLSX sheet can hold 1,048,576 rows; an export stops short of that with room for the header.
 * Routes check their count against it first and answer 422 naming it (never a silently cut sheet).
 * `RECTIFY_XLSX_MAX_ROWS` may lower it (an office that wants smaller files; the tests).
 */
export const MAX_XLSX_ROWS = 1_000_000;

/** The row cap in force: MAX_XLSX_ROWS, or RECTIFY_XLSX_MAX_ROWS when set lower. */
export function xlsxRowCap(): number {
  const set = Number(process.env.RECTIFY_XLSX_MAX_ROWS);
  return Number.isInteger(set) && set > 0 && set < MAX_XLSX_ROWS ? set : MAX_XLSX_ROWS;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUM_FMT = { text: '@', number: '0', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' } as const;

function cellValue<T>(col: ExportColumn<T>, v: ExportValue): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (col.type) {
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'date':
      return calendarDay(v instanceof Date ? formatDay(v) : String(v));
    case 'datetime':
      return officeWallClock(v instanceof Date ? v : String(v));
    default:
      // A string cell is text to every spreadsheet: never a formula, never a number.
      return String(v);
  }
}

/** A sheet with a bold, frozen header row and each column's cell format (text stays text). */
function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: ExportColumn<T>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width ?? 14, style: { numFmt: NUM_FMT[c.type] } }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export interface SheetSpec<T> {
  name: string;
  columns: ExportColumn<T>[];
  rows: readonly T[];
}

/** A small workbook of several sheets (dashboard tables, a notice's annex), built in memory. */
export async function xlsxWorkbook(sheets: SheetSpec<any>[]): Promise<Uint8Array> { // eslint-disable-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = addSheet(workbook, spec.name, spec.columns);
    for (const row of spec.rows) sheet.addRow(spec.columns.map((c) => cellValue(c, c.value(row))));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rows written between checks that the client has taken what was sent (back-pressure). */
const BATCH = 500;

/**
 * A one-sheet workbook streamed as it is written (exceljs's streaming writer): the header row, then
 * every row `rows` yields, each committed at once; the writer waits while the client has not read
 * what was sent, so memory stays flat whatever the row count.
 */
export function xlsxStream<T>(sheetName: string, columns: ExportColumn<T>[], rows: AsyncIterable<T>): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = addSheet(workbook, sheetName, columns);
  (async () => {
    let n = 0;
    for await (const row of rows) {
      if (out.destroyed) return; // the client went away: stop reading rows
      sheet.addRow(columns.map((c) => cellValue(c, c.value(row)))).commit();
      if (++n % BATCH === 0 && out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Headers for an XLSX download named `filename`. */
export function xlsxHeaders(filename: string): HeadersInit {
  return {
    'content-type': XLSX_MEDIA_TYPE,
    'content-disposition': contentDisposition('attachment', filename),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}
