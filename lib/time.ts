/** The office's calendar: deadlines are calendar days in China Standard Time. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting (bulk imports call this per row).
const OFFICE_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE });

/** Today's date (YYYY-MM-DD) in the office's time zone. */
export function officeToday(now: Date = new Date()): string {
  return OFFICE_DATE.format(now);
}


/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
