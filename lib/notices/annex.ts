/**
 * The annex columns of cases as they are now (the composer's candidates and preview, and the
 * snapshot taken at publication). Public columns only, plus what the composer filters and checks on.
 */
import { operatorRegionFilterSql, regionPathSql } from '@/lib/regions/sql';
import { isCampaignSql } from '@/lib/campaigns/sql';
import type { CampaignRef } from '@/lib/campaigns/ref';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { cases, inspections, operators, storeListings, subjectIdentifiers, subjects, violationCategories } from '@/db/schema';
import type { CaseState } from '@/lib/cases/ladder';
import { isOverdueSql } from '@/lib/cases/overdue';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { isCalendarDate } from '@/lib/time';
import type { AnnexCaseRow } from './annex-group';
import { LIST_SEPARATOR_ZH, sourceLabel } from './labels';

export interface LiveCaseRow extends AnnexCaseRow {
  revision: number;
  state: CaseState;
  deadline: string | null;
  overdue: boolean;
  sector: string;
  campaignId: number | null;
  /** The source column in English (`source` is the Chinese one the notice publishes). */
  sourceEn: string | null;
}

export async function liveCaseRows(q: Queryable, where: SQL | undefined, limit: number): Promise<LiveCaseRow[]> {
  const rows = await q
    .select({
      caseId: cases.id,
      revision: cases.revision,
      state: cases.state,
      deadline: cases.deadline,
      overdue: isOverdueSql,
      version: cases.foundVersion,
      subjectId: subjects.id,
      appName: subjects.name,
      kind: subjects.kind,
      platform: subjects.platform,
      sector: subjects.sector,
      campaignId: inspections.campaignId,
      operatorName: operators.name,
      region: sql<string | null>`coalesce(${regionPathSql(operators.regionCode, '')}, ${operators.regionUnmatched})`,
      stores: sql<string[]>`coalesce((select array_agg(${storeListings.store} order by ${storeListings.id}) from ${storeListings} where ${storeListings.subjectId} = ${subjects.id}), '{}')`,
      filingNumber: sql<string | null>`(select ${subjectIdentifiers.value} from ${subjectIdentifiers} where ${subjectIdentifiers.subjectId} = ${subjects.id} and ${subjectIdentifiers.type} = 'filing_number' order by ${subjectIdentifiers.id} limit 1)`,
      categories: sql<string[]>`coalesce((select array_agg(distinct f.category) from findings f where f.inspection_id = ${cases.inspectionId}), '{}')`,
    })
    .from(cases)
    .innerJoin(subjects, eq(subjects.id, cases.subjectId))
    .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
    .leftJoin(operators, eq(operators.id, subjects.operatorId))
    .where(where)
    .orderBy(asc(cases.deadline), asc(cases.id))
    .limit(limit);
  const order = await categoryOrder(q);
  return rows.map(({ kind, platform, stores, categories, ...r }) => ({
    ...r,
    source: sourceLabel(kind, platform, stores, 'zh'),
    sourceEn: sourceLabel(kind, platform, stores, 'en'),
    categories: [...categories].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b)),
  }));
}

/** The annex rows of named cases, in the order given. */
export async function liveRowsFor(q: Queryable, caseIds: readonly number[]): Promise<LiveCaseRow[]> {
  if (!caseIds.length) return [];
  const rows = await liveCaseRows(q, inArray(cases.id, [...caseIds]), caseIds.length);
  const byId = new Map(rows.map((r) => [r.caseId, r]));
  return caseIds.map((id) => byId.get(id)).filter((r): r is LiveCaseRow => !!r);
}

export interface CandidateFilters {
  kind: 'rectification' | 'removal';
  sector?: string;
  campaign?: CampaignRef;
  region?: string;
  q?: string;
}

/** Rectification: ordered cases past their deadline. Removal: notified cases past the notice's deadline. */
export function candidateWhere(f: CandidateFilters): SQL {
  const conditions: SQL[] = [eq(cases.state, f.kind === 'rectification' ? 'ordered' : 'notified'), isOverdueSql];
  if (f.sector) conditions.push(eq(subjects.sector, f.sector));
  if (f.campaign) conditions.push(isCampaignSql(inspections.campaignId, f.campaign));
  if (f.region) conditions.push(operatorRegionFilterSql(operators.regionCode, f.region));
  if (f.q) conditions.push(or(ilike(subjects.name, `%${f.q}%`), ilike(operators.name, `%${f.q}%`))!);
  return and(...conditions)!;
}

/**
 * One page of the candidates, earliest deadline first (keyset on deadline, id), with the total that
 * match: `{ items, total, nextCursor }` like every list.
 */
export async function listCandidates(q: Queryable, f: CandidateFilters, page: { cursor?: string; limit: number }): Promise<{ items: LiveCaseRow[]; total: number; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor, isCalendarDate);
  const where = candidateWhere(f);
  const keyset = after ? sql`(${cases.deadline}, ${cases.id}) > (${String(after[0])}::date, ${after[1]})` : undefined;
  const [rows, [counted]] = await Promise.all([
    liveCaseRows(q, and(where, keyset), page.limit + 1),
    q.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(cases).innerJoin(subjects, eq(subjects.id, cases.subjectId)).innerJoin(inspections, eq(inspections.id, cases.inspectionId)).leftJoin(operators, eq(operators.id, subjects.operatorId)).where(where),
  ]);
  // Candidates are overdue, so every one has a deadline: the keyset never meets a null.
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => [r.deadline, r.caseId]);
  return { items, total: counted?.n ?? 0, nextCursor };
}

/** Whether a case may be listed in a notice of this kind right now. */
export function isEligible(kind: CandidateFilters['kind'], row: Pick<LiveCaseRow, 'state' | 'overdue'>): boolean {
  return row.overdue && row.state === (kind === 'rectification' ? 'ordered' : 'notified');
}

async function categoryOrder(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.select({ code: violationCategories.code, sortOrder: violationCategories.sortOrder }).from(violationCategories);
  return new Map(rows.map((r) => [r.code, r.sortOrder]));
}

/** "违规收集个人信息、超范围收集个人信息": the problems cell as the office publishes it. */
export async function problemsZh(q: Queryable, categories: readonly string[]): Promise<string> {
  if (!categories.length) return '';
  const rows = await q.select({ code: violationCategories.code, labelZh: violationCategories.labelZh }).from(violationCategories).where(inArray(violationCategories.code, [...categories]));
  const label = new Map(rows.map((r) => [r.code, r.labelZh]));
  return categories.map((c) => label.get(c) ?? c).join(LIST_SEPARATOR_ZH);
}


