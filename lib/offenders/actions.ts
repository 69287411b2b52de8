'use server';

import { revalidatePath } from 'next/cache';
import { defineAction, idInput } from '@/lib/actions/define';
import { reviewFlag } from './review';
import { reviewBodySchema } from './schemas';

/** The review form: the same schema and command as POST /api/v1/offenders/{id}/review. */
export const reviewOffender = defineAction({
  name: 'reviewOffender',
  permission: 'offender:review',
  target: { flagId: idInput },
  schema: reviewBodySchema,
  fromForm: (form) => ({
    flagId: form.get('flagId'),
    decision: form.get('decision') ?? undefined,
    reason: String(form.get('reason') ?? ''),
    escalation: form.get('escalation') || undefined,
  }),
  run: async ({ actor, input: { flagId, ...body }, tx }) => {
    await reviewFlag(tx, actor, flagId, body);
    return true as const;
  },
  after: (_data, { flagId }) => {
    revalidatePath(`/offenders/${flagId}`);
    revalidatePath('/offenders');
  },
});
