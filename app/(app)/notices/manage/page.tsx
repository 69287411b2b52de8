import { formatDateTime } from '@/lib/i18n/format';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { noticeStatusEnum } from '@/db/schema/enums';
import { NoticeKindBadge, NoticeStatusBadge } from '@/components/notices/status-badge';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { requirePagePermission } from '@/lib/auth/page';
import { toLocale } from '@/lib/i18n/locales';
import { noticeNumberLabel } from '@/lib/notices/labels';
import { countByStatus, listManagedNotices } from '@/lib/notices/queries';
import { read } from '@/lib/server/read';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notices'))('manageTitle') };
}

export default async function ManageNoticesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requirePagePermission('notice:draft');
  const requested = (await searchParams).status;
  const status = noticeStatusEnum.enumValues.find((s) => s === requested);
  const [t, locale] = await Promise.all([getTranslations('notices'), getLocale().then(toLocale)]);
  const [rows, counts] = await Promise.all([read(listManagedNotices, status), read(countByStatus)]);
  const tabs = [{ key: undefined, label: t('allStatuses'), n: counts.draft + counts.approved + counts.published }, ...noticeStatusEnum.enumValues.map((s) => ({ key: s, label: t(`status.${s}`), n: counts[s] }))];

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{t('manageTitle')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-muted">{t('manageSubtitle')}</p>
        </div>
        <Link href="/notices/manage/new" className={buttonClass('primary')}>{t('newNotice')}</Link>
      </div>
      <nav aria-label={t('status.draft')} className="flex gap-1 border-b border-line">
        {tabs.map((tab) => (
          <Link key={tab.key ?? 'all'} href={tab.key ? `/notices/manage?status=${tab.key}` : '/notices/manage'} aria-current={status === tab.key ? 'page' : undefined}
            className={cn('-mb-px border-b-2 px-3 py-2 text-sm', status === tab.key ? 'border-brand font-semibold text-brand' : 'border-transparent text-muted hover:text-ink')}>
            {tab.label} <span className="ml-1 rounded bg-canvas px-1.5 text-xs tabular-nums">{tab.n}</span>
          </Link>
        ))}
      </nav>
      {rows.length < (status ? counts[status] : counts.draft + counts.approved + counts.published) ? (
        <p className="text-sm text-muted" data-testid="notices-truncated">{t('truncated', { shown: rows.length, total: status ? counts[status] : counts.draft + counts.approved + counts.published })}</p>
      ) : null}
      <DataTable caption={t('manageTitle')} columns={[`${t('status.draft')} / ${t('status.published')}`, t('title'), t('number'), { label: t('cases'), numeric: true }, t('author'), t('approver'), t('deadline'), t('publishedAt')]} empty={t('noneYet')}>
            {rows.map((n) => (
              <tr key={n.id} className="border-b border-line/70 align-top last:border-0">
                <td className="px-3 py-2.5"><div className="flex flex-col items-start gap-1"><NoticeStatusBadge status={n.status} /><NoticeKindBadge kind={n.kind} /></div></td>
                <td className="px-3 py-2.5">
                  <Link href={`/notices/manage/${n.id}`} className="font-medium text-brand-600 hover:underline">{locale === 'zh' ? n.titleZh : n.titleEn}</Link>
                  {n.correctsNoticeId ? <span className="ml-2 text-xs text-muted">({t('writeErratum')} #{n.correctsNoticeId})</span> : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums text-muted">{noticeNumberLabel(n, locale) ?? <span className="italic">{t('unnumbered')}</span>}</td>
                <td className="px-3 py-2.5 text-right tabular-nums">{n.entries}</td>
                <td className="px-3 py-2.5">{n.authorName}</td>
                <td className="px-3 py-2.5">{n.approverName ?? '—'}</td>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums">{n.deadline ?? '—'}</td>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums">{n.publishedAt ? formatDateTime(n.publishedAt) : '—'}</td>
              </tr>
            ))}
      </DataTable>
    </div>
  );
}
