import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { requirePagePermission } from '@/lib/auth/page';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { getBreakdown } from '@/lib/stats/breakdown';
import { cachedStat } from '@/lib/stats/cache';
import { statsFiltersSchema, type StatsFilters } from '@/lib/stats/filters';
import { defaultStatsPeriod } from '@/lib/stats/links';
import { getByCategory, getBySector, getTrend } from '@/lib/stats/series';
import { getSummary } from '@/lib/stats/summary';
import { listSectors } from '@/lib/taxonomy/queries';
import { officeToday } from '@/lib/time';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { DashboardFilters, FilterSummary, type FilterOptions } from '@/components/dashboard/filters';
import { PrintButton } from '@/components/notices/print-button';
import { listCampaigns } from '@/lib/offenders/lookups';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Parses the URL with the one stats filter schema; invalid fields are dropped and named. */
function parseFilters(raw: Record<string, string | string[] | undefined>): { filters: StatsFilters; invalid: string[] } {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = statsFiltersSchema.safeParse(flat);
  if (parsed.success) return { filters: parsed.data, invalid: [] };
  const invalid = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean);
  const rest = Object.fromEntries(Object.entries(flat).filter(([k]) => !invalid.includes(k)));
  const retry = statsFiltersSchema.safeParse(rest);
  return { filters: retry.success ? retry.data : {}, invalid };
}

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission('dashboard:view');
  const raw = await searchParams;
  // No period asked for: the last twelve calendar months, written into the URL so that the briefing
  // states it and every link and export carries it. `period=all` asks for everything on record.
  if (!raw.from && !raw.to && raw.period !== 'all') {
    const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
    const p = defaultStatsPeriod(officeToday());
    params.set('from', p.from);
    params.set('to', p.to);
    redirect(`/?${params}`);
  }
  const [t, tf, tk, tp, locale] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('dashboard.filters'),
    getTranslations('subjectKind'),
    getTranslations('platform'),
    getLocale(),
  ]);
  const lang = toLocale(locale);
  const { filters, invalid } = parseFilters(Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'period')));
  const [summary, bySector, byCategory, trend, breakdown, sectors, campaignRows] = await Promise.all([
    cachedStat('summary', getSummary, filters),
    cachedStat('by-sector', getBySector, filters),
    cachedStat('by-category', getByCategory, filters),
    cachedStat('trend', getTrend, filters),
    cachedStat('breakdown', getBreakdown, filters),
    listSectors(),
    listCampaigns(),
  ]);
  const options: FilterOptions = {
    campaigns: campaignRows.map((c) => ({ value: c.code, id: c.id, label: lang === 'zh' ? c.nameZh : c.nameEn })),
    sectors: sectors.map((s) => ({ value: s.code, label: pickLabel(s, lang) })),
    kinds: subjectKindEnum.enumValues.map((k) => ({ value: k, label: tk(k) })),
    platforms: platformEnum.enumValues.map((v) => ({ value: v, label: tp(v) })),
  };

  return (
    <div className="dashboard space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
          <FilterSummary options={options} date={officeToday()} />
        </div>
        <div className="no-print" data-testid="print-briefing"><PrintButton label={t('printBriefing')} /></div>
      </header>
      {invalid.length ? (
        <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">{tf('invalid', { fields: invalid.join(', ') })}</p>
      ) : null}
      <DashboardFilters {...options} />
      <DashboardView initial={{ summary, bySector, byCategory, trend, breakdown }} initialFilters={filters} />
    </div>
  );
}
