'use server';

import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { actionError, type ActionResult } from '@/lib/http/action';
import { invalid } from '@/lib/http/errors';
import { fieldErrorsFromZod } from '@/lib/http/route';
import { defaultDeadlineSchema, officeNameSchema, setDefaultDeadlineDays, setOfficeName, type OfficeName } from '@/lib/settings';

/** The admin form's twin of PUT /api/v1/settings/default-deadline. */
export async function saveDefaultDeadlineAction(_prev: ActionResult<{ days: number }> | null, form: FormData): Promise<ActionResult<{ days: number }>> {
  try {
    const actor = await requirePermission('admin:settings');
    const parsed = defaultDeadlineSchema.safeParse({ days: form.get('days') || undefined });
    if (!parsed.success) throw invalid('Invalid input.', fieldErrorsFromZod(parsed.error));
    const db = await getDb();
    const { days } = await db.transaction((tx) => setDefaultDeadlineDays(tx, actor, parsed.data.days));
    return { ok: true, data: { days } };
  } catch (err) {
    return actionError(err);
  }
}

/** Names the office printed at the head of its documents. */
export async function saveOfficeNameAction(_prev: ActionResult<OfficeName> | null, form: FormData): Promise<ActionResult<OfficeName>> {
  try {
    const actor = await requirePermission('admin:settings');
    const parsed = officeNameSchema.safeParse({ nameZh: form.get('nameZh') ?? undefined, nameEn: form.get('nameEn') ?? undefined });
    if (!parsed.success) throw invalid('Invalid input.', fieldErrorsFromZod(parsed.error));
    const db = await getDb();
    const saved = await db.transaction((tx) => setOfficeName(tx, actor, parsed.data));
    return { ok: true, data: saved };
  } catch (err) {
    return actionError(err);
  }
}
