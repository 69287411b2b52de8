'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { createInspection } from './create';
import { inspectionInputSchema } from './schemas';

/**
 * The /inspections/new form: the same schema and the same transaction as POST /api/v1/inspections
 * (evidence is uploaded first, through POST /api/v1/evidence, and referenced by its SHA-256).
 */
export async function saveInspectionAction(payload: unknown): Promise<ActionResult<{ subjectId: number; inspectionId: number; caseId: number }>> {
  const saved = await runAction(async () => {
    const actor = await requirePermission('inspection:write');
    const input = inspectionInputSchema.parse(payload);
    const db = await getDb();
    const result = await db.transaction((tx) => createInspection(tx, actor, input));
    return { subjectId: result.inspection.subjectId, inspectionId: result.inspection.id, caseId: result.case.id };
  });
  if (!saved.ok) return saved;
  const { subjectId, inspectionId, caseId } = saved.data;
  revalidatePath(`/subjects/${subjectId}`);
  redirect(`/subjects/${subjectId}?inspection=${inspectionId}&case=${caseId}`);
}
