import { eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { operators } from '@/db/schema';
import { notFound } from '@/lib/http/errors';
import type { ScopedActor } from './actor';

/**
 * Row scope of an operator's contact (DESIGN §9). `requirePermission('portal:…')` returns a
 * ScopedActor only for a contact bound to an operator; the portal's reads and writes pick rows only
 * through these conditions, so another operator's case, subject or evidence is simply not found (404).
 */

/** The contact's own operator. */
export async function scopedOperator(db: Queryable, actor: ScopedActor) {
  const [op] = await db.select().from(operators).where(eq(operators.id, actor.operatorId)).limit(1);
  if (!op) throw notFound('Operator', actor.operatorId);
  return op;
}

/** A subject (by its id column or value) that belongs to the contact's operator. */
export function subjectInScope(actor: ScopedActor, subjectId: SQL | number): SQL {
  return sql`EXISTS (SELECT 1 FROM subjects scope_s WHERE scope_s.id = ${subjectId} AND scope_s.operator_id = ${actor.operatorId})`;
}

/** A case (by its id column or value) on one of the contact's operator's subjects. */
export function caseInScope(actor: ScopedActor, caseId: SQL | number): SQL {
  return sql`EXISTS (SELECT 1 FROM cases scope_c JOIN subjects scope_s ON scope_s.id = scope_c.subject_id
    WHERE scope_c.id = ${caseId} AND scope_s.operator_id = ${actor.operatorId})`;
}
