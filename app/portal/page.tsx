import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { scopedOperator } from '@/lib/auth/scope';
import { listNotifications, sweepDeadlineMessages } from '@/lib/portal/messages';
import { listPortalCases, listPortalSubjects } from '@/lib/portal/read';
import { formatDateTime } from '@/lib/i18n/format';
import { MarkReadButton } from '@/components/portal/mark-read';
import { CaseStateBadge } from '@/components/registry/case-state-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Pager } from '@/components/registry/pager';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal'))('title') };
}

/** A contact's home: its operator, the cases to answer first, its apps and mini programs. Staff get the 403 page. */
export default async function PortalHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('portal:read');
  const op = await read(scopedOperator, actor);
  // Deadline reminders for this operator are produced on its contact's visit too (idempotent), besides `npm run messages:sweep`.
  await read(sweepDeadlineMessages, { operatorId: actor.operatorId });
  const inbox = await read(listNotifications, actor);
  const messages = inbox.items;
  const sp = await searchParams;
  const cursor = typeof sp.cursor === 'string' ? sp.cursor : undefined;
  const casePage = await firstPageOnBadCursor({ cursor }, (q) => read(listPortalCases, actor, q));
  const caseRows = casePage.items;
  const subjects = await read(listPortalSubjects, actor);
  const subjectRows = subjects.items;
  const t = await getTranslations('portal');
  const tc = await getTranslations();
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-muted">{t('operator')}</p>
        <h1 className="text-2xl font-semibold text-ink">{op.name}</h1>
        <p className="mt-1 font-mono text-sm text-muted">{op.uscc}</p>
        <p className="mt-2 text-sm text-ink">{t('welcome', { name: actor.name })}</p>
      </div>
      <Card title={t('messages.title')} action={inbox.unread ? <MarkReadButton /> : null}>
        {messages.length ? (
          <ul className="divide-y divide-line text-sm" data-testid="portal-messages">
            {messages.map((m) => (
              <li key={m.id} className={`flex flex-wrap gap-x-3 py-2 ${m.readAt ? 'text-muted' : 'font-medium text-ink'}`}>
                <span className="tabular-nums text-xs text-muted">{formatDateTime(m.createdAt)}</span>
                <Link href={`/portal/cases/${m.caseId}`} className="text-brand-600 hover:underline">{t('cases.number', { id: m.caseId })}</Link>
                <span>{t(`messages.${m.kind}`, { deadline: m.deadline ?? '' })}{m.detail ? `: ${m.detail}` : ''}</span>
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-muted">{t('messages.none')}</p>}
        {inbox.total > messages.length ? <p className="mt-2 text-xs text-muted" data-testid="portal-messages-truncated">{t('messages.latestOf', { shown: messages.length, total: inbox.total })}</p> : null}
      </Card>
      <Card title={`${t('cases.title')} (${casePage.total})`}>
        {caseRows.length ? (
          <ul className="divide-y divide-line" data-testid="portal-cases">
            {caseRows.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/portal/cases/${c.id}`} className="font-medium text-brand-600 hover:underline">
                    {t('cases.number', { id: c.id })} · {c.subjectName}
                  </Link>
                  <p className="text-xs text-muted">
                    {t('cases.findings', { n: c.findings })}
                    {c.deadline ? ` · ${t('cases.deadline')} ${c.deadline}` : ''}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-1">
                  <CaseStateBadge state={c.state} label={tc(`caseState.${c.state}` as 'caseState.open')} overdue={c.overdue} overdueLabel={t('cases.overdue')} />
                  {(c.state === 'ordered' || c.state === 'notified') && !c.acknowledged ? <Badge tone="warn">{t('cases.toAcknowledge')}</Badge> : null}
                  {c.pending ? <Badge tone="brand">{t('cases.pending', { n: c.pending })}</Badge> : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t('cases.none')}</p>
        )}
        {casePage.open ? <p className="mt-3 text-xs text-muted">{t('cases.openHint', { n: casePage.open })}</p> : null}
        {casePage.nextCursor || cursor ? (
          <div className="mt-3" data-testid="portal-cases-pager">
            <Pager basePath="/portal" params={cursor ? { cursor } : {}} nextCursor={casePage.nextCursor} labels={{ first: t('cases.firstPage'), next: t('cases.nextPage'), showing: t('cases.showing', { count: caseRows.length, total: casePage.total }) }} />
          </div>
        ) : null}
      </Card>
      <Card title={`${t('subjects.title')} (${subjects.total})`}>
        {subjectRows.length ? (
          <ul className="grid gap-2 sm:grid-cols-2">
            {subjectRows.map((s) => (
              <li key={s.id} className="rounded border border-line px-3 py-2 text-sm">
                <span className="font-medium text-ink">{s.name}</span>
                <span className="ml-2 text-xs text-muted">{tc(`subjectKind.${s.kind}` as 'subjectKind.app')} · {tc(`platform.${s.platform}` as 'platform.android')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t('subjects.none')}</p>
        )}
        {subjects.total > subjectRows.length ? <p className="mt-3 text-xs text-muted" data-testid="portal-subjects-truncated">{t('subjects.truncated', { shown: subjectRows.length, total: subjects.total })}</p> : null}
      </Card>
    </div>
  );
}
