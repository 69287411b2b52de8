import { INTL_LOCALE, toLocale, type Locale } from '@/lib/i18n/locales';
import { OFFICE_TIME_ZONE } from '@/lib/time';

/**
 * The one way the app writes dates, times and numbers (pages, print, exports, charts). Dates and
 * times are always in office time (OFFICE_TIME_ZONE) and written the same way in both languages:
 * a day as 2026-11-22, a moment as 2026-11-22 14:05 (exports add seconds). Numbers follow the
 * reader's locale (INTL_LOCALE): 12,345 and 12.5%. Formatters are built once; building one costs
 * far more than formatting.
 */

const OFFICE_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

const asDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));
const pad = (n: number) => String(n).padStart(2, '0');

/** The fields as Intl writes them: the reference, and the way to an hour's offset from UTC. */
function intlParts(value: Date): Parts {
  const parts = Object.fromEntries(OFFICE_PARTS.formatToParts(value).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  return parts as Parts;
}

const HOUR = 3_600_000;
/** Office time minus UTC at the start of each hour asked for (ms), a bounded memo. */
const offsets = new Map<number, number>();
function offsetAt(hour: number): number {
  let o = offsets.get(hour);
  if (o === undefined) {
    const p = intlParts(new Date(hour * HOUR));
    o = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * HOUR;
    if (offsets.size >= 4096) offsets.clear();
    offsets.set(hour, o);
  }
  return o;
}

/**
 * A moment's wall-clock fields in office time. formatToParts per value was a few per cent of a case
 * list's render (issue #18): within an hour whose start and end have the same offset from UTC (every
 * hour but one holding a change of offset) the fields are the UTC fields of the moment shifted by
 * that offset; otherwise Intl is asked.
 */
export function officeParts(value: Date | string | number): Parts {
  const date = asDate(value);
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return intlParts(date);
  const hour = Math.floor(ms / HOUR);
  const offset = offsetAt(hour);
  if (offset !== offsetAt(hour + 1)) return intlParts(date);
  const d = new Date(ms + offset);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The office's calendar day of a moment, or a YYYY-MM-DD day as it is: "2026-11-22". */
export function formatDay(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = officeParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A moment as the office reads it: "2026-11-22 14:05". */
export function formatDateTime(value: Date | string): string {
  const p = officeParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A moment to the second, for exports: "2026-11-22 14:05:09". */
export function formatDateTimeSeconds(value: Date | string): string {
  const p = officeParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

const NUMBER: Record<Locale, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat(INTL_LOCALE.zh),
  en: new Intl.NumberFormat(INTL_LOCALE.en),
};
const PERCENT: Record<Locale, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat(INTL_LOCALE.zh, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** 'zh', 'en', 'zh-CN', 'en-GB' … as the app's locale. */
const localeOf = (locale: string): Locale => toLocale(locale.slice(0, 2).toLowerCase());

/** 12345 → "12,345" in the reader's locale. */
export function formatNumber(n: number, locale: string): string {
  return NUMBER[localeOf(locale)].format(n);
}

/** A share (0.125) → "12.5%" in the reader's locale. */
export function formatPercent(share: number, locale: string): string {
  return PERCENT[localeOf(locale)].format(share);
}

/** 2048 → "2.0 KB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
