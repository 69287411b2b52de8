import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { toLocale } from '@/lib/i18n/locales';
import { listCampaigns } from '@/lib/offenders/lookups';
import type { FlagFilters } from '@/lib/offenders/schemas';
import { FLAG_RULES, FLAG_STATUSES } from '@/lib/offenders/types';
import { listSectors } from '@/lib/taxonomy/queries';

/** The queue's filters as a plain GET form: every filter lives in the URL and works without script. */
export async function QueueFilters({ filters }: { filters: FlagFilters }) {
  const [t, locale, sectors, campaigns] = await Promise.all([getTranslations('offenders'), getLocale(), listSectors(), listCampaigns()]);
  const zh = toLocale(locale) === 'zh';
  const select = `${inputClass} py-1.5`;
  return (
    <form method="get" action="/offenders" aria-label={t('filters')} className="grid gap-3 rounded-md border border-line bg-white p-3 shadow-sm sm:grid-cols-3 xl:grid-cols-7 xl:items-end">
      <label className="text-xs font-medium text-muted">
        {t('rule')}
        <select name="rule" defaultValue={filters.rule ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {FLAG_RULES.map((r) => <option key={r} value={r}>{t(`ruleName.${r}`)}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-muted">
        {t('status')}
        <select name="status" defaultValue={filters.status} className={select}>
          {FLAG_STATUSES.map((s) => <option key={s} value={s}>{t(`statusName.${s}`)}</option>)}
          <option value="all">{t('all')}</option>
        </select>
      </label>
      <label className="text-xs font-medium text-muted">
        {t('sector')}
        <select name="sector" defaultValue={filters.sector ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {sectors.map((s) => <option key={s.code} value={s.code}>{zh ? s.labelZh : s.labelEn}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-muted">
        {t('region')}
        <input name="region" defaultValue={filters.region ?? ''} placeholder={t('regionHint')} className={select} />
      </label>
      <label className="text-xs font-medium text-muted">
        {t('campaign')}
        <select name="campaign" defaultValue={filters.campaign ? String(filters.campaign) : ''} className={select}>
          <option value="">{t('any')}</option>
          {campaigns.map((c) => <option key={c.id} value={c.id}>{zh ? c.nameZh : c.nameEn}</option>)}
        </select>
      </label>
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
