'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define';
import { createInspection as create } from './create';
import { inspectionInputSchema } from './schemas';

/**
 * The /inspections/new form: the same schema and the same transaction as POST /api/v1/inspections
 * (evidence is uploaded first, through POST /api/v1/evidence, and referenced by its SHA-256).
 */
export const createInspection = defineAction({
  name: 'createInspection',
  permission: 'inspection:write',
  schema: inspectionInputSchema,
  run: async ({ actor, input, tx }) => {
    const result = await create(tx, actor, input);
    return { subjectId: result.inspection.subjectId, inspectionId: result.inspection.id, caseId: result.case.id };
  },
  after: ({ subjectId, inspectionId, caseId }) => {
    revalidatePath(`/subjects/${subjectId}`);
    redirect(`/subjects/${subjectId}?inspection=${inspectionId}&case=${caseId}`);
  },
});
