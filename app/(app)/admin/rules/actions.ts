'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { HttpError } from '@/lib/http/errors';
import { fieldErrorsFromZod } from '@/lib/http/route';
import { updateRule } from '@/lib/offenders/rules-admin';
import { ruleUpdateSchema } from '@/lib/offenders/schemas';
import type { FlagRule } from '@/lib/offenders/types';

export interface RuleFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** The admin form: same schema and command as PUT /api/v1/offender-rules/{rule}. */
export async function updateRuleAction(rule: FlagRule, _prev: RuleFormState, form: FormData): Promise<RuleFormState> {
  try {
    const actor = await requirePermission('admin:rules');
    const parsed = ruleUpdateSchema.safeParse({ threshold: form.get('threshold'), windowMonths: form.get('windowMonths'), enabled: form.get('enabled') ?? 'false' });
    if (!parsed.success) return { fieldErrors: fieldErrorsFromZod(parsed.error) };
    const db = await getDb();
    await db.transaction((tx) => updateRule(tx, actor, rule, parsed.data));
  } catch (err) {
    if (err instanceof HttpError) return { message: err.message, fieldErrors: err.fields };
    throw err;
  }
  revalidatePath('/admin/rules');
  return { ok: true };
}
