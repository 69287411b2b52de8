import { isCampaign } from '@/lib/campaigns/ref';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { toLocale } from '@/lib/i18n/locales';
import { listCampaigns } from '@/lib/offenders/lookups';
import type { FlagFilters } from '@/lib/offenders/schemas';
import { FLAG_RULES, FLAG_STATUSES } from '@/lib/offenders/types';
import { listSectors } from '@/lib/taxonomy/queries';
import { listUsedRegions } from '@/lib/regions/queries';
import { read } from '@/lib/server/read';

/** The queue's filters as a plain GET form: every filter lives in the URL and works without script. */
export async function QueueFilters({ filters }: { filters: FlagFilters }) {
  const [t, locale, sectors, campaigns, regions] = await Promise.all([getTranslations('offenders'), getLocale(), listSectors(), listCampaigns(), read(listUsedRegions)]);
  const zh = toLocale(locale) === 'zh';
  const select = `${inputClass} py-1.5`;
  return (
    <form method="get" action="/offenders" aria-label={t('filters')} className="grid gap-3 rounded-md border border-line bg-white p-3 shadow-sm sm:grid-cols-3 xl:grid-cols-7 xl:items-end">
      <div className="text-xs font-medium text-muted">
        <label htmlFor="f-rule">{t('rule')}</label>
        <select id="f-rule" name="rule" defaultValue={filters.rule ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {FLAG_RULES.map((r) => <option key={r} value={r}>{t(`ruleName.${r}`)}</option>)}
        </select>
      </div>
      <div className="text-xs font-medium text-muted">
        <label htmlFor="f-status">{t('status')}</label>
        <select id="f-status" name="status" defaultValue={filters.status} className={select}>
          {FLAG_STATUSES.map((s) => <option key={s} value={s}>{t(`statusName.${s}`)}</option>)}
          <option value="all">{t('all')}</option>
        </select>
      </div>
      <div className="text-xs font-medium text-muted">
        <label htmlFor="f-sector">{t('sector')}</label>
        <select id="f-sector" name="sector" defaultValue={filters.sector ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {sectors.map((s) => <option key={s.code} value={s.code}>{zh ? s.labelZh : s.labelEn}</option>)}
        </select>
      </div>
      <div className="text-xs font-medium text-muted">
        <label htmlFor="f-region">{t('region')}</label>
        <select id="f-region" name="region" defaultValue={filters.region ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {regions.map((r) => <option key={r.code} value={r.code}>{r.path}</option>)}
        </select>
      </div>
      <div className="text-xs font-medium text-muted">
        <label htmlFor="f-campaign">{t('campaign')}</label>
        <select id="f-campaign" name="campaign" defaultValue={campaigns.find((c) => isCampaign(c, filters.campaign))?.code ?? (filters.campaign ? String(filters.campaign) : '')} className={select}>
          <option value="">{t('any')}</option>
          {campaigns.map((c) => <option key={c.id} value={c.code}>{zh ? c.nameZh : c.nameEn}</option>)}
        </select>
      </div>
      <label className="flex items-center gap-2 text-xs font-medium text-muted">
        <input type="checkbox" name="resolved" value="1" defaultChecked={filters.resolved === '1'} className="h-4 w-4" />
        {t('showResolved')}
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('primary', 'py-1.5')}>{t('apply')}</button>
        <Link href="/offenders" className={buttonClass('secondary', 'py-1.5')}>{t('reset')}</Link>
      </div>
    </form>
  );
}
