'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { runAction } from '@/lib/actions/result';
import { extendCase } from '@/lib/portal/commands';
import { decideRequest } from '@/lib/portal/decisions';
import { decisionSchema, extensionSchema } from '@/lib/portal/schemas';

async function localized<T>(result: Awaited<ReturnType<typeof runAction<T>>>) {
  if (result.ok || result.status !== 422 || !result.fieldErrors.until) return result;
  const t = await getTranslations('portal.errors');
  return { ...result, fieldErrors: { ...result.fieldErrors, until: t('untilRange') } };
}

/** A supervisor decides a contact's request (grant / refuse more time; uphold the finding / withdraw the case). */
export async function decideRequestAction(actionId: number, input: unknown) {
  const result = await runAction(async () => {
    const actor = await requirePermission('case:extend');
    const action = await decideRequest(actor, actionId, decisionSchema.parse(input));
    revalidatePath(`/cases/${action.caseId}`);
    revalidatePath('/queue');
  });
  return localized(result);
}

/** A supervisor extends an ordered or notified case's deadline. */
export async function extendCaseAction(caseId: number, input: unknown) {
  const result = await runAction(async () => {
    const actor = await requirePermission('case:extend');
    await extendCase(actor, caseId, extensionSchema.parse(input));
    revalidatePath(`/cases/${caseId}`);
  });
  return localized(result);
}
