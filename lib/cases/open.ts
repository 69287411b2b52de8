import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/client';
import { caseEvents, cases, inspections } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
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
  const [inspection] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId)).limit(1);
  if (!inspection) throw new Error(`inspection ${inspectionId} does not exist`);
  const [previous] = await queryRows<{ id: number }>(tx, previousFixedCaseSql(sql`${inspection.subjectId}`, sql`${inspectionId}`));

  const [created] = await tx
    .insert(cases)
    .values({ subjectId: inspection.subjectId, inspectionId, foundVersion: inspection.version, previousCaseId: previous?.id ?? null })
    .returning();
  await tx.insert(caseEvents).values({
    caseId: created!.id,
    fromState: null,
    toState: 'open',
    actorUserId: actor?.kind === 'user' ? actor.id : null,
    actorTokenId: actor?.kind === 'token' ? actor.id : null,
    reason: previous ? `Recurrence of case ${previous.id}` : '',
    revision: 1,
    at: sql`now()`,
  });
  await recordAudit(tx, actor, {
    action: 'case.open',
    entityType: 'case',
    entityId: created!.id,
    after: { state: 'open', subjectId: inspection.subjectId, inspectionId, previousCaseId: previous?.id ?? null },
  });
  if (options.refreshFlags !== false) await refreshOffenderFlags(tx, { subjectIds: [inspection.subjectId] });
  return created!;
}
