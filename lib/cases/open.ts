import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/client';
import { inChunks, intArray } from '@/db/params';
import { caseEvents, cases } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudits } from '@/lib/audit';
import { refreshOffenderFlags } from '@/lib/offenders/refresh';
import { previousFixedCaseSql } from './recurrence';

/**
 * Opens the case for a saved inspection (state `open`, revision 1, with its first event). If a
 * category found now was found before on the same subject in a case that was closed as fixed
 * (verified or reinstated), the new case is linked to the latest such case: closed cases are never
 * reopened (DESIGN §3). The repeat-offender flags of the subject are brought up to date.
 */
export async function openCaseForInspection(
  tx: Tx,
  actor: Actor | null,
  inspectionId: number,
  /** Imports open many cases and refresh the repeat-offender flags once for the batch instead. */
  options: { refreshFlags?: boolean } = {},
) {
  const [created] = await openCasesForInspections(tx, actor, [inspectionId], options);
  return created!;
}

/**
 * openCaseForInspection for many saved inspections at once, set-based: one INSERT of the cases (each
 * linked by the same recurrence rule), one of their first events and one of their audit events per
 * ROWS_PER_STATEMENT cases, and one refresh of the flags of their subjects. Returns the cases in the order of `inspectionIds`.
 */
export async function openCasesForInspections(tx: Tx, actor: Actor | null, inspectionIds: readonly number[], options: { refreshFlags?: boolean } = {}) {
  const ids = [...new Set(inspectionIds)];
  if (!ids.length) return [];
  const opened = await queryRows<{ id: number; inspection_id: number }>(
    tx,
    sql`INSERT INTO cases (subject_id, inspection_id, found_version, previous_case_id)
      SELECT i.subject_id, i.id, i.version, (${previousFixedCaseSql(sql`i.subject_id`, sql`i.id`)})
        FROM inspections i WHERE i.id = ANY(${intArray(ids)}) ORDER BY i.id
      RETURNING id, inspection_id`,
  );
  const caseOf = new Map(opened.map((r) => [Number(r.inspection_id), Number(r.id)]));
  const missing = ids.find((id) => !caseOf.has(id));
  if (missing !== undefined) throw new Error(`inspection ${missing} does not exist`);
  const rows = await tx.select().from(cases).where(sql`${cases.id} = ANY(${intArray([...caseOf.values()])})`).orderBy(cases.id);
  for (const part of inChunks(rows)) {
    await tx.insert(caseEvents).values(
      part.map((c) => ({
        caseId: c.id,
        fromState: null,
        toState: 'open' as const,
        actorUserId: actor?.kind === 'user' ? actor.id : null,
        actorTokenId: actor?.kind === 'token' ? actor.id : null,
        reason: c.previousCaseId ? `Recurrence of case ${c.previousCaseId}` : '',
        revision: 1,
        at: sql`now()`,
      })),
    );
    await recordAudits(
      tx,
      actor,
      part.map((c) => ({
        action: 'case.open',
        entityType: 'case',
        entityId: c.id,
        after: { state: 'open', subjectId: c.subjectId, inspectionId: c.inspectionId, previousCaseId: c.previousCaseId ?? null },
      })),
    );
  }
  if (options.refreshFlags !== false) await refreshOffenderFlags(tx, { subjectIds: [...new Set(rows.map((c) => c.subjectId))] });
  const byInspection = new Map(rows.map((c) => [c.inspectionId, c]));
  return inspectionIds.map((id) => byInspection.get(id)!);
}
