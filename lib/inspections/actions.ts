'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { formErrorsFrom, localizedZodErrors, type FormState } from '@/lib/forms/field-errors';
import { createInspection } from './create';
import { inspectionInputSchema } from './schemas';

/**
 * The /inspections/new form: the same schema and the same transaction as POST /api/v1/inspections
 * (evidence is uploaded first, through POST /api/v1/evidence, and referenced by its SHA-256).
 */
export async function saveInspectionAction(payload: unknown): Promise<FormState> {
  const actor = await requirePermission('inspection:write');
  const parsed = inspectionInputSchema.safeParse(payload);
  if (!parsed.success) return { fieldErrors: await localizedZodErrors(parsed.error) };
  let result: { subjectId: number; inspectionId: number; caseId: number };
  try {
    const db = await getDb();
    const saved = await db.transaction((tx) => createInspection(tx, actor, parsed.data));
    result = { subjectId: saved.inspection.subjectId, inspectionId: saved.inspection.id, caseId: saved.case.id };
  } catch (err) {
    return formErrorsFrom(err);
  }
  revalidatePath(`/subjects/${result.subjectId}`);
  redirect(`/subjects/${result.subjectId}?inspection=${result.inspectionId}&case=${result.caseId}`);
}
