import { isCampaign } from '@/lib/campaigns/ref';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterButtons, FilterCheck, FilterForm, FilterSelect } from '@/components/ui/filter-form';
import { toLocale } from '@/lib/i18n/locales';
import { listCampaigns } from '@/lib/offenders/lookups';
import type { FlagFilters } from '@/lib/offenders/schemas';
import { FLAG_RULES, FLAG_STATUSES } from '@/lib/offenders/types';
import { listSectors } from '@/lib/taxonomy/queries';
import { listUsedRegions } from '@/lib/regions/queries';
import { read } from '@/lib/server/read';

/** The queue's filters (the app's one filter form: components/ui/filter-form.tsx). */
export async function QueueFilters({ filters }: { filters: FlagFilters }) {
  const [t, locale, sectors, campaigns, regions] = await Promise.all([getTranslations('offenders'), getLocale(), listSectors(), listCampaigns(), read(listUsedRegions)]);
  const zh = toLocale(locale) === 'zh';
  return (
    <FilterForm action="/offenders" label={t('filters')} className="grid gap-3 rounded-md border border-line bg-white p-3 shadow-sm sm:grid-cols-3 xl:grid-cols-7 xl:items-end">
      <FilterSelect id="f-rule" name="rule" label={t('rule')} value={filters.rule} any={t('any')} options={FLAG_RULES.map((r) => ({ value: r, label: t(`ruleName.${r}`) }))} />
      <FilterSelect id="f-status" name="status" label={t('status')} value={filters.status} options={[...FLAG_STATUSES.map((s) => ({ value: s, label: t(`statusName.${s}`) })), { value: 'all', label: t('all') }]} />
      <FilterSelect id="f-sector" name="sector" label={t('sector')} value={filters.sector} any={t('any')} options={sectors.map((s) => ({ value: s.code, label: zh ? s.labelZh : s.labelEn }))} />
      <FilterSelect id="f-region" name="region" label={t('region')} value={filters.region} any={t('any')} options={regions.map((r) => ({ value: r.code, label: r.path }))} />
      <FilterSelect
        id="f-campaign"
        name="campaign"
        label={t('campaign')}
        value={campaigns.find((c) => isCampaign(c, filters.campaign))?.code ?? (filters.campaign ? String(filters.campaign) : '')}
        any={t('any')}
        options={campaigns.map((c) => ({ value: c.code, label: zh ? c.nameZh : c.nameEn }))}
      />
      <FilterCheck name="resolved" value="1" checked={filters.resolved === '1'} label={t('showResolved')} className="text-xs font-medium text-muted" />
      <FilterButtons action="/offenders" apply={t('apply')} reset={t('reset')} />
    </FilterForm>
  );
}
