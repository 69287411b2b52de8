import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { settings } from '@/db/schema';

export const DEFAULT_DEADLINE_DAYS = 7;

/** The default rectification deadline in calendar days (DESIGN §3: 7 unless an admin changed it). */
export async function getDefaultDeadlineDays(db: Queryable): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'default_deadline_days')).limit(1);
  const n = Number(row?.value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_DEADLINE_DAYS;
}
