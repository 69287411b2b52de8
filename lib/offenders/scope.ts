import { sql, type SQL } from 'drizzle-orm';

/**
 * What a refresh looks at: everything (the full recompute) or the operators and subjects a write
 * touched. Each rule widens the scope to what the touched rows can affect (see rules/*.ts).
 */
export type FlagScope = { all: true } | { all?: false; operatorIds: number[]; subjectIds: number[] };

/** A Postgres integer array literal as one parameter (works the same on PGlite and node-postgres). */
export function intArray(ids: readonly number[]): SQL {
  const clean = [...new Set(ids.filter((n) => Number.isSafeInteger(n)))];
  return sql`${`{${clean.join(',')}}`}::int[]`;
}

/** The operators in scope: those named, plus the operators of the subjects named. */
export function scopedOperators(scope: FlagScope): SQL {
  if (scope.all) return sql`(SELECT id FROM operators)`;
  return sql`(SELECT unnest(${intArray(scope.operatorIds)}) UNION SELECT operator_id FROM subjects WHERE id = ANY(${intArray(scope.subjectIds)}) AND operator_id IS NOT NULL)`;
}

/** The subjects in scope: those named, plus every subject of the operators named. */
export function scopedSubjects(scope: FlagScope): SQL {
  if (scope.all) return sql`(SELECT id FROM subjects)`;
  return sql`(SELECT unnest(${intArray(scope.subjectIds)}) UNION SELECT id FROM subjects WHERE operator_id = ANY(${intArray(scope.operatorIds)}))`;
}

/** `column IN scope`, or TRUE for the full recompute (so the planner scans instead of probing). */
export function inScope(scope: FlagScope, column: SQL, set: SQL): SQL {
  return scope.all ? sql`TRUE` : sql`${column} IN ${set}`;
}
