'use server';

import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { actionError, type ActionResult } from '@/lib/http/action';
import { invalid } from '@/lib/http/errors';
import { fieldErrorsFromZod } from '@/lib/http/route';
import { defaultDeadlineSchema, setDefaultDeadlineDays } from '@/lib/settings';

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
