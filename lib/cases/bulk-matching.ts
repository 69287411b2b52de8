import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { cases, inspections, subjects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { invalid } from '@/lib/http/errors';
import type { CaseState } from './ladder';
import { caseListConditions } from './list';
import { caseListSchema, resolveAssignee, type CaseListFilters } from './filters';
import { MAX_BULK_CASES } from './schemas';

/**
 * "Select all N matching" on the case list (DESIGN §6): the bulk action names the list's filters, not
 * the ids of one page, and the server takes every matching case, up to MAX_BULK_CASES, in the same
 * transaction as the transitions.
 */

/**
 * How many cases match (up to `cap + 1`, enough to tell "more than the limit") and in which states.
 * The case list counts this on every page it shows more than one page of. Subjects and inspections
 * are LEFT joined on their primary keys: every case has both (not null, foreign keys), so the count
 * is the same as an inner join, and Postgres removes a left join to a unique key that nothing reads —
 * unfiltered, the count reads cases alone (the inner joins scanned all three tables: 16 ms of Postgres
 * at 25,000 cases, issue #18).
 */
export async function matchingStatesUpTo(db: Queryable, filters: CaseListFilters, cap = MAX_BULK_CASES): Promise<{ count: number; states: CaseState[] }> {
  const limited = db
    .select({ state: cases.state })
    .from(cases)
    .leftJoin(subjects, eq(subjects.id, cases.subjectId))
    .leftJoin(inspections, eq(inspections.id, cases.inspectionId))
    .where(caseListConditions(filters))
    .limit(cap + 1)
    .as('matching');
  const rows = await db.select({ state: limited.state, n: sql<number>`count(*)::int` }).from(limited).groupBy(limited.state);
  return { count: rows.reduce((s, r) => s + Number(r.n), 0), states: rows.map((r) => r.state).sort() };
}

/** The ids of every case matching the filters, by id; more than `cap` is a 400 naming the limit. */
export async function matchingCaseIds(db: Queryable, filters: CaseListFilters, cap = MAX_BULK_CASES): Promise<number[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(subjects, eq(subjects.id, cases.subjectId))
    .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
    .where(caseListConditions(filters))
    .orderBy(asc(cases.id))
    .limit(cap + 1);
  if (rows.length > cap) {
    throw invalid(`More than ${cap.toLocaleString('en')} cases match: one bulk action moves at most ${cap.toLocaleString('en')} (one transaction). Narrow the filters.`, {
      ids: `At most ${cap.toLocaleString('en')} cases at once (one transaction); narrow the filters.`,
    }).because('bulk_limit');
  }
  return rows.map((r) => r.id);
}

/** The case list's filters as the list's URL carries them (`state=a&state=b&sector=…`), for the actor. */
export function bulkFiltersFrom(search: string, actor: Actor): CaseListFilters {
  const raw: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search.replace(/^\?/, ''))) {
    if (k === 'cursor' || k === 'limit' || k === 'format' || k === 'sort') continue;
    const seen = raw[k];
    raw[k] = seen === undefined ? v : [...(Array.isArray(seen) ? seen : [seen]), v];
  }
  const parsed = caseListSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))].join(', ');
    throw invalid('The list filters of a bulk action are not valid.', { filter: `Not a filter of the case list (${fields}).` }).because('bulk_filter');
  }
  return resolveAssignee(parsed.data, actor);
}
