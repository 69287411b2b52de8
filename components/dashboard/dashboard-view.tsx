'use client';

import type { Breakdown } from '@/lib/stats/breakdown';
import type { StatsFilters } from '@/lib/stats/filters';
import type { ByCategory, BySector, Trend } from '@/lib/stats/series';
import type { Summary } from '@/lib/stats/summary';
import { Card } from '@/components/ui/card';
import { OperatorSection, OverdueSection, PlatformSection, StoreSection, VerifySection } from './breakdown-sections';
import { useDashboardLocale } from './chart-card';
import { CategorySection, FunnelSection, SectorSection, TrendSections } from './sections';
import { StateTable, SummaryTiles } from './summary-tiles';
import { filterQuery, useStat, useStatsFilters } from './use-stats';

export interface DashboardData {
  summary: Summary;
  bySector: BySector;
  byCategory: ByCategory;
  trend: Trend;
  breakdown: Breakdown;
}

/**
 * The dashboard body. The server rendered it with `initial` for the filters in the URL; when the
 * filters change (nuqs), every figure is fetched again from the stats API through TanStack Query.
 */
export function DashboardView({ initial, initialFilters }: { initial: DashboardData; initialFilters: StatsFilters }) {
  const { t, period } = useDashboardLocale();
  const [urlFilters] = useStatsFilters();
  const query = filterQuery(urlFilters);
  const first = filterQuery(initialFilters);
  const summary = useStat('summary', query, { query: first, data: initial.summary });
  const bySector = useStat('by-sector', query, { query: first, data: initial.bySector });
  const byCategory = useStat('by-category', query, { query: first, data: initial.byCategory });
  const trend = useStat('trend', query, { query: first, data: initial.trend });
  const breakdown = useStat('breakdown', query, { query: first, data: initial.breakdown });

  // Links and drill-downs use the filters the figures were computed for.
  const filters: StatsFilters = query === first ? initialFilters : (Object.fromEntries(new URLSearchParams(query)) as unknown as StatsFilters);
  const all = [summary, bySector, byCategory, trend, breakdown];
  const fetching = all.some((q) => q.isFetching);
  const failed = all.some((q) => q.isError);
  const d = {
    summary: summary.data ?? initial.summary,
    bySector: bySector.data ?? initial.bySector,
    byCategory: byCategory.data ?? initial.byCategory,
    trend: trend.data ?? initial.trend,
    breakdown: breakdown.data ?? initial.breakdown,
  };

  return (
    <div className="space-y-4" aria-busy={fetching}>
      <div className="no-print flex min-h-5 flex-wrap items-center justify-between gap-3">
        <p role="status" className="min-h-4 text-xs text-muted">
          {failed ? <span className="text-accent">{t('loadFailed')}</span> : fetching ? t('loading') : ''}
        </p>
        <a href={`/api/v1/stats/tables?format=xlsx${query ? `&${query}` : ''}`} download className="text-xs text-brand-600 underline-offset-2 hover:underline" data-testid="dashboard-xlsx">{t('downloadXlsx')}</a>
      </div>
      <SummaryTiles summary={d.summary} filters={filters} />
      <FunnelSection summary={d.summary} filters={filters} period={d.bySector.period} />
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title={t('casesByState')} className="chart-card break-inside-avoid" action={<span className="text-xs text-muted">{period(d.bySector.period)}</span>}>
          <StateTable summary={d.summary} filters={filters} />
        </Card>
        <VerifySection data={d.breakdown} />
      </div>
      <SectorSection data={d.bySector} filters={filters} />
      <div className="grid gap-4 xl:grid-cols-2">
        <CategorySection data={d.byCategory} filters={filters} />
        <OverdueSection data={d.bySector} filters={filters} />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <TrendSections data={d.trend} filters={filters} />
      </div>
      <div className="grid gap-4 xl:grid-cols-3">
        <PlatformSection data={d.breakdown} filters={filters} />
        <StoreSection data={d.breakdown} filters={filters} />
        <OperatorSection data={d.breakdown} filters={filters} />
      </div>
      <p className="text-xs text-muted">{t('printedNote')}</p>
    </div>
  );
}
