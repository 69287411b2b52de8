/**
 * "Under a confirmed flag" marks for every list of operators, subjects and cases.
 *
 *   db.select({ ..., marked: operatorMarkedSql(operators.id) }).from(operators)
 *   db.select({ ..., marked: subjectMarkedSql(subjects.id, subjects.operatorId) }).from(subjects)
 *
 * and render <OffenderMark marked={row.marked} /> next to the name. A confirmed flag keeps marking
 * its operator/subject even after its condition stops holding: the supervisor's decision stands.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { queryRows } from '@/db/client';

/** EXISTS: the operator has a confirmed flag (an operator-level one, or one on any of its subjects). */
export function operatorMarkedSql(operatorId: AnyPgColumn | SQL): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM offender_flags mf WHERE mf.status = 'confirmed' AND mf.operator_id = ${operatorId})`;
}

/** EXISTS: the subject has a confirmed flag of its own, or its operator is under a confirmed operator-level flag. */
export function subjectMarkedSql(subjectId: AnyPgColumn | SQL, operatorId: AnyPgColumn | SQL): SQL<boolean> {
  // Two probes, one per partial index (offender_flags_confirmed_subject_idx / _operator_idx).
  return sql<boolean>`(EXISTS (SELECT 1 FROM offender_flags mf WHERE mf.status = 'confirmed' AND mf.subject_id = ${subjectId})
    OR EXISTS (SELECT 1 FROM offender_flags mf WHERE mf.status = 'confirmed' AND mf.operator_id = ${operatorId} AND mf.subject_id IS NULL))`;
}

/**
 * `operatorId = ANY(operators under a confirmed flag)`: the filter of the operator list. The set is
 * small (confirmed flags are a supervisor's decisions) and computed once as an array, so the list's
 * keyset walks only those rows' index entries instead of scanning the list until enough rows match.
 */
export function operatorMarkedFilterSql(operatorId: AnyPgColumn | SQL): SQL {
  return sql`${operatorId} = ANY(ARRAY(SELECT DISTINCT mf.operator_id FROM offender_flags mf WHERE mf.status = 'confirmed' AND mf.operator_id IS NOT NULL))`;
}

/** `subjectId = ANY(subjects marked by subjectMarkedSql)`: the filter of the subject and case lists (see above). */
export function subjectMarkedFilterSql(subjectId: AnyPgColumn | SQL): SQL {
  return sql`${subjectId} = ANY(ARRAY(
    SELECT mf.subject_id FROM offender_flags mf WHERE mf.status = 'confirmed' AND mf.subject_id IS NOT NULL
    UNION SELECT ms.id FROM offender_flags mf JOIN subjects ms ON ms.operator_id = mf.operator_id
          WHERE mf.status = 'confirmed' AND mf.subject_id IS NULL))`;
}

/** The ids of every operator under a confirmed flag (for lists that mark in memory). */
export async function confirmedOperatorIds(db: Queryable): Promise<Set<number>> {
  const rows = await queryRows<{ id: number }>(db, sql`SELECT DISTINCT operator_id AS id FROM offender_flags WHERE status = 'confirmed' AND operator_id IS NOT NULL`);
  return new Set(rows.map((r) => Number(r.id)));
}

/** The ids of every subject under a confirmed flag of its own. */
export async function confirmedSubjectIds(db: Queryable): Promise<Set<number>> {
  const rows = await queryRows<{ id: number }>(db, sql`SELECT DISTINCT subject_id AS id FROM offender_flags WHERE status = 'confirmed' AND subject_id IS NOT NULL`);
  return new Set(rows.map((r) => Number(r.id)));
}
