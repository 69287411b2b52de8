/**
 * The demo's calendar. Every date is a day offset from "demo today" (0 = today, -1 = yesterday) in
 * the office's time zone; timestamps are office-hours instants on those days (China Standard Time).
 */
import { addDays, officeToday } from '../../lib/time';

export class DemoCalendar {
  /** Today, YYYY-MM-DD, in the office's time zone. */
  readonly today: string;

  constructor(today: Date) {
    this.today = officeToday(today);
  }

  /** The YYYY-MM-DD date `offset` days from today. */
  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** An instant on day `offset` at hh:mm office time. */
  at(offset: number, hour: number, minute = 0): Date {
    const hh = String(hour).padStart(2, '0');
    const mm = String(minute).padStart(2, '0');
    return new Date(`${this.day(offset)}T${hh}:${mm}:00+08:00`);
  }

  /** The year of day `offset`. */
  year(offset: number): number {
    return Number(this.day(offset).slice(0, 4));
  }

  /** The month (1–12) of day `offset`. */
  month(offset: number): number {
    return Number(this.day(offset).slice(5, 7));
  }
}
