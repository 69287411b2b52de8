import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, portalActions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { transitionCase } from '@/lib/cases/transition';
import { conflict, forbiddenError, notFound, unprocessable } from '@/lib/http/errors';
import { extendDeadline } from './commands';
import { notifyCaseContacts } from './messages';
import type { DecisionBody } from './schemas';

const STATUS = { grant: 'granted', refuse: 'refused', uphold: 'finding_upheld', withdraw: 'case_withdrawn' } as const;

/**
 * A supervisor decides a contact's request (DESIGN §9): more time is granted (the deadline moves,
 * DESIGN §3) or refused; an objection upholds the finding or withdraws the case (through the ladder).
 * The reason is shown to the contact. A request decided already is a 409.
 */
export async function decideRequest(actor: Actor, actionId: number, body: DecisionBody) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [action] = await tx.select().from(portalActions).where(eq(portalActions.id, actionId)).for('update');
    if (!action || (action.kind !== 'extension' && action.kind !== 'objection')) throw notFound('Request', actionId);
    if (action.status !== 'pending') throw conflict(`Request ${actionId} was already decided (${action.status}).`, { decision: `Already ${action.status}.` });
    const fits = action.kind === 'extension' ? body.decision === 'grant' || body.decision === 'refuse' : body.decision === 'uphold' || body.decision === 'withdraw';
    if (!fits) {
      throw unprocessable(action.kind === 'extension' ? 'A request for more time is granted or refused.' : 'An objection upholds the finding or withdraws the case.', {
        decision: action.kind === 'extension' ? 'One of: grant, refuse.' : 'One of: uphold, withdraw.',
      });
    }
    if (body.decision === 'grant') await extendDeadline(tx, actor, action.caseId, { until: action.until!, reason: body.reason }, action.id);
    if (body.decision === 'withdraw') {
      if (!can(actor.role, 'case:withdraw')) throw forbiddenError(`The ${actor.role} role may not withdraw a case.`);
      const [row] = await tx.select({ revision: cases.revision }).from(cases).where(eq(cases.id, action.caseId)).for('update');
      await transitionCase(tx, actor, action.caseId, row!.revision, { to: 'withdrawn', input: { reason: body.reason } });
    }
    const [decided] = await tx
      .update(portalActions)
      .set({
        status: STATUS[body.decision],
        decisionReason: body.reason,
        decidedAt: sql`now()`,
        decidedByUserId: actor.kind === 'user' ? actor.id : null,
        decidedByTokenId: actor.kind === 'token' ? actor.id : null,
      })
      .where(eq(portalActions.id, actionId))
      .returning();
    await notifyCaseContacts(tx, action.caseId, 'decision', `action:${actionId}`, body.reason);
    await recordAudit(tx, actor, { action: `portal.${action.kind}_${body.decision}`, entityType: 'case', entityId: action.caseId, before: { actionId, status: 'pending' }, after: { actionId, status: decided!.status, reason: body.reason } });
    return decided!;
  });
}
