import { sql, type SQL } from 'drizzle-orm';
import { FIXED_STATES, statesSql } from './ladder';

/**
 * The one recurrence rule (DESIGN §3): a new inspection's case links to the latest case of the same
 * subject closed as fixed (FIXED_STATES) that shares a violation category with the new inspection.
 * A correlated subquery yielding that case's id (or no row); used by openCaseForInspection and by the
 * import's set-based apply (lib/imports/apply-inspections.ts).
 */
export function previousFixedCaseSql(subjectId: SQL, inspectionId: SQL): SQL<number> {
  return sql<number>`SELECT c.id FROM cases c JOIN findings f ON f.inspection_id = c.inspection_id
    WHERE c.subject_id = ${subjectId} AND c.state IN (${statesSql(FIXED_STATES)})
      AND f.category IN (SELECT nf.category FROM findings nf WHERE nf.inspection_id = ${inspectionId})
    ORDER BY c.closed_at DESC, c.id DESC LIMIT 1`;
}
