import { z } from 'zod';
import type { Queryable } from '@/db/client';
import type { ExportColumn } from '@/lib/exports/columns';
import { translatorFor } from '@/lib/exports/reader';
import type { SheetSpec } from '@/lib/exports/xlsx';
import { LOCALES, pickLabel, type Locale } from '@/lib/i18n/locales';
import { getBreakdown, type DurationBucket, type OperatorRow, type PlatformRow, type StoreRow } from './breakdown';
import { statsFiltersSchema, type StatsFilters } from './filters';
import { getByCategory, getBySector, getTrend, type CategoryShare, type SectorSeries, type TrendPoint } from './series';

/** The dashboard's tables, each a sheet of the XLSX or one CSV (`table=`). */
export const DASHBOARD_TABLES = ['by-sector', 'by-category', 'trend', 'platforms', 'stores', 'verify-days', 'top-operators'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** GET /api/v1/stats/tables: the dashboard's filters, the format, the language; a CSV holds one table. */
export const statsTablesQuerySchema = statsFiltersSchema.and(
  z
    .object({
      format: z.enum(['xlsx', 'csv'], { error: 'format is xlsx or csv.' }),
      table: z.enum(DASHBOARD_TABLES, { error: `table is one of: ${DASHBOARD_TABLES.join(', ')}.` }).optional(),
      lang: z.enum(LOCALES, { error: `lang is one of: ${LOCALES.join(', ')}.` }).optional(),
    })
    .refine((q) => q.format !== 'csv' || q.table !== undefined, { message: 'A CSV holds one table: name it with table.', path: ['table'] }),
);

/** Every dashboard table under the filters, as sheets with headers and values in the reader's language. */
export async function dashboardSheets(db: Queryable, filters: StatsFilters, locale: Locale): Promise<Record<DashboardTable, SheetSpec<unknown>>> {
  const t = translatorFor(locale);
  const d = (key: Parameters<typeof t>[0]) => t(key);
  const [bySector, byCategory, trend, breakdown] = await Promise.all([getBySector(db, filters), getByCategory(db, filters), getTrend(db, filters), getBreakdown(db, filters)]);
  const sheet = <T,>(name: string, columns: ExportColumn<T>[], rows: readonly T[]) => ({ name, columns, rows }) as SheetSpec<unknown>;
  const sectorColumns: ExportColumn<SectorSeries>[] = [
    { header: d('dashboard.sector'), type: 'text', width: 20, value: (s) => pickLabel(s, locale) },
    { header: d('dashboard.findings'), type: 'number', value: (s) => s.findings },
    { header: d('dashboard.cases'), type: 'number', value: (s) => s.cases },
    { header: d('dashboard.overdue'), type: 'number', value: (s) => s.overdue },
    ...bySector.categories.map((c): ExportColumn<SectorSeries> => ({ header: pickLabel(c, locale), type: 'number', width: 16, value: (s) => s.byCategory[c.code] ?? 0 })),
  ];
  const bucket = (b: DurationBucket) => (b.to === null ? t('dashboard.verify.bucketOpen', { from: b.from }) : t('dashboard.verify.bucket', { from: b.from, to: b.to }));
  return {
    'by-sector': sheet(d('dashboard.sector'), sectorColumns, bySector.sectors),
    'by-category': sheet(d('dashboard.category'), [
      { header: d('dashboard.category'), type: 'text', width: 30, value: (c: CategoryShare) => pickLabel(c, locale) },
      { header: d('dashboard.findings'), type: 'number', value: (c: CategoryShare) => c.findings },
      { header: `${d('dashboard.share')} (%)`, type: 'number', value: (c: CategoryShare) => Math.round(c.share * 1000) / 10 },
    ], byCategory.categories),
    trend: sheet(d('dashboard.month'), [
      { header: d('dashboard.month'), type: 'text', width: 10, value: (m: TrendPoint) => m.month },
      { header: d('dashboard.findings'), type: 'number', value: (m: TrendPoint) => m.findings },
      { header: d('dashboard.trendCases.opened'), type: 'number', value: (m: TrendPoint) => m.opened },
      { header: d('dashboard.trendCases.closed'), type: 'number', value: (m: TrendPoint) => m.closed },
    ], trend.months),
    platforms: sheet(d('dashboard.platform'), [
      { header: d('dashboard.platform'), type: 'text', value: (p: PlatformRow) => t(`platform.${p.platform}` as 'platform.android') },
      { header: d('dashboard.findings'), type: 'number', value: (p: PlatformRow) => p.findings },
      { header: d('dashboard.cases'), type: 'number', value: (p: PlatformRow) => p.cases },
    ], breakdown.platforms),
    stores: sheet(d('dashboard.store'), [
      { header: d('dashboard.store'), type: 'text', width: 20, value: (s: StoreRow) => pickLabel(s, locale) },
      { header: d('dashboard.cases'), type: 'number', value: (s: StoreRow) => s.cases },
    ], breakdown.stores),
    'verify-days': sheet(d('dashboard.days'), [
      { header: d('dashboard.days'), type: 'text', width: 24, value: bucket },
      { header: d('dashboard.cases'), type: 'number', value: (b: DurationBucket) => b.cases },
    ], breakdown.verifyDays.buckets),
    'top-operators': sheet(d('dashboard.operator'), [
      { header: d('dashboard.operator'), type: 'text', width: 32, value: (o: OperatorRow) => o.name },
      { header: d('dashboard.cases'), type: 'number', value: (o: OperatorRow) => o.cases },
      { header: d('dashboard.openCases'), type: 'number', value: (o: OperatorRow) => o.openCases },
    ], breakdown.topOperators),
  };
}
