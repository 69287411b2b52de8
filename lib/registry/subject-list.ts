import { isCampaignSql } from '@/lib/campaigns/sql';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { isOverdueSql } from '@/lib/cases/overdue';
import { decodeCursor, pageOf, type CursorKey } from '@/lib/http/cursor';
import { countUpTo, type Total } from '@/lib/http/total';
import { subjectFlaggedFilterSql } from '@/lib/offenders/active';
import { operatorMarkedSql, subjectMarkedFilterSql, subjectMarkedSql } from '@/lib/offenders/marks';
import type { SubjectListQuery } from './list-schemas';
import { subjectMatchSql } from '@/lib/search/match';
import { isCalendarDate, officeDateSql } from '@/lib/time';
import type { SubjectListRow } from './responses';

export type { SubjectListRow };

const NEVER = '0001-01-01';

function orderAndKeyset(query: SubjectListQuery, after: CursorKey | null): { order: SQL; keyset: SQL | null } {
  switch (query.sort) {
    case 'name':
      return {
        order: sql`subjects.name ASC, subjects.id ASC`,
        keyset: after ? sql`(subjects.name, subjects.id) > (${String(after[0])}, ${after[1]})` : null,
      };
    case 'inspected':
      return {
        order: sql`COALESCE(li.last_on, ${NEVER}::date) DESC, subjects.id DESC`,
        keyset: after ? sql`(COALESCE(li.last_on, ${NEVER}::date), subjects.id) < (${String(after[0] ?? NEVER)}::date, ${after[1]})` : null,
      };
    default:
      return { order: sql`subjects.id DESC`, keyset: after ? sql`subjects.id < ${after[1]}` : null };
  }
}

function cursorKey(query: SubjectListQuery, row: SubjectListRow): CursorKey {
  if (query.sort === 'name') return [row.name, row.id];
  if (query.sort === 'inspected') return [row.lastInspectedOn ?? NEVER, row.id];
  return [null, row.id];
}

/**
 * The subject list: filters, sort and keyset pagination (DESIGN §8: 1 million subjects). The
 * latest case and the latest inspection come from per-row index lookups (LATERAL), so a page costs
 * the same at page 1 and page 1,000.
 */
export async function listSubjects(db: Queryable, query: SubjectListQuery): Promise<{ items: SubjectListRow[]; nextCursor: string | null } & Partial<Total>> {
  const [rows, total] = await Promise.all([
    queryRows<SubjectListRow>(db, subjectListSql(query)),
    query.total ? countUpTo(db, subjectCountFrom(query)) : undefined,
  ]);
  return { ...pageOf(rows, query.limit, (r) => cursorKey(query, r)), ...total };
}

/** The latest case of each subject (the `state` filter and the list's columns read it). */
const LATEST_CASE = sql`LEFT JOIN LATERAL (
        SELECT cases.id, cases.state, cases.deadline::text AS deadline, ${isOverdueSql} AS overdue FROM cases
        WHERE cases.subject_id = subjects.id ORDER BY cases.opened_at DESC, cases.id DESC LIMIT 1
      ) lc ON true`;

/** `FROM … WHERE …` of the list's filters (no cursor), for its total. */
function subjectCountFrom(query: SubjectListQuery): SQL {
  const where = subjectListWhere(query);
  return sql`FROM subjects ${query.state ? LATEST_CASE : sql``} ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}`;
}

/** The list's filters (no cursor). */
function subjectListWhere(query: SubjectListQuery): SQL[] {
  const where: SQL[] = [];
  if (query.kind) where.push(sql`subjects.kind = ${query.kind}`);
  if (query.platform) where.push(sql`subjects.platform = ${query.platform}`);
  if (query.sector) where.push(sql`subjects.sector = ${query.sector}`);
  if (query.operator) where.push(sql`subjects.operator_id = ${query.operator}`);
  if (query.state) where.push(sql`lc.state = ${query.state}`);
  if (query.overdue) where.push(sql`EXISTS (SELECT 1 FROM cases WHERE cases.subject_id = subjects.id AND ${isOverdueSql})`);
  if (query.q) where.push(subjectMatchSql(query.q));
  if (query.campaign !== undefined || query.from || query.to) {
    const parts = [sql`i.subject_id = subjects.id`];
    if (query.campaign !== undefined) parts.push(isCampaignSql(sql`i.campaign_id`, query.campaign));
    if (query.from) parts.push(sql`i.inspected_on >= ${query.from}`);
    if (query.to) parts.push(sql`i.inspected_on <= ${query.to}`);
    where.push(sql`EXISTS (SELECT 1 FROM inspections i WHERE ${sql.join(parts, sql` AND `)})`);
  }
  if (query.flagged === 'confirmed') where.push(subjectMarkedFilterSql(sql`subjects.id`));
  if (query.flagged === 'active') where.push(subjectFlaggedFilterSql(sql`subjects.id`, query));
  return where;
}

/** The list's SQL (limit + 1 rows). `offset` exists only for the benchmark's baseline. */
export function subjectListSql(query: SubjectListQuery, options: { offset?: number } = {}): SQL {
  // By last inspection the key reaches Postgres as a date: an edited ["x", 1] was 'x'::date, a 500 on the page.
  const after = decodeCursor(query.cursor, query.sort === 'inspected' ? isCalendarDate : undefined);
  const where = subjectListWhere(query);
  const { order, keyset } = orderAndKeyset(query, after);
  if (keyset) where.push(keyset);

  return sql`SELECT subjects.id, subjects.name, subjects.kind, subjects.platform, subjects.sector,
        subjects.operator_id AS "operatorId", operators.name AS "operatorName", ${officeDateSql(sql`subjects.created_at`)}::text AS "createdAt",
        lc.id AS "latestCaseId", lc.state AS "latestState", lc.deadline AS "latestDeadline", COALESCE(lc.overdue, false) AS overdue,
        li.last_on::text AS "lastInspectedOn",
        ${subjectMarkedSql(sql`subjects.id`, sql`subjects.operator_id`)} AS "repeatOffender",
        (subjects.operator_id IS NOT NULL AND ${operatorMarkedSql(sql`subjects.operator_id`)}) AS "operatorRepeatOffender"
      FROM subjects
      LEFT JOIN operators ON operators.id = subjects.operator_id
      ${LATEST_CASE}
      LEFT JOIN LATERAL (SELECT max(inspected_on) AS last_on FROM inspections WHERE inspections.subject_id = subjects.id) li ON true
      ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
      ORDER BY ${order}
      LIMIT ${query.limit + 1}${options.offset ? sql` OFFSET ${options.offset}` : sql``}`;
}
