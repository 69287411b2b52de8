'use client';

import { ColumnChart, HorizontalBarChart, StackedBarChart, type MultiDatum } from '@/components/charts/bar-chart';
import { colorAt, SERIES_MAIN, SERIES_OTHER, SERIES_SECOND } from '@/components/charts/palette';
import { drill } from '@/lib/stats/drill';
import type { StatsPeriod } from '@/lib/stats/links';
import type { StatsFilters } from '@/lib/stats/filters';
import type { ByCategory, BySector, Trend } from '@/lib/stats/series';
import type { Summary } from '@/lib/stats/summary';
import { ChartCard, useDashboardLocale } from './chart-card';

/** How many categories get their own colour in the stack (Okabe–Ito has eight; the eighth is "other"). */
const STACKED = 7;
const OTHER = '__other';

export function FunnelSection({ summary, filters, period }: { summary: Summary; filters: StatsFilters; period: StatsPeriod }) {
  const { t, period: fmtPeriod } = useDashboardLocale();
  const opened = Object.values(summary.cases.current).reduce((a, n) => a + n, 0);
  const steps = [
    { key: 'opened', value: opened, href: drill.all(filters) },
    { key: 'ordered', value: summary.cases.funnel.ordered, href: drill.reached(filters, 'ordered') },
    { key: 'notified', value: summary.cases.funnel.notified, href: drill.reached(filters, 'notified') },
    { key: 'removed', value: summary.cases.funnel.removed, href: drill.reached(filters, 'removed') },
  ] as const;
  const data = steps.map((s) => ({ key: s.key, label: t(`funnel.${s.key}`), value: s.value, href: s.href }));
  return (
    <ChartCard
      id="funnel"
      title={t('funnel.title')}
      period={fmtPeriod(period)}
      note={t('funnel.note')}
      columns={[t('state'), t('cases'), t('share')]}
      rows={data.map((d) => ({ key: d.key, label: d.label, href: d.href, values: [d.value, opened ? `${((d.value / opened) * 100).toFixed(1)}%` : '—'] }))}
    >
      <HorizontalBarChart data={data} valueLabel={t('cases')} color={SERIES_MAIN} />
    </ChartCard>
  );
}

export function SectorSection({ data, filters }: { data: BySector; filters: StatsFilters }) {
  const { t, label, period } = useDashboardLocale();
  const totals = new Map<string, number>();
  for (const s of data.sectors) for (const [c, n] of Object.entries(s.byCategory)) totals.set(c, (totals.get(c) ?? 0) + n);
  const ranked = [...data.categories].sort((a, b) => (totals.get(b.code) ?? 0) - (totals.get(a.code) ?? 0));
  const own = ranked.slice(0, STACKED);
  const grouped = ranked.length > STACKED;
  const series = [
    ...own.map((c, i) => ({ key: c.code, label: label(c), color: colorAt(i) })),
    ...(grouped ? [{ key: OTHER, label: t('otherCategories'), color: SERIES_OTHER }] : []),
  ];
  const rows: MultiDatum[] = data.sectors
    .filter((s) => s.findings > 0)
    .map((s) => {
      const values: Record<string, number> = {};
      const hrefs: Record<string, string> = {};
      for (const c of own) {
        values[c.code] = s.byCategory[c.code] ?? 0;
        hrefs[c.code] = drill.sectorCategory(filters, s.code, c.code);
      }
      if (grouped) {
        values[OTHER] = ranked.slice(STACKED).reduce((a, c) => a + (s.byCategory[c.code] ?? 0), 0);
        hrefs[OTHER] = drill.sector(filters, s.code);
      }
      return { key: s.code, label: label(s), values, hrefs, href: drill.sector(filters, s.code) };
    });
  return (
    <ChartCard
      id="findings-by-sector"
      title={t('bySector.title')}
      period={period(data.period)}
      note={grouped ? t('bySector.note') : undefined}
      columns={[t('sector'), t('findings'), ...ranked.map((c) => label(c))]}
      rows={data.sectors
        .filter((s) => s.findings > 0)
        .map((s) => ({ key: s.code, label: label(s), href: drill.sector(filters, s.code), values: [s.findings, ...ranked.map((c) => s.byCategory[c.code] ?? 0)] }))}
    >
      <StackedBarChart data={rows} series={series} />
    </ChartCard>
  );
}

export function CategorySection({ data, filters }: { data: ByCategory; filters: StatsFilters }) {
  const { t, label, period, pct } = useDashboardLocale();
  // In percent, so the axis ticks are whole percentages.
  const bars = data.categories.map((c) => ({ key: c.code, label: label(c), value: Math.round(c.share * 1000) / 10, href: drill.category(filters, c.code) }));
  return (
    <ChartCard
      id="category-shares"
      title={t('categoryShares.title')}
      period={period(data.period)}
      columns={[t('category'), t('findings'), t('share')]}
      rows={data.categories.map((c) => ({ key: c.code, label: label(c), href: drill.category(filters, c.code), values: [c.findings, pct(c.share)] }))}
    >
      <HorizontalBarChart data={bars} valueLabel={t('share')} color={SERIES_MAIN} format={(v) => pct(v / 100)} />
    </ChartCard>
  );
}

export function TrendSections({ data, filters }: { data: Trend; filters: StatsFilters }) {
  const { t, period } = useDashboardLocale();
  // Findings link to the cases of the month's inspections; opened/closed count events, which no list filter selects.
  const hrefOf = (month: string) => drill.month(filters, month);
  const findings: MultiDatum[] = data.months.map((m) => ({ key: m.month, label: m.month, values: { findings: m.findings }, href: hrefOf(m.month) }));
  const flow: MultiDatum[] = data.months.map((m) => ({ key: m.month, label: m.month, values: { opened: m.opened, closed: m.closed } }));
  return (
    <>
      <ChartCard
        id="trend-findings"
        title={t('trendFindings.title')}
        period={period(data.period)}
        columns={[t('month'), t('findings')]}
        rows={data.months.map((m) => ({ key: m.month, label: m.month, href: hrefOf(m.month), values: [m.findings] }))}
      >
        <ColumnChart data={findings} series={[{ key: 'findings', label: t('findings'), color: SERIES_MAIN }]} />
      </ChartCard>
      <ChartCard
        id="trend-cases"
        title={t('trendCases.title')}
        period={period(data.period)}
        columns={[t('month'), t('trendCases.opened'), t('trendCases.closed')]}
        rows={data.months.map((m) => ({ key: m.month, label: m.month, values: [m.opened, m.closed] }))}
      >
        <ColumnChart
          data={flow}
          series={[
            { key: 'opened', label: t('trendCases.opened'), color: SERIES_MAIN },
            { key: 'closed', label: t('trendCases.closed'), color: SERIES_SECOND },
          ]}
        />
      </ChartCard>
    </>
  );
}
