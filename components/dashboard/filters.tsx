'use client';

import { parseCampaignRef } from '@/lib/campaigns/ref';
import { useTranslations } from 'next-intl';
import { statsPeriod } from '@/lib/stats/links';
import { useDashboardLocale } from './chart-card';
import { useStatsFilters } from './use-stats';

export interface Option {
  value: string;
  label: string;
  /** A campaign's id (its value is its code): a URL naming the campaign by id selects it too. */
  id?: number;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export interface FilterOptions {
  campaigns: Option[];
  sectors: Option[];
  kinds: Option[];
  platforms: Option[];
}

/** The briefing's subtitle: as-of date, the period and the filters applied, following the URL. */
export function FilterSummary({ options, date }: { options: FilterOptions; date: string }) {
  const { t, period } = useDashboardLocale();
  const tf = useTranslations('dashboard.filters');
  const [f] = useStatsFilters();
  const name = (list: Option[], v: string | number | null) => (v === null ? null : (list.find((o) => o.value === String(v) || (typeof v === 'number' && o.id === v))?.label ?? String(v)));
  const applied = [
    ['campaign', name(options.campaigns, f.campaign)],
    ['sector', name(options.sectors, f.sector)],
    ['kind', name(options.kinds, f.kind)],
    ['platform', name(options.platforms, f.platform)],
  ].filter(([, v]) => v) as ['campaign' | 'sector' | 'kind' | 'platform', string][];
  return (
    <p className="mt-1 text-sm text-muted" data-testid="briefing-scope">
      {t('subtitle', { date, period: period(statsPeriod({ from: f.from ?? undefined, to: f.to ?? undefined })) })}
      {applied.length ? ` ${t('applied', { list: applied.map(([k, v]) => `${tf(k)}: ${v}`).join(' · ') })}` : ''}
    </p>
  );
}

/** The option a URL value selects: a campaign named by its id selects the option of its code. */
function selectedValue(options: Option[], v: string | number | null): string {
  if (v === null) return '';
  return (typeof v === 'number' ? options.find((o) => o.id === v)?.value : undefined) ?? String(v);
}

const control = 'mt-1 block w-full rounded border border-line bg-white px-2 py-1.5 text-sm text-ink';

/** The dashboard's filters, kept in the URL; charts follow through TanStack Query. */
export function DashboardFilters({ campaigns, sectors, kinds, platforms }: FilterOptions) {
  const t = useTranslations('dashboard.filters');
  const [f, setF] = useStatsFilters();
  const select = (name: 'campaign' | 'sector' | 'kind' | 'platform', options: Option[]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="text-xs font-medium text-muted">{t(name)}</label>
      <select
        id={`filter-${name}`}
        name={name}
        className={control}
        value={selectedValue(options, f[name])}
        onChange={(e) => {
          const v = e.target.value;
          void setF({ [name]: v === '' ? null : name === 'campaign' ? parseCampaignRef(v) : v });
        }}
      >
        <option value="">{t('any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
  /** A month picker for one end of the period: the URL keeps the first (from) or last (to) day of the month. */
  const month = (name: 'from' | 'to', value: string, bound: { min?: string; max?: string }, toDay: (month: string) => string) => (
    <div>
      <label htmlFor={`filter-${name}`} className="text-xs font-medium text-muted">{t(name)}</label>
      <input
        id={`filter-${name}`}
        type="month"
        className={control}
        value={value}
        {...bound}
        onChange={(e) => void setF({ [name]: e.target.value ? toDay(e.target.value) : null })}
      />
    </div>
  );
  const fromMonth = f.from?.slice(0, 7) ?? '';
  const toMonth = f.to?.slice(0, 7) ?? '';
  return (
    <form role="search" aria-label={t('legend')} className="no-print rounded-md border border-line bg-white p-3 shadow-sm" onSubmit={(e) => e.preventDefault()}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        {select('campaign', campaigns)}
        {select('sector', sectors)}
        {select('kind', kinds)}
        {select('platform', platforms)}
        {month('from', fromMonth, { max: toMonth || undefined }, (m) => `${m}-01`)}
        {month('to', toMonth, { min: fromMonth || undefined }, lastDayOf)}
        <div className="flex items-end">
          <button
            type="button"
            className="w-full rounded border border-line bg-white px-3 py-1.5 text-sm text-ink hover:bg-canvas"
            onClick={() => void setF({ campaign: null, sector: null, kind: null, platform: null, from: null, to: null })}
          >
            {t('reset')}
          </button>
        </div>
      </div>
    </form>
  );
}
