import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { getCaseDetail } from '@/lib/cases/detail';
import { directTargets } from '@/lib/cases/ladder';
import { formatDay } from '@/lib/i18n/format';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listAssignableUsers } from '@/lib/cases/assignment';
import { listComments } from '@/lib/cases/comments';
import { getDefaultDeadlineDays } from '@/lib/settings';
import { listCategories, listSectors } from '@/lib/taxonomy/queries';
import { addDays, officeToday } from '@/lib/time';
import { OverdueBadge, StateBadge } from '@/components/cases/badges';
import { CaseFindings } from '@/components/cases/case-findings';
import { CaseRecords } from '@/components/cases/case-records';
import { CaseTimeline } from '@/components/cases/case-timeline';
import { TransitionPanel } from '@/components/cases/transition-panel';
import { AssigneeControl } from '@/components/cases/assignee-control';
import { CaseComments } from '@/components/cases/case-comments';
import { buttonClass } from '@/components/ui/button';
import { CasePortalActivity } from '@/components/portal/case-portal-activity';
import { Card } from '@/components/ui/card';
import { read, readOrNotFound } from '@/lib/server/read';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: (await getTranslations('caseDetail'))('title', { id: (await params).id }) };
}

async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) notFound();
  return readOrNotFound(getCaseDetail, Number(id));
}

export default async function CasePage({ params }: Params) {
  const actor = await requirePagePermission('case:read');
  const [{ id }, t, locale] = await Promise.all([params, getTranslations(), getLocale().then(toLocale)]);
  const [d, categories, sectors, days] = await Promise.all([load(id), listCategories(), listSectors(), read(getDefaultDeadlineDays)]);
  const canAssign = can(actor.role, 'case:assign');
  const [assignable, firstComments] = await Promise.all([canAssign ? read(listAssignableUsers) : Promise.resolve([]), read(listComments, d.case.id, { limit: 50 })]);
  const c = d.case;
  const mini = d.subject.kind === 'mini_program';
  const targets = can(actor.role, 'case:transition') ? directTargets(c.state, actor.role) : [];
  const categoryMap = new Map(categories.map((x) => [x.code, { label: pickLabel(x, locale), legalBasis: locale === 'zh' ? x.legalBasisZh : x.legalBasisEn }]));
  const sector = sectors.find((s) => s.code === d.subject.sector);
  const dl = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm">{value}</dd>
    </div>
  );

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="breadcrumb" className="text-sm text-muted">
          <Link href="/cases" className="text-brand-600 underline underline-offset-2">{t('caseDetail.back')}</Link>
          <span aria-hidden> / </span>
          <span>#{c.id}</span>
        </nav>
        <nav aria-label={t('caseWork.documents')} className="flex flex-wrap gap-2">
          <Link href={`/cases/${c.id}/order`} className={buttonClass('secondary', 'py-1 text-xs')} data-testid="print-order">{t('caseWork.printOrder')}</Link>
          <Link href={`/cases/${c.id}/file`} className={buttonClass('secondary', 'py-1 text-xs')} data-testid="print-case-file">{t('caseWork.printCaseFile')}</Link>
        </nav>
      </div>

      <section className="rounded-md border border-line bg-white shadow-sm" aria-labelledby="case-title">
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-muted">{t('caseDetail.title', { id: c.id })}</p>
            <h1 id="case-title" className="mt-1 text-2xl font-semibold">
              <Link href={`/subjects/${d.subject.id}`} className="text-ink underline-offset-4 hover:underline">{d.subject.name}</Link>
            </h1>
          </div>
          <div className="flex flex-wrap items-center gap-2" data-testid="case-state">
            <StateBadge state={c.state} mini={mini} />
            <OverdueBadge overdue={c.overdue} />
          </div>
        </div>
        <dl className="grid gap-x-6 gap-y-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
          {dl(t('caseDetail.kindPlatform'), `${t(`subjectKind.${d.subject.kind}`)} · ${t(`platform.${d.subject.platform}`)} · ${sector ? pickLabel(sector, locale) : d.subject.sector}`)}
          {dl(t('caseDetail.operator'), d.operator ? (
            <Link href={`/operators/${d.operator.id}`} className="text-brand-600 underline underline-offset-2">{d.operator.name}</Link>
          ) : '—')}
          {dl(t('caseDetail.deadline'), <span data-testid="case-deadline" className={`tabular-nums ${c.overdue ? 'font-semibold text-accent' : ''}`}>{c.deadline ?? t('caseDetail.noDeadline')}</span>)}
          {dl(t('caseDetail.versions'), (
            <span className="flex flex-wrap gap-x-3 text-xs">
              <span>{t('caseDetail.foundVersion', { version: c.foundVersion })}</span>
              {c.claimedVersion ? <span>{t('caseDetail.claimedVersion', { version: c.claimedVersion })}</span> : null}
              {c.retestVersion ? <span>{t('caseDetail.retestVersion', { version: c.retestVersion })}</span> : null}
            </span>
          ))}
          {dl(t('caseDetail.inspection'), t('caseDetail.inspectionLine', { method: t(`method.${d.inspection.method}`), date: d.inspection.inspectedOn, version: d.inspection.version }))}
          {dl(t('caseDetail.campaign'), d.inspection.campaign?.id ? pickLabel({ labelZh: d.inspection.campaign.nameZh, labelEn: d.inspection.campaign.nameEn }, locale) : '—')}
          {dl(t('caseDetail.opened'), <span className="tabular-nums">{formatDay(c.openedAt)}{c.closedAt ? ` · ${t('caseDetail.closed')} ${formatDay(c.closedAt)}` : ''}</span>)}
          {dl(t('caseDetail.revision'), <span className="tabular-nums" data-testid="case-revision">{c.revision}</span>)}
          {dl(t('caseWork.assignee'), <span data-testid="case-assignee">{d.assignee?.name ?? t('caseWork.unassigned')}</span>)}
        </dl>
        {canAssign ? (
          <div className="border-t border-line px-5 py-3">
            <AssigneeControl caseId={c.id} assignee={d.assignee} users={assignable} meId={actor.kind === 'user' ? actor.id : null} />
          </div>
        ) : null}
        {d.previousCase || d.laterCases.length ? (
          <div className="space-y-1 border-t border-line bg-[#fdf3dc]/60 px-5 py-3 text-sm" data-testid="recurrence">
            {d.previousCase ? (
              <p>
                {t.rich('caseDetail.recurs', {
                  id: d.previousCase.id,
                  link: (chunks) => <Link href={`/cases/${d.previousCase!.id}`} className="font-medium text-brand-600 underline">{chunks}</Link>,
                  state: t(`caseState.${d.previousCase.state}`),
                  date: d.previousCase.closedAt ? formatDay(d.previousCase.closedAt) : '—',
                })}
              </p>
            ) : null}
            {d.laterCases.length ? (
              <p>
                {t('caseDetail.recurredBy')}{' '}
                {d.laterCases.map((l) => (
                  <Link key={l.id} href={`/cases/${l.id}`} className="mr-2 font-medium text-brand-600 underline">#{l.id} ({t(`caseState.${l.state}`)})</Link>
                ))}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      {targets.length ? (
        <Card title={t('caseAction.actions')}>
          <TransitionPanel
            caseId={c.id}
            revision={c.revision}
            state={c.state}
            targets={targets}
            defaultDeadline={addDays(officeToday(), days)}
            defaultDays={days}
            stores={d.stores.map((s) => s.store)}
            mini={mini}
          />
        </Card>
      ) : null}

      <Card title={t('caseDetail.findings')}>
        <CaseFindings detail={d} categories={categoryMap} />
      </Card>

      <Card title={t('caseWork.notes')}>
        <div data-testid="inspection-notes">
          {d.inspection.notes.trim() ? <p className="text-sm break-words whitespace-pre-wrap">{d.inspection.notes}</p> : <p className="text-sm text-muted">{t('caseWork.noNotes')}</p>}
          {d.inspection.inspectorName ? <p className="mt-2 text-xs text-muted">{t('caseWork.notesBy', { name: d.inspection.inspectorName })}</p> : null}
        </div>
      </Card>

      <div className="grid gap-5 xl:grid-cols-5">
        <Card title={t('caseDetail.timeline')} className="xl:col-span-3">
          <CaseTimeline detail={d} locale={locale} />
        </Card>
        <div className="space-y-5 xl:col-span-2">
          <Card title={t('caseWork.comments')}>
            <CaseComments caseId={c.id} firstPage={firstComments} canComment={can(actor.role, 'case:comment')} />
          </Card>
          <CasePortalActivity actor={actor} caseId={c.id} state={c.state} />
          <CaseRecords detail={d} />
        </div>
      </div>
    </div>
  );
}
