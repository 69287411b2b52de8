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

/** The office's name, printed at the head of every document it issues (orders, case files). */
export const DEFAULT_OFFICE_NAME = { nameZh: '个人信息保护检查办公室', nameEn: 'Personal Information Protection Inspection Office' } as const;
const OFFICE_KEY = 'office_name';

/** The body of the admin form that names the office. */
export const officeNameSchema = z.object({
  nameZh: z.string({ error: 'nameZh is the office name in Chinese.' }).trim().min(1, 'The Chinese name is required.').max(60, 'At most 60 characters.'),
  nameEn: z.string({ error: 'nameEn is the office name in English.' }).trim().min(1, 'The English name is required.').max(120, 'At most 120 characters.'),
});
export type OfficeName = z.infer<typeof officeNameSchema>;

export async function getOfficeName(db: Queryable): Promise<OfficeName> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, OFFICE_KEY)).limit(1);
  if (!row) return { ...DEFAULT_OFFICE_NAME };
  const parsed = officeNameSchema.safeParse((() => { try { return JSON.parse(row.value); } catch { return null; } })());
  return parsed.success ? parsed.data : { ...DEFAULT_OFFICE_NAME };
}

/** Renames the office, inside the caller's transaction, with its audit event. */
export async function setOfficeName(tx: Tx, actor: Actor, name: OfficeName): Promise<OfficeName> {
  const previous = await getOfficeName(tx);
  const updatedBy = actor.kind === 'user' ? actor.id : null;
  const value = JSON.stringify(name);
  await tx.insert(settings).values({ key: OFFICE_KEY, value, updatedBy }).onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: 'settings.office_name', entityType: 'setting', entityId: OFFICE_KEY, before: previous, after: name });
  return name;
}
