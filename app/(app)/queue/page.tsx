import { isCampaign } from '@/lib/campaigns/ref';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { caseListSearch } from '@/lib/cases/filters';
import { parsePageQuery, type RawSearchParams } from '@/lib/cases/page-query';
import { listQueue, queueSchema, type QueueItem } from '@/lib/cases/queue';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listCampaigns } from '@/lib/taxonomy/campaigns';
import { listSectors } from '@/lib/taxonomy/queries';
import { officeToday } from '@/lib/time';
import { QueueTable, type QueueTableRow } from '@/components/cases/queue-table';
import type { CaseState } from '@/lib/cases/ladder';
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

  const states = new Map<CaseState, string>();
  const stateLabel = (s: CaseState) => states.get(s) ?? states.set(s, t(`caseState.${s}`)).get(s)!;
  const columns = { id: t('cases.id'), subject: t('cases.subject'), operator: t('cases.operator'), sector: t('cases.sector'), state: t('cases.state'), deadline: t('cases.deadline'), overdueBadge: t('cases.overdueBadge') };
  // "3 days overdue", "due in 2 days": each wording once a page, not an ICU message per row (issue #18).
  const worded = new Map<number, string>();
  const daysText = (i: QueueItem) => {
    const key = i.overdue ? i.daysOverdue : -1 - Math.max(0, -i.daysOverdue);
    let text = worded.get(key);
    if (text === undefined) worded.set(key, (text = i.overdue ? t('queue.overdueBy', { n: i.daysOverdue }) : i.daysOverdue === 0 ? t('queue.dueToday') : t('queue.dueIn', { n: -i.daysOverdue })));
    return text;
  };
  const rowsOf = (items: QueueItem[]): QueueTableRow[] =>
    items.map((i) => {
      stateLabel(i.state);
      return {
        id: i.id,
        subjectId: i.subjectId,
        subjectName: i.subjectName,
        operatorName: i.operatorName,
        sector: sectorLabel.get(i.sector) ?? i.sector,
        state: i.state,
        overdue: i.overdue,
        deadline: i.deadline,
        days: i.overdue ? i.daysOverdue : -i.daysOverdue,
        daysText: daysText(i),
      };
    });
  const table = (items: QueueItem[], caption: string, empty: string, testId: string) => {
    if (!items.length) return <p className="text-sm text-muted">{empty}</p>;
    const rows = rowsOf(items);
    const days = testId === 'queue-overdue' ? t('queue.daysOverdue') : t('queue.daysLeft');
    return <QueueTable rows={rows} testId={testId} labels={{ ...columns, caption, days, states: Object.fromEntries(states) }} />;
  };

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
