import { isCampaignSql } from '@/lib/campaigns/sql';
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { campaigns, cases, inspections, operators, subjects, users } from '@/db/schema';
import { isCursorId, isCursorText } from '@/lib/http/cursor';
import { invalid } from '@/lib/http/errors';
import { operatorFlaggedFilterSql, subjectFlaggedFilterSql } from '@/lib/offenders/active';
import { operatorMarkedSql, subjectMarkedFilterSql, subjectMarkedSql } from '@/lib/offenders/marks';
import type { CaseListFilters, CaseListQuery, CaseSort } from './filters';
import { caseSearchSql } from '@/lib/search/match';
import { isOverdueSql } from './overdue';
import { isCalendarDate, isTimestamp } from '@/lib/time';
import type { CaseListItem } from './responses';

export type { CaseListItem };

/**
 * Each sort: its key expression and direction. Keyset pages compare (key, id) with the last row's; `valid`
 * is the cursor's key as a page of this sort could have ended on (the key reaches Postgres as `cast`).
 */
const SORTS: Record<CaseSort, { key: SQL; dir: 'asc' | 'desc'; cast: string; valid: (k: string) => boolean }> = {
  opened: { key: sql`${cases.openedAt}`, dir: 'desc', cast: 'timestamptz', valid: isTimestamp },
  deadline: { key: sql`coalesce(${cases.deadline}, date '9999-12-31')`, dir: 'asc', cast: 'date', valid: isCalendarDate },
  subject: { key: sql`${subjects.name}`, dir: 'asc', cast: 'text', valid: isCursorText },
};

export interface CaseListPage {
  items: CaseListItem[];
  nextCursor: string | null;
}

interface Cursor {
  s: CaseSort;
  k: string;
  id: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string, sort: CaseSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && isCursorText(c.k) && SORTS[sort].valid(c.k) && isCursorId(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw invalid('Invalid query parameters.', { cursor: `Not a cursor of this list sorted by ${sort}; start again without it.` });
}

/** The WHERE of a filter set (no cursor). */
export function caseListConditions(f: CaseListFilters): SQL | undefined {
  const where: SQL[] = [];
  if (f.state?.length) where.push(inArray(cases.state, f.state));
  if (f.sector) where.push(eq(subjects.sector, f.sector));
  if (f.kind) where.push(eq(subjects.kind, f.kind));
  if (f.platform) where.push(eq(subjects.platform, f.platform));
  if (f.category) where.push(sql`EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = ${cases.inspectionId} AND f.category = ${f.category})`);
  if (f.campaign !== undefined) where.push(isCampaignSql(inspections.campaignId, f.campaign));
  // The dashboard's period: by inspection date, as its rollups are keyed.
  if (f.from) where.push(gte(inspections.inspectedOn, f.from));
  if (f.to) where.push(lte(inspections.inspectedOn, f.to));
  if (f.store) where.push(sql`EXISTS (SELECT 1 FROM store_listings sl WHERE sl.subject_id = ${cases.subjectId} AND sl.store = ${f.store})`);
  if (f.reached) where.push(isNotNull({ ordered: cases.firstOrderedAt, notified: cases.firstNotifiedAt, removed: cases.firstRemovedAt }[f.reached]));
  if (f.overdue === true) where.push(isOverdueSql);
  if (f.overdue === false) where.push(sql`NOT ${isOverdueSql}`);
  if (f.operator !== undefined) where.push(eq(subjects.operatorId, f.operator));
  if (f.subject !== undefined) where.push(eq(cases.subjectId, f.subject));
  if (f.assignee === 'me') throw new Error('assignee=me must be resolved to the user (resolveAssignee) before listing.');
  if (f.assignee === 'none') where.push(isNull(cases.assigneeId));
  else if (typeof f.assignee === 'number') where.push(eq(cases.assigneeId, f.assignee));
  if (f.flagged === 'confirmed') where.push(subjectMarkedFilterSql(cases.subjectId));
  if (f.flagged === 'active') where.push(or(subjectFlaggedFilterSql(sql`${cases.subjectId}`, f), operatorFlaggedFilterSql(sql`${subjects.operatorId}`, f))!);
  if (f.q) where.push(caseSearchSql(f.q));
  return where.length ? and(...where) : undefined;
}

/**
 * One page of the case list, with the cursor of the next page (null on the last).
 * `offset` exists only for bench/cases-list.ts, to time OFFSET paging as the baseline.
 */
export async function listCases(db: Queryable, query: Omit<CaseListQuery, 'format'>, options: { offset?: number } = {}): Promise<CaseListPage> {
  const sort = SORTS[query.sort];
  const conditions = [caseListConditions(query)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, query.sort);
    const op = sql.raw(sort.dir === 'desc' ? '<' : '>');
    conditions.push(sql`(${sort.key}, ${cases.id}) ${op} (${c.k}::${sql.raw(sort.cast)}, ${c.id})`);
  }
  const dir = sql.raw(sort.dir === 'desc' ? 'DESC' : 'ASC');
  const rows = await db
    .select({
      id: cases.id,
      state: cases.state,
      revision: cases.revision,
      deadline: cases.deadline,
      openedAt: sql<string>`${cases.openedAt}`.mapWith((v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString())),
      foundVersion: cases.foundVersion,
      overdue: sql<boolean>`${isOverdueSql}`.mapWith(Boolean),
      previousCaseId: cases.previousCaseId,
      subjectId: cases.subjectId,
      subjectName: subjects.name,
      subjectKind: subjects.kind,
      platform: subjects.platform,
      sector: subjects.sector,
      operatorId: subjects.operatorId,
      operatorName: operators.name,
      campaignId: inspections.campaignId,
      campaignCode: campaigns.code,
      assigneeId: cases.assigneeId,
      assigneeName: users.name,
      categories: sql<string[]>`array(SELECT DISTINCT f.category FROM findings f WHERE f.inspection_id = ${cases.inspectionId} ORDER BY 1)`,
      repeatOffender: sql<boolean>`${subjectMarkedSql(cases.subjectId, subjects.operatorId)}`.mapWith(Boolean),
      operatorRepeatOffender: sql<boolean>`(${subjects.operatorId} IS NOT NULL AND ${operatorMarkedSql(subjects.operatorId)})`.mapWith(Boolean),
      sortKey: sql<string>`(${sort.key})::text`,
    })
    .from(cases)
    .innerJoin(subjects, eq(subjects.id, cases.subjectId))
    .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
    .leftJoin(operators, eq(operators.id, subjects.operatorId))
    .leftJoin(campaigns, eq(campaigns.id, inspections.campaignId))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...conditions))
    .orderBy(sql`${sort.key} ${dir}`, sql`${cases.id} ${dir}`)
    .limit(query.limit + 1)
    .offset(options.offset ?? 0);

  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(({ sortKey, ...item }) => (void sortKey, item)),
    nextCursor: more && last ? encodeCursor({ s: query.sort, k: last.sortKey, id: last.id }) : null,
  };
}

/** How many cases match the filters, counted up to `cap + 1` (enough to tell "more than cap"). */
export async function countCasesUpTo(db: Queryable, filters: CaseListFilters, cap: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(
      db
        .select({ one: sql`1` })
        .from(cases)
        .innerJoin(subjects, eq(subjects.id, cases.subjectId))
        .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
        .where(caseListConditions(filters))
        .limit(cap + 1)
        .as('matching'),
    );
  return row?.n ?? 0;
}

/** Every case matching the filters, page by page (for the CSV export): constant memory. */
export async function* iterateCases(db: Queryable, filters: CaseListFilters & { sort: CaseSort }): AsyncGenerator<CaseListItem> {
  let cursor: string | undefined;
  do {
    const page = await listCases(db, { ...filters, cursor, limit: 1000 });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
