'use server';

import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { defaultDeadlineSchema, officeNameSchema, setDefaultDeadlineDays, setOfficeName, type OfficeName } from '@/lib/settings';

/** The admin form's twin of PUT /api/v1/settings/default-deadline. */
export async function saveDefaultDeadlineAction(_prev: ActionResult<{ days: number }> | null, form: FormData): Promise<ActionResult<{ days: number }>> {
  return runAction(async () => {
    const actor = await requirePermission('admin:settings');
    const { days } = defaultDeadlineSchema.parse({ days: form.get('days') || undefined });
    const db = await getDb();
    return db.transaction((tx) => setDefaultDeadlineDays(tx, actor, days));
  });
}

/** Names the office printed at the head of its documents. */
export async function saveOfficeNameAction(_prev: ActionResult<OfficeName> | null, form: FormData): Promise<ActionResult<OfficeName>> {
  return runAction(async () => {
    const actor = await requirePermission('admin:settings');
    const input = officeNameSchema.parse({ nameZh: form.get('nameZh') ?? undefined, nameEn: form.get('nameEn') ?? undefined });
    const db = await getDb();
    return db.transaction((tx) => setOfficeName(tx, actor, input));
  });
}
