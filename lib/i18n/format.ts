import { OFFICE_TIME_ZONE } from '@/lib/time';

/** A moment as the office reads it (China Standard Time), e.g. "2026-11-22 14:05". */
export function formatDateTime(value: Date | string): string {
  const d = value instanceof Date ? value : new Date(value);
  // sv-SE writes ISO-like dates in every language: 2026-11-22 14:05.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d);
}

/** The office's calendar day of a moment (YYYY-MM-DD). */
export function formatDay(value: Date | string): string {
  const d = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE }).format(d);
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
