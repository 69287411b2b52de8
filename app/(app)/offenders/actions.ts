'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { reviewFlag } from '@/lib/offenders/review';
import { reviewBodySchema } from '@/lib/offenders/schemas';

export type ReviewState = ActionResult<true> | null;

/** The review form: the same schema and command as POST /api/v1/offenders/{id}/review. */
export async function reviewFlagAction(flagId: number, _prev: ReviewState, form: FormData): Promise<ReviewState> {
  const result = await runAction(async () => {
    const actor = await requirePermission('offender:review');
    const body = reviewBodySchema.parse({
      decision: form.get('decision') ?? undefined,
      reason: String(form.get('reason') ?? ''),
      escalation: form.get('escalation') || undefined,
    });
    const db = await getDb();
    await db.transaction((tx) => reviewFlag(tx, actor, flagId, body));
    return true as const;
  });
  if (result.ok) {
    revalidatePath(`/offenders/${flagId}`);
    revalidatePath('/offenders');
  }
  return result;
}
