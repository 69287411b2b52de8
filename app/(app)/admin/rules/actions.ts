'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { updateRule } from '@/lib/offenders/rules-admin';
import { ruleUpdateSchema } from '@/lib/offenders/schemas';
import type { FlagRule } from '@/lib/offenders/types';

/** The admin form: same schema and command as PUT /api/v1/offender-rules/{rule}. */
export async function updateRuleAction(rule: FlagRule, _prev: ActionResult<true> | null, form: FormData): Promise<ActionResult<true>> {
  return runAction(async () => {
    const actor = await requirePermission('admin:rules');
    const input = ruleUpdateSchema.parse({ threshold: form.get('threshold'), windowMonths: form.get('windowMonths'), enabled: form.get('enabled') ?? 'false' });
    const db = await getDb();
    await db.transaction((tx) => updateRule(tx, actor, rule, input));
    revalidatePath('/admin/rules');
    return true as const;
  });
}
