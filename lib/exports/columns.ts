import { formatDateTimeSeconds, formatDay, officeParts } from '@/lib/i18n/format';

/**
 * One column of a spreadsheet export (CSV or XLSX), in the reader's language. `text` cells stay text
 * in a spreadsheet (a version "1.10" is never read as the number 1.1); `date` is an office calendar
 * day (YYYY-MM-DD); `datetime` a moment shown in office time (OFFICE_TIME_ZONE).
 */
export type ColumnType = 'text' | 'number' | 'date' | 'datetime';
export type ExportValue = string | number | Date | null | undefined;

export interface ExportColumn<T> {
  header: string;
  type: ColumnType;
  /** Width in characters (XLSX). */
  width?: number;
  value: (row: T) => ExportValue;
}

/**
 * The office wall-clock time as a Date whose UTC fields carry it: spreadsheets have no time zones,
 * and exceljs writes a Date's UTC fields, so the cell shows office time whatever the server's zone.
 */
export function officeWallClock(value: Date | string): Date {
  const p = officeParts(value);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

/** A YYYY-MM-DD calendar day as the Date a spreadsheet shows as that day. */
export function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** The value of a cell as CSV text (text stays text; dates as YYYY-MM-DD; moments in office time). */
export function csvText(type: ColumnType, v: ExportValue): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'number') return typeof v === 'number' ? v : Number(v);
  if (type === 'datetime') return formatDateTimeSeconds(v instanceof Date ? v : String(v));
  if (type === 'date') return v instanceof Date ? formatDay(v) : String(v).slice(0, 10);
  return String(v);
}
