import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { offenderFlags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { conflict, notFound } from '@/lib/http/errors';
import type { ReviewBody } from './schemas';
import type { FlagRow } from './types';

/**
 * A supervisor's verdict on an open flag: confirmed with an escalation, or dismissed with a reason.
 * Records the evidence reviewed (evidence_key and the case ids), so a dismissed flag comes back only
 * when a case outside that set appears. Audited in the same transaction; a flag already reviewed (or
 * reviewed by someone else meanwhile) is a 409.
 */
export async function reviewFlag(tx: Tx, actor: Actor, id: number, body: ReviewBody): Promise<FlagRow> {
  const [current] = await tx.select().from(offenderFlags).where(eq(offenderFlags.id, id)).for('update');
  if (!current) throw notFound('Flag', id);
  if (current.status !== 'open') {
    throw conflict(`Flag ${id} is already ${current.status}; only open flags are reviewed.`, { decision: `The flag is ${current.status}.` }).because('flag_reviewed');
  }
  const status = body.decision === 'confirm' ? 'confirmed' : 'dismissed';
  const [updated] = await tx
    .update(offenderFlags)
    .set({
      status,
      escalation: body.decision === 'confirm' ? body.escalation! : null,
      reviewReason: body.reason,
      reviewedBy: actor.kind === 'user' ? actor.id : null,
      reviewedAt: sql`now()`,
      reviewedEvidenceKey: current.evidenceKey,
      reviewedCaseIds: current.caseIds,
      updatedAt: sql`now()`,
    })
    .where(and(eq(offenderFlags.id, id), eq(offenderFlags.status, 'open')))
    .returning();
  if (!updated) throw conflict(`Flag ${id} changed meanwhile; reload it.`).because('stale_revision');
  await recordAudit(tx, actor, {
    action: `offender_flag.${body.decision}`,
    entityType: 'offender_flag',
    entityId: id,
    before: { status: current.status, evidenceKey: current.evidenceKey },
    after: { status, escalation: updated.escalation, reason: body.reason, evidenceKey: current.evidenceKey, caseIds: current.caseIds },
  });
  return updated;
}
