import { sql, type SQL } from 'drizzle-orm';
import { cases } from '@/db/schema';

/** States in which a case runs against a deadline. */
export const DEADLINE_STATES = ['ordered', 'notified'] as const;

/**
 * The one definition of "overdue": a case under a deadline whose deadline day has passed in the
 * office's time zone. Derived from the clock on every read, never stored.
 */
export const isOverdueSql: SQL<boolean> = sql<boolean>`(${cases.state} IN ('ordered','notified') AND ${cases.deadline} < (now() AT TIME ZONE 'Asia/Shanghai')::date)`;

/** Today in the office's time zone, as SQL (the day a deadline must be before to be overdue). */
export const officeTodaySql: SQL<string> = sql<string>`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
