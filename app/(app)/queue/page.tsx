import { isCampaign } from '@/lib/campaigns/ref';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { caseListSearch } from '@/lib/cases/filters';
import { parsePageQuery, type RawSearchParams } from '@/lib/cases/page-query';
import { listQueue, queueSchema, type QueueItem } from '@/lib/cases/queue';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listCampaigns } from '@/lib/taxonomy/campaigns';
import { listSectors } from '@/lib/taxonomy/queries';
import { officeToday } from '@/lib/time';
import { OverdueLabelBadge, StateLabelBadge } from '@/components/cases/badges';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PortalQueue } from '@/components/portal/portal-queue';
import { portalPagesSchema } from '@/lib/portal/staff';
import { inputClass } from '@/components/ui/field';
import { FilterForm, FilterSelect, filterLabelClass } from '@/components/ui/filter-form';
import { Pager } from '@/components/registry/pager';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

export async function generateMetadata() {
  return { title: (await getTranslations('queue'))('title') };
}

const th = 'px-2 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap';
const td = 'px-2 py-1.5 align-top';

export default async function QueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePagePermission('case:transition');
  const [t, locale, raw] = await Promise.all([getTranslations(), getLocale().then(toLocale), searchParams]);
  const { query } = parsePageQuery(queueSchema, raw);
  const { query: portalPages } = parsePageQuery(portalPagesSchema, raw);
  const today = officeToday();
  const [{ overdue, dueSoon, totals, nextCursor }, sectors, campaigns] = await Promise.all([firstPageOnBadCursor(query, (q) => read(listQueue, q, today)), listSectors(), listCampaigns()]);
  const pageParams = Object.fromEntries(Object.entries({ days: String(query.days), sector: query.sector, campaign: query.campaign?.toString(), cursor: query.cursor }).filter((e): e is [string, string] => !!e[1]));
  // The portal lists' pages stay when the queue's own pager moves, and the other way round.
  const portalParams = Object.fromEntries(Object.entries(portalPages).filter(([, v]) => v !== 1).map(([k, v]) => [k, String(v)]));
  const sectorLabel = new Map(sectors.map((s) => [s.code, pickLabel(s, locale)]));

  const table = (items: QueueItem[], caption: string, empty: string, testId: string) =>
    items.length ? (
      <div className="relative overflow-x-auto">
        <table className="stack-on-phone w-full text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-line bg-canvas">
            <tr>
              <th scope="col" className={th}>{t('cases.id')}</th>
              <th scope="col" className={th}>{t('cases.subject')}</th>
              <th scope="col" className={`${th} hidden md:table-cell`}>{t('cases.operator')}</th>
              <th scope="col" className={`${th} hidden md:table-cell`}>{t('cases.sector')}</th>
              <th scope="col" className={th}>{t('cases.state')}</th>
              <th scope="col" className={th}>{t('cases.deadline')}</th>
              <th scope="col" className={`${th} text-right`}>{testId === 'queue-overdue' ? t('queue.daysOverdue') : t('queue.daysLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-case-id={i.id} className="border-b border-line/70 last:border-0">
                <td className={`${td} tabular-nums`} data-label={t('cases.id')}><Link prefetch={false} href={`/cases/${i.id}`} className="font-medium text-brand-600 hover:underline">#{i.id}</Link></td>
                <td className={td} data-label={t('cases.subject')}><Link prefetch={false} href={`/subjects/${i.subjectId}`} className="hover:underline">{i.subjectName}</Link></td>
                <td className={`${td} hidden max-w-64 md:table-cell`}>{i.operatorName ?? '—'}</td>
                <td className={`${td} hidden whitespace-nowrap md:table-cell`}>{sectorLabel.get(i.sector) ?? i.sector}</td>
                <td className={td} data-label={t('cases.state')}>
                  <span className="inline-flex flex-wrap gap-1"><StateLabelBadge state={i.state} label={t(`caseState.${i.state}`)} />{i.overdue ? <OverdueLabelBadge label={t('cases.overdueBadge')} /> : null}</span>
                </td>
                <td className={`${td} whitespace-nowrap tabular-nums ${i.overdue ? 'font-semibold text-accent' : ''}`} data-label={t('cases.deadline')}>{i.deadline}</td>
                <td className={`${td} text-right tabular-nums ${i.overdue ? 'font-semibold text-accent' : ''}`} data-label={testId === 'queue-overdue' ? t('queue.daysOverdue') : t('queue.daysLeft')}>
                  <span className="sr-only">{i.overdue ? t('queue.overdueBy', { n: i.daysOverdue }) : i.daysOverdue === 0 ? t('queue.dueToday') : t('queue.dueIn', { n: -i.daysOverdue })}</span>
                  <span aria-hidden>{i.overdue ? i.daysOverdue : -i.daysOverdue}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : (
      <p className="text-sm text-muted">{empty}</p>
    );

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('queue.title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('queue.subtitle', { days: query.days, today })}</p>
      </div>
      <FilterForm action="/queue" label={t('cases.filters')} className="flex flex-wrap items-end gap-3 rounded-md border border-line bg-white p-3 shadow-sm">
        <div className="w-28 sm:w-36">
          <label htmlFor="q-days" className={filterLabelClass}>{t('queue.days')}</label>
          <input id="q-days" name="days" type="number" min={0} max={60} defaultValue={query.days} className={`${inputClass} py-1.5`} />
        </div>
        <FilterSelect id="q-sector" name="sector" label={t('cases.sector')} value={query.sector} any={t('cases.any')} options={sectors.map((s) => ({ value: s.code, label: pickLabel(s, locale) }))} className="min-w-48" />
        <FilterSelect
          id="q-campaign"
          name="campaign"
          label={t('cases.campaign')}
          value={campaigns.find((c) => isCampaign(c, query.campaign))?.code ?? query.campaign?.toString()}
          any={t('cases.any')}
          options={campaigns.map((c) => ({ value: c.code, label: pickLabel(c, locale) }))}
          className="min-w-48"
        />
        <button type="submit" className={buttonClass('primary', 'py-1.5')}>{t('cases.apply')}</button>
        <Link href={`/cases${caseListSearch({ overdue: true, sector: query.sector, campaign: query.campaign, sort: 'deadline' })}`} className={buttonClass('secondary', 'py-1.5')}>
          {t('queue.seeList')}
        </Link>
      </FilterForm>
      <Card title={<span className="text-accent">{t('queue.overdueGroup', { count: totals.overdue })}</span>}>
        {table(overdue, t('queue.overdueGroup', { count: totals.overdue }), overdue.length || !totals.overdue ? t('queue.emptyOverdue') : t('queue.onOtherPages'), 'queue-overdue')}
      </Card>
      <Card title={t('queue.dueGroup', { count: totals.dueSoon })}>
        {table(dueSoon, t('queue.dueGroup', { count: totals.dueSoon }), dueSoon.length || !totals.dueSoon ? t('queue.emptyDue') : t('queue.onOtherPages'), 'queue-due')}
      </Card>
      {nextCursor || query.cursor ? (
        <div className="rounded-md border border-line bg-white shadow-sm" data-testid="queue-pager">
          <Pager basePath="/queue" params={{ ...pageParams, ...portalParams }} nextCursor={nextCursor} labels={{ first: t('cases.firstPage'), next: t('cases.nextPage'), showing: t('queue.pageOf', { count: overdue.length + dueSoon.length, total: totals.overdue + totals.dueSoon }) }} />
        </div>
      ) : null}
      <PortalQueue pages={portalPages} params={pageParams} />
    </div>
  );
}
