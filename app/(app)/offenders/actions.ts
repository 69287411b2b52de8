'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { HttpError } from '@/lib/http/errors';
import { fieldErrorsFromZod } from '@/lib/http/route';
import { reviewFlag } from '@/lib/offenders/review';
import { reviewBodySchema } from '@/lib/offenders/schemas';

export interface ReviewState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** The review form: the same schema and command as POST /api/v1/offenders/{id}/review. */
export async function reviewFlagAction(flagId: number, _prev: ReviewState, form: FormData): Promise<ReviewState> {
  try {
    const actor = await requirePermission('offender:review');
    const parsed = reviewBodySchema.safeParse({
      decision: form.get('decision') ?? undefined,
      reason: String(form.get('reason') ?? ''),
      escalation: form.get('escalation') || undefined,
    });
    if (!parsed.success) return { fieldErrors: fieldErrorsFromZod(parsed.error) };
    const db = await getDb();
    await db.transaction((tx) => reviewFlag(tx, actor, flagId, parsed.data));
  } catch (err) {
    if (err instanceof HttpError) return { message: err.message, fieldErrors: err.fields };
    throw err;
  }
  revalidatePath(`/offenders/${flagId}`);
  revalidatePath('/offenders');
  return { ok: true };
}
