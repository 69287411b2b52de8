import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, Tx } from '@/db/client';
import { settings } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';

export const DEFAULT_DEADLINE_DAYS = 7;
const DEADLINE_KEY = 'default_deadline_days';

/** The body of PUT /api/v1/settings/default-deadline and of the admin form. */
export const defaultDeadlineSchema = z.object({
  days: z.coerce
    .number({ error: 'days is a number of calendar days from 1 to 90.' })
    .int('days is a whole number of calendar days.')
    .min(1, 'At least 1 day.')
    .max(90, 'At most 90 days.'),
});

/** The default rectification deadline in calendar days (DESIGN §3: 7 unless an admin changed it). */
export async function getDefaultDeadlineDays(db: Queryable): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEADLINE_KEY)).limit(1);
  const n = Number(row?.value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_DEADLINE_DAYS;
}

/** Changes the default deadline, inside the caller's transaction, with its audit event. */
export async function setDefaultDeadlineDays(tx: Tx, actor: Actor, days: number): Promise<{ days: number; previous: number }> {
  const previous = await getDefaultDeadlineDays(tx);
  const updatedBy = actor.kind === 'user' ? actor.id : null;
  await tx
    .insert(settings)
    .values({ key: DEADLINE_KEY, value: String(days), updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(days), updatedBy, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: 'settings.default_deadline_days', entityType: 'setting', entityId: DEADLINE_KEY, before: { days: previous }, after: { days } });
  return { days, previous };
}
