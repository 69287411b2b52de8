import { sql, type SQL } from 'drizzle-orm';
import { intArray as intArrayParam } from '@/db/params';

/**
 * What a refresh looks at: everything (the full recompute), the operators and subjects a write
 * touched (ids), or those listed in the transaction's scope tables (`tables`: a batch as large as an
 * import's, written once by `refreshOffenderFlagsWhere` and joined by every rule instead of an id list
 * as one parameter). Each rule widens the scope to what the touched rows can affect (see rules/*.ts).
 * `tallied`: the full recompute reads the tallies of counted cases (migration 0028) to find the
 * operators and subjects that can qualify (`TALLIED_CASES`, `TALLIED_RECIDIVISM_SUBJECTS`) — false while
 * the transaction defers them (an import's apply), when the rules read the base tables whole.
 */
export type FlagScope =
  | { all: true; tables?: false; tallied: boolean }
  | { all?: false; tables?: false; operatorIds: number[]; subjectIds: number[] }
  | { all?: false; tables: true };

/** The scope tables of `{ tables: true }` (temporary, dropped at commit). */
export const SCOPE_SUBJECTS = sql.raw('pg_temp.offender_scope_subjects');
export const SCOPE_OPERATORS = sql.raw('pg_temp.offender_scope_operators');
/**
 * `{ tables: true }`'s widened scopes, written once and analyzed so the planner knows their size (as a
 * UNION of subqueries inside each rule it estimated five times the rows and scanned cases and subjects
 * whole): the operators named plus the operators of the subjects named (`scopedOperators`), and the
 * subjects named plus every subject of the operators named (`scopedSubjects`).
 */
export const SCOPE_OPERATORS_WIDE = sql.raw('pg_temp.offender_scope_operators_wide');
export const SCOPE_SUBJECTS_WIDE = sql.raw('pg_temp.offender_scope_subjects_wide');

/** The ids named, each once, as one `int[]` parameter (db/params.ts). */
export function intArray(ids: readonly number[]): SQL {
  return intArrayParam([...new Set(ids.filter((n) => Number.isSafeInteger(n)))]);
}

/** `column` is one of the subjects the write named (not widened). */
export function namedSubject(scope: Exclude<FlagScope, { all: true }>, column: SQL): SQL {
  return scope.tables ? sql`${column} IN (SELECT id FROM ${SCOPE_SUBJECTS})` : sql`${column} = ANY(${intArray(scope.subjectIds)})`;
}

/** `column` is one of the operators the write named (not widened). */
export function namedOperator(scope: Exclude<FlagScope, { all: true }>, column: SQL): SQL {
  return scope.tables ? sql`${column} IN (SELECT id FROM ${SCOPE_OPERATORS})` : sql`${column} = ANY(${intArray(scope.operatorIds)})`;
}

/** The operators in scope: those named, plus the operators of the subjects named. */
export function scopedOperators(scope: FlagScope): SQL {
  if (scope.all) return sql`(SELECT id FROM operators)`;
  if (scope.tables) return sql`(SELECT id FROM ${SCOPE_OPERATORS_WIDE})`;
  return sql`(SELECT unnest(${intArray(scope.operatorIds)}) UNION SELECT operator_id FROM subjects WHERE ${namedSubject(scope, sql`id`)} AND operator_id IS NOT NULL)`;
}

/** The subjects in scope: those named, plus every subject of the operators named. */
export function scopedSubjects(scope: FlagScope): SQL {
  if (scope.all) return sql`(SELECT id FROM subjects)`;
  if (scope.tables) return sql`(SELECT id FROM ${SCOPE_SUBJECTS_WIDE})`;
  return sql`(SELECT unnest(${intArray(scope.subjectIds)}) UNION SELECT id FROM subjects WHERE ${namedOperator(scope, sql`operator_id`)})`;
}

/** `column IN scope`, or TRUE for the full recompute (so the planner scans instead of probing). */
export function inScope(scope: FlagScope, column: SQL, set: SQL): SQL {
  return scope.all ? sql`TRUE` : sql`${column} IN ${set}`;
}

/**
 * `{ all: true, tallied: true }`: the counted (not withdrawn) cases of every operator whose tally of
 * counted cases reaches the lowest threshold of operator_recurrence and multi_line (migration 0028), with
 * what both rules read of their subject and inspection — written once per recompute by
 * `recomputeOffenderFlags` and analyzed. No operator outside it can reach either rule's threshold.
 */
export const TALLIED_CASES = sql.raw('pg_temp.offender_tallied_cases');

/** The subjects with a fixed (verified or reinstated) case and another counted case: the tallies of migration 0028. */
export const TALLIED_RECIDIVISM_SUBJECTS = sql`(SELECT subject_id FROM offender_subject_tallies WHERE fixed > 0 AND cases >= 2)`;
