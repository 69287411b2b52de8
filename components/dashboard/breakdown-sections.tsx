'use client';

import { useTranslations } from 'next-intl';
import { ColumnChart, HorizontalBarChart } from '@/components/charts/bar-chart';
import { SERIES_MAIN, SERIES_WARN } from '@/components/charts/palette';
import type { Breakdown } from '@/lib/stats/breakdown';
import type { StatsFilters } from '@/lib/stats/filters';
import { drill } from '@/lib/stats/drill';
import type { BySector } from '@/lib/stats/series';
import type { CaseFilters } from '@/lib/cases/filters';

type Platform = NonNullable<CaseFilters['platform']>;
import { ChartCard, useDashboardLocale } from './chart-card';

export function PlatformSection({ data, filters }: { data: Breakdown; filters: StatsFilters }) {
  const { t, period } = useDashboardLocale();
  const tp = useTranslations('platform');
  const rows = data.platforms.filter((p) => p.cases > 0);
  const name = (p: string) => tp(p as 'android');
  return (
    <ChartCard
      id="cases-by-platform"
      title={t('byPlatform.title')}
      period={period(data.period)}
      columns={[t('platform'), t('cases'), t('findings')]}
      rows={rows.map((p) => ({ key: p.platform, label: name(p.platform), href: drill.platform(filters, p.platform as Platform), values: [p.cases, p.findings] }))}
    >
      <HorizontalBarChart
        data={rows.map((p) => ({ key: p.platform, label: name(p.platform), value: p.cases, href: drill.platform(filters, p.platform as Platform) }))}
        valueLabel={t('cases')}
        color={SERIES_MAIN}
      />
    </ChartCard>
  );
}

export function StoreSection({ data, filters }: { data: Breakdown; filters: StatsFilters }) {
  const { t, label, period } = useDashboardLocale();
  return (
    <ChartCard
      id="cases-by-store"
      title={t('byStore.title')}
      period={period(data.period)}
      note={t('byStore.note')}
      columns={[t('store'), t('cases')]}
      rows={data.stores.map((s) => ({ key: s.store, label: label(s), href: drill.store(filters, s.store), values: [s.cases] }))}
    >
      <HorizontalBarChart
        data={data.stores.map((s) => ({ key: s.store, label: label(s), value: s.cases, href: drill.store(filters, s.store) }))}
        valueLabel={t('cases')}
        color={SERIES_MAIN}
      />
    </ChartCard>
  );
}

export function VerifySection({ data }: { data: Breakdown }) {
  const { t, num, period } = useDashboardLocale();
  const v = data.verifyDays;
  // Buckets count verifications by duration, which no case-list filter selects: they do not link.
  const bucketLabel = (b: { from: number; to: number | null }) => (b.to === null ? t('verify.bucketOpen', { from: b.from }) : t('verify.bucket', { from: b.from, to: b.to }));
  const summary = v.cases ? t('verify.summary', { count: num(v.cases), median: v.median ?? '—', p90: v.p90 ?? '—' }) : t('verify.none');
  return (
    <ChartCard
      id="time-to-verification"
      title={t('verify.title')}
      period={period(data.period)}
      note={<strong className="font-semibold text-ink" data-testid="verify-summary">{summary}</strong>}
      columns={[t('days'), t('cases')]}
      rows={v.cases ? v.buckets.map((b) => ({ key: String(b.from), label: bucketLabel(b), values: [b.cases] })) : []}
    >
      <ColumnChart
        height={210}
        everyLabel
        data={v.buckets.map((b) => ({ key: String(b.from), label: b.to === null ? `${b.from}+` : `${b.from}–${b.to}`, values: { cases: b.cases } }))}
        series={[{ key: 'cases', label: t('cases'), color: SERIES_MAIN }]}
      />
    </ChartCard>
  );
}

export function OverdueSection({ data, filters }: { data: BySector; filters: StatsFilters }) {
  const { t, label, period } = useDashboardLocale();
  const rows = data.sectors.filter((s) => s.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  return (
    <ChartCard
      id="overdue-by-sector"
      title={t('overdueBySector.title')}
      period={period(data.period)}
      columns={[t('sector'), t('overdue'), t('cases')]}
      rows={rows.map((s) => ({ key: s.code, label: label(s), href: drill.sectorOverdue(filters, s.code), values: [s.overdue, s.cases] }))}
    >
      <HorizontalBarChart
        data={rows.map((s) => ({ key: s.code, label: label(s), value: s.overdue, href: drill.sectorOverdue(filters, s.code) }))}
        valueLabel={t('overdue')}
        color={SERIES_WARN}
      />
    </ChartCard>
  );
}

export function OperatorSection({ data, filters }: { data: Breakdown; filters: StatsFilters }) {
  const { t, period } = useDashboardLocale();
  const rows = data.topOperators;
  return (
    <ChartCard
      id="top-operators"
      title={t('topOperators.title')}
      period={period(data.period)}
      columns={[t('operator'), t('cases'), t('openCases')]}
      rows={rows.map((o) => ({ key: String(o.operatorId), label: o.name, href: drill.operator(filters, o.operatorId), values: [o.cases, o.openCases] }))}
    >
      <HorizontalBarChart
        data={rows.map((o) => ({ key: String(o.operatorId), label: o.name, value: o.cases, href: drill.operator(filters, o.operatorId) }))}
        valueLabel={t('cases')}
        color={SERIES_MAIN}
      />
    </ChartCard>
  );
}
