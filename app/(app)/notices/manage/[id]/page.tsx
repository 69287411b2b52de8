import { formatDateTime } from '@/lib/i18n/format';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnnexTable, type AnnexDisplayRow } from '@/components/notices/annex-table';
import { NoticeComposer } from '@/components/notices/composer';
import { ComposerPreview } from '@/components/notices/composer-preview';
import { NoticeKindBadge, NoticeStatusBadge } from '@/components/notices/status-badge';
import { WorkflowActions } from '@/components/notices/workflow-actions';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { HttpError } from '@/lib/http/errors';
import { idParam } from '@/lib/http/params';
import { toLocale } from '@/lib/i18n/locales';
import { composerOptions } from '@/lib/notices/composer-options';
import { localizeSource, noticeNumberLabel } from '@/lib/notices/labels';
import { getNoticeDetail } from '@/lib/notices/queries';
import { read } from '@/lib/server/read';

async function load(idText: string) {
  try {
    return await read(getNoticeDetail, idParam(idText));
  } catch (err) {
    if (err instanceof HttpError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requirePagePermission('notice:draft');
  const d = await load((await params).id);
  return { title: toLocale(await getLocale()) === 'zh' ? d.notice.titleZh : d.notice.titleEn };
}

export default async function ManageNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('notice:draft');
  const d = await load((await params).id);
  const [t, tAll, locale] = await Promise.all([getTranslations('notices'), getTranslations(), getLocale().then(toLocale)]);
  const n = d.notice;
  const isAuthor = actor.kind === 'user' && actor.id === n.createdBy;
  const rows = d.entries.map((e) => d.live.get(e.caseId)).filter((r) => r !== undefined);
  const stateCell = (caseId: number, seen: number) => {
    const live = d.live.get(caseId);
    return (
      <span className="flex flex-wrap items-center gap-1">
        <Link href={`/cases/${caseId}`} className="text-brand-600 hover:underline">#{caseId}</Link>
        {live ? <Badge tone={live.state === 'notified' || live.state === 'removed' ? 'danger' : 'neutral'}>{tAll(`caseState.${live.state}`)}</Badge> : null}
        {live && n.status !== 'published' && live.revision !== seen ? <Badge tone="warn">{t('changedSince')}</Badge> : null}
      </span>
    );
  };
  const snapshot: AnnexDisplayRow[] = d.entries.map((e) => ({
    key: e.id, no: e.position, appName: e.appName ?? '', operator: e.operatorName ?? '', source: localizeSource(e.source, locale) ?? '',
    version: e.version ?? '', filingNumber: e.filingNumber ?? '', region: e.region ?? '', problems: e.problems ?? '', deadline: e.deadline,
    extra: stateCell(e.caseId, e.caseRevision),
  }));

  const info: [string, string][] = [
    [t('number'), noticeNumberLabel(n, locale) ?? t('unnumbered')],
    [t('author'), `${d.authorName} · ${formatDateTime(n.createdAt)}`],
    [t('approver'), d.approverName && n.approvedAt ? `${d.approverName} · ${formatDateTime(n.approvedAt)}` : '—'],
    [t('publishedAt'), n.publishedAt ? formatDateTime(n.publishedAt) : '—'],
    [t('deadline'), n.deadline ?? '—'],
    [t('cases'), String(d.entries.length)],
  ];

  return (
    <div className="space-y-5">
      <p><Link href="/notices/manage" className="text-sm text-brand-600 hover:underline">← {t('manageTitle')}</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <div className="flex flex-wrap gap-2"><NoticeStatusBadge status={n.status} /><NoticeKindBadge kind={n.kind} /></div>
          <h1 className="text-2xl font-semibold text-ink">{locale === 'zh' ? n.titleZh : n.titleEn}</h1>
          <p className="text-sm text-muted" lang={locale === 'zh' ? 'en' : 'zh-CN'}>{locale === 'zh' ? n.titleEn : n.titleZh}</p>
        </div>
        {n.status === 'published' ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`/notices/${n.slug}`} className={buttonClass('secondary')}>{t('publishedInfo')} /notices/{n.slug}</Link>
            <Link href={`/notices/manage/new?corrects=${n.id}`} className={buttonClass('secondary')}>{t('writeErratum')}</Link>
          </div>
        ) : null}
      </div>

      <Card title={t('details')}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {info.map(([k, v]) => (
            <div key={k}><dt className="text-xs text-muted">{k}</dt><dd className="tabular-nums">{v}</dd></div>
          ))}
        </dl>
        {d.corrects ? <p className="mt-3 text-sm">{t('corrects')} <Link href={`/notices/manage/${d.corrects.id}`} className="text-brand-600 underline">{locale === 'zh' ? d.corrects.titleZh : d.corrects.titleEn}</Link></p> : null}
        {d.correctedBy.length ? <p className="mt-3 text-sm">{t('correctedBy')} {d.correctedBy.map((c) => <Link key={c.id} href={`/notices/manage/${c.id}`} className="mr-2 text-brand-600 underline">{locale === 'zh' ? c.titleZh : c.titleEn}</Link>)}</p> : null}
        {n.status !== 'published' ? (
          <div className="mt-4 space-y-2 border-t border-line pt-4">
            <p className="text-sm text-ink" data-testid="workflow-hint">
              {n.status === 'draft' ? (isAuthor ? t('fourEyesOwn') : t('awaitingApproval')) : t('readyToPublish', { state: tAll(`caseState.${n.kind === 'rectification' ? 'notified' : 'removed'}`) })}
            </p>
            <WorkflowActions id={n.id} canApprove={n.status === 'draft' && !isAuthor && can(actor.role, 'notice:approve')} canPublish={n.status === 'approved' && can(actor.role, 'notice:publish')} />
          </div>
        ) : null}
      </Card>

      {n.status === 'published' ? (
        <Card title={t('annexSnapshot')}>
          <AnnexTable rows={snapshot} caption={t('annex', { label: noticeNumberLabel(n, locale)! })} extraHeader={t('caseState')} />
        </Card>
      ) : n.status === 'draft' && isAuthor ? (
        <section aria-labelledby="edit-heading" className="space-y-3">
          <h2 id="edit-heading" className="text-lg font-semibold text-ink">{t('edit')}</h2>
          <NoticeComposer
            options={await composerOptions(locale)}
            initial={{
              id: n.id, revision: n.revision, kind: n.kind, titleZh: n.titleZh, titleEn: n.titleEn, introZh: n.introZh, introEn: n.introEn, deadline: n.deadline,
              rows: d.entries.map((e) => ({ ...d.live.get(e.caseId)!, revision: e.caseRevision })),
              corrects: d.corrects ? { id: d.corrects.id, title: locale === 'zh' ? d.corrects.titleZh : d.corrects.titleEn, rows } : undefined,
            }}
          />
        </section>
      ) : (
        <Card title={t('annexPreview')}>
          <ComposerPreview rows={rows} categories={(await composerOptions(locale)).categories} deadline={n.deadline} />
        </Card>
      )}
    </div>
  );
}
