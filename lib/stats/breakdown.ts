import { isCampaignSql } from '@/lib/campaigns/sql';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { cases, inspections, operators, statsCases, statsFindings, statsOperatorCases, statsStoreCases, statsVerifyDays, subjects } from '@/db/schema';
import { HOST_PLATFORM_LABELS, STORE_LABELS } from '@/lib/taxonomy/stores';
import { cubeWhere, total } from './cube';
import { statsPeriod, type StatsFilters } from './filters';

import type { PlatformRow, StoreRow, DurationBucket, VerifyDurations, OperatorRow, Breakdown } from './responses';

export type { PlatformRow, StoreRow, DurationBucket, VerifyDurations, OperatorRow, Breakdown };

export const DURATION_BUCKETS: readonly [number, number | null][] = [[0, 7], [8, 14], [15, 30], [31, 60], [61, 90], [91, null]];
export const TOP_OPERATORS = 10;

function storeLabel(code: string): { labelZh: string; labelEn: string } {
  const l = STORE_LABELS[code] ?? HOST_PLATFORM_LABELS[code];
  return l ? { labelZh: l.zh, labelEn: l.en } : { labelZh: code, labelEn: code };
}

/** Nearest-rank percentile over a days histogram (as percentile_disc). */
export function percentileOf(histogram: { days: number; cases: number }[], q: number): number | null {
  const sorted = [...histogram].filter((h) => h.cases > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((a, h) => a + h.cases, 0);
  if (!n) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const h of sorted) {
    seen += h.cases;
    if (seen >= rank) return h.days;
  }
  return sorted[sorted.length - 1]!.days;
}

async function getVerifyDurations(db: Queryable, f: StatsFilters): Promise<VerifyDurations> {
  const histogram = await db
    .select({ days: statsVerifyDays.days, cases: total(statsVerifyDays.cases) })
    .from(statsVerifyDays)
    .where(cubeWhere(statsVerifyDays, f))
    .groupBy(statsVerifyDays.days);
  const buckets = DURATION_BUCKETS.map(([from, to]) => ({
    from,
    to,
    cases: histogram.filter((h) => h.days >= from && (to === null || h.days <= to)).reduce((a, h) => a + h.cases, 0),
  }));
  return {
    cases: histogram.reduce((a, h) => a + h.cases, 0),
    median: percentileOf(histogram, 0.5),
    p90: percentileOf(histogram, 0.9),
    buckets,
  };
}

/**
 * Operators with the most cases. Without a period from the per-operator rollup; with one, from the
 * base tables (the per-operator rollup has no month: see the ADR), driven by the inspection-date index.
 */
async function getTopOperators(db: Queryable, f: StatsFilters): Promise<{ operatorId: number; cases: number; openCases: number }[]> {
  const p = statsPeriod(f);
  if (!p.from && !p.to) {
    return db
      .select({ operatorId: statsOperatorCases.operatorId, cases: total(statsOperatorCases.cases), openCases: total(statsOperatorCases.openCases) })
      .from(statsOperatorCases)
      .where(and(cubeWhere(statsOperatorCases, f), sql`${statsOperatorCases.operatorId} <> 0`))
      .groupBy(statsOperatorCases.operatorId)
      .having(sql`sum(${statsOperatorCases.cases}) > 0`)
      .orderBy(desc(sql`sum(${statsOperatorCases.cases})`), asc(statsOperatorCases.operatorId))
      .limit(TOP_OPERATORS);
  }
  const rows = await db
    .select({ operatorId: subjects.operatorId, cases: count(), openCases: sql<number>`count(*) FILTER (WHERE ${cases.closedAt} IS NULL)`.mapWith(Number) })
    .from(cases)
    .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
    .innerJoin(subjects, eq(subjects.id, inspections.subjectId))
    .where(
      and(
        isNotNull(subjects.operatorId),
        f.campaign !== undefined ? isCampaignSql(inspections.campaignId, f.campaign) : undefined,
        f.sector ? eq(subjects.sector, f.sector) : undefined,
        f.kind ? eq(subjects.kind, f.kind) : undefined,
        f.platform ? eq(subjects.platform, f.platform) : undefined,
        p.from ? gte(inspections.inspectedOn, p.from) : undefined,
        p.to ? lte(inspections.inspectedOn, p.to) : undefined,
      ),
    )
    .groupBy(subjects.operatorId)
    .orderBy(desc(count()), asc(subjects.operatorId))
    .limit(TOP_OPERATORS);
  return rows.map((r) => ({ ...r, operatorId: r.operatorId! }));
}

export async function getBreakdown(db: Queryable, f: StatsFilters = {}): Promise<Breakdown> {
  const findingRows = await db
    .select({ platform: statsFindings.platform, n: total(statsFindings.findings) })
    .from(statsFindings)
    .where(cubeWhere(statsFindings, f))
    .groupBy(statsFindings.platform);
  const caseRows = await db
    .select({ platform: statsCases.platform, n: total(statsCases.cases) })
    .from(statsCases)
    .where(cubeWhere(statsCases, f))
    .groupBy(statsCases.platform);
  const platforms = new Map<string, PlatformRow>();
  for (const r of findingRows) if (r.n) platforms.set(r.platform, { platform: r.platform, findings: r.n, cases: 0 });
  for (const r of caseRows) {
    if (!r.n) continue;
    const row = platforms.get(r.platform) ?? { platform: r.platform, findings: 0, cases: 0 };
    row.cases = r.n;
    platforms.set(r.platform, row);
  }

  const storeRows = await db
    .select({ store: statsStoreCases.store, cases: total(statsStoreCases.cases) })
    .from(statsStoreCases)
    .where(cubeWhere(statsStoreCases, f))
    .groupBy(statsStoreCases.store);

  const top = await getTopOperators(db, f);
  const names = top.length
    ? new Map((await db.select({ id: operators.id, name: operators.name }).from(operators).where(inArray(operators.id, top.map((t) => t.operatorId)))).map((o) => [o.id, o.name]))
    : new Map<number, string>();

  return {
    period: statsPeriod(f),
    platforms: [...platforms.values()].sort((a, b) => b.cases - a.cases || b.findings - a.findings || a.platform.localeCompare(b.platform)),
    stores: storeRows
      .filter((r) => r.cases > 0)
      .map((r) => ({ store: r.store, ...storeLabel(r.store), cases: r.cases }))
      .sort((a, b) => b.cases - a.cases || a.store.localeCompare(b.store)),
    verifyDays: await getVerifyDurations(db, f),
    topOperators: top.map((t) => ({ ...t, name: names.get(t.operatorId) ?? `#${t.operatorId}` })),
  };
}
