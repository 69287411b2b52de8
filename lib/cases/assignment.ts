import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, Tx } from '@/db/client';
import { cases, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can, type Role } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { MAX_DB_INT } from '@/lib/http/params';
import { notFound, unprocessable } from '@/lib/http/errors';

/** The body of PUT /api/v1/cases/{id}/assignee: a user's id, or null to unassign. */
export const assigneeBodySchema = z.object({
  userId: z
    .number({ error: 'userId is a user id (a positive integer) or null.' })
    .int('userId is a user id (a positive integer) or null.')
    .positive('userId is a user id (a positive integer) or null.')
    .max(MAX_DB_INT, 'Too large for this database (at most 2147483647).')
    .nullable(),
});

/** Who may be given a case: active users whose role works cases (inspectors and supervisors). */
export async function listAssignableUsers(db: Queryable): Promise<{ id: number; name: string; role: Role }[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ['inspector', 'supervisor'])))
    .orderBy(asc(users.name), asc(users.id));
  return rows.filter((u) => can(u.role, 'case:transition'));
}

export interface Assignee {
  id: number;
  name: string;
}

/**
 * Assigns a case (or unassigns it with null), with its audit event, in the caller's transaction.
 * The case is locked so two assignments at once apply one after the other; the state and the
 * revision stay (an assignment is not a step on the ladder). Giving a case to whoever has it
 * changes nothing and records nothing.
 */
export async function assignCase(tx: Tx, actor: Actor, caseId: number, userId: number | null): Promise<{ caseId: number; assignee: Assignee | null; changed: boolean }> {
  const [row] = await tx.select({ id: cases.id, assigneeId: cases.assigneeId }).from(cases).where(eq(cases.id, caseId)).for('update').limit(1);
  if (!row) throw notFound('Case', caseId);
  let assignee: Assignee | null = null;
  if (userId !== null) {
    const [user] = await tx.select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw unprocessable('No such user.', { userId: `User ${userId} does not exist.` });
    if (user.disabledAt) throw unprocessable('That user is disabled.', { userId: `User ${userId} is disabled.` });
    if (!can(user.role, 'case:transition')) throw unprocessable('Cases go to inspectors and supervisors.', { userId: `User ${userId} is an ${user.role}, who does not work cases.` });
    assignee = { id: user.id, name: user.name };
  }
  if (row.assigneeId === userId) return { caseId, assignee, changed: false };
  await tx.update(cases).set({ assigneeId: userId, updatedAt: new Date() }).where(eq(cases.id, caseId));
  await recordAudit(tx, actor, { action: 'case.assign', entityType: 'case', entityId: caseId, before: { assigneeId: row.assigneeId }, after: { assigneeId: userId } });
  return { caseId, assignee, changed: true };
}
