import { sql, type SQL } from 'drizzle-orm';

/** The office's calendar: deadlines are calendar days in China Standard Time. The one place it is named. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

const OFFICE_ZONE_SQL = sql.raw(`'${OFFICE_TIME_ZONE}'`);

/** The office's calendar day of a timestamptz expression, as SQL (`date`). */
export function officeDateSql(timestamp: SQL): SQL<string> {
  return sql<string>`(${timestamp} AT TIME ZONE ${OFFICE_ZONE_SQL})::date`;
}

/** Today in the office's time zone, as SQL (`date`): the twin of officeToday(). */
export const officeTodaySql: SQL<string> = officeDateSql(sql`now()`);

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting (bulk imports call this per row).
const OFFICE_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE });

/** Today's date (YYYY-MM-DD) in the office's time zone. */
export function officeToday(now: Date = new Date()): string {
  return OFFICE_DATE.format(now);
}


/**
 * A calendar day as YYYY-MM-DD that Postgres's `date` takes: a day that exists (not 2026-02-30), in year 1
 * or later (Postgres has no year 0: '0000-01-01'::date is an error, where JavaScript's Date takes it).
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/**
 * An instant as Postgres prints a timestamptz (`2026-03-01 09:30:00.123456+08`, the case list's cursor) or as
 * ISO 8601 (`2026-03-01T01:30:00Z`) that Postgres's `timestamptz` takes: a calendar day (isCalendarDate), a time
 * of day that exists, an offset of at most 15:59 (an edited cursor reached Postgres as 'x'::timestamptz, a 500).
 */
export function isTimestamp(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?(?::\d{2})?)?$/.exec(value) : null;
  if (!m || !isCalendarDate(m[1])) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = m.slice(2).map((v) => Number(v ?? 0));
  return hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours! <= 15 && offsetMinutes! <= 59;
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
