import { isCampaignSql } from '@/lib/campaigns/sql';
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { statsFindings } from '@/db/schema';
import { statsPeriod, type StatsFilters } from './filters';

/** The dimension columns a rollup has (month is absent from the per-operator rollup). */
export interface CubeDims {
  month?: AnyPgColumn;
  campaignId?: AnyPgColumn;
  sector: AnyPgColumn;
  kind: AnyPgColumn;
  platform: AnyPgColumn;
}

/**
 * The WHERE clause of a rollup read: the dashboard filters on the rollup's dimension columns, the
 * period on its month buckets (whole months, see statsPeriod).
 */
export function cubeWhere(t: CubeDims, f: StatsFilters): SQL | undefined {
  const p = statsPeriod(f);
  const where: (SQL | undefined)[] = [
    f.campaign !== undefined && t.campaignId ? isCampaignSql(t.campaignId, f.campaign) : undefined,
    f.sector ? eq(t.sector, f.sector) : undefined,
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.platform ? eq(t.platform, f.platform) : undefined,
    p.fromMonth && t.month ? gte(t.month, p.fromMonth) : undefined,
    p.toMonth && t.month ? lte(t.month, p.toMonth) : undefined,
  ];
  return and(...where);
}

/** sum() of a bigint rollup column as a JS number (0 when no rows). */
export const total = (column: AnyPgColumn | SQL) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

/** Month bucket as YYYY-MM. */
export const monthKey = (column: AnyPgColumn) => sql<string>`to_char(${column}, 'YYYY-MM')`;

/**
 * The findings under the dashboard filters summed per one or two dimensions of stats_findings
 * (`key`, and `key2` when given): the one read the charts by platform, by sector and by category share.
 */
export async function findingsPer(db: Queryable, f: StatsFilters, by: AnyPgColumn, by2?: AnyPgColumn): Promise<{ key: string; key2: string; n: number }[]> {
  const rows = await db
    .select({ key: sql<string>`${by}`, key2: sql<string>`${by2 ?? sql`''`}`, n: total(statsFindings.findings) })
    .from(statsFindings)
    .where(cubeWhere(statsFindings, f))
    .groupBy(...(by2 ? [by, by2] : [by]));
  return rows;
}
