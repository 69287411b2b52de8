import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { formatDateTime } from '@/lib/i18n/format';
import { toLocale } from '@/lib/i18n/locales';
import { getPortalCase } from '@/lib/portal/read';
import { addDays, officeToday } from '@/lib/time';
import { AcknowledgeButton, ExtensionForm, ObjectionForm, ReportForm } from '@/components/portal/case-actions';
import { CaseStateBadge } from '@/components/registry/case-state-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { readOrNotFound } from '@/lib/server/read';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('portal'))('cases.number', { id: (await params).id }) };
}

const fileHref = (sha: string) => `/api/portal/v1/evidence/${sha}?disposition=inline`;

/** One case of the contact's operator: what was found, the deadline, the notices naming it, and what the contact may do. */
export default async function PortalCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('portal:read');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const detail = await readOrNotFound(getPortalCase, actor, Number(id));
  const locale = toLocale(await getLocale());
  const t = await getTranslations('portal');
  const tc = await getTranslations();
  const c = detail.case;
  const open = c.state === 'ordered' || c.state === 'notified';
  const closed = ['verified', 'reinstated', 'withdrawn'].includes(c.state);
  const pendingExtension = detail.actions.some((a) => a.kind === 'extension' && a.status === 'pending');
  const findingLabel = (f: (typeof detail.findings)[number]) => (locale === 'zh' ? f.labelZh : f.labelEn);
  const minUntil = addDays(c.deadline && c.deadline > officeToday() ? c.deadline : officeToday(), 1);
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/portal" className="text-brand-600 underline">{t('back')}</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-ink">{t('cases.number', { id: c.id })} · {detail.subject.name}</h1>
          <p className="mt-1 text-sm text-muted">
            {tc(`subjectKind.${detail.subject.kind}` as 'subjectKind.app')} · {tc(`platform.${detail.subject.platform}` as 'platform.android')} · {t('case.foundVersion', { v: c.foundVersion })}
          </p>
        </div>
        <CaseStateBadge state={c.state} label={tc(`caseState.${c.state}` as 'caseState.open')} overdue={c.overdue} overdueLabel={t('cases.overdue')} />
      </div>

      <Card title={t('case.order')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div><dt className="text-muted">{t('cases.deadline')}</dt><dd className="font-semibold tabular-nums" data-testid="portal-deadline">{c.deadline ?? '—'}</dd></div>
          <div><dt className="text-muted">{t('case.acknowledged')}</dt><dd>{c.acknowledged ? <Badge tone="ok">{t('case.yes')}</Badge> : <Badge tone="warn">{t('case.no')}</Badge>}</dd></div>
          <div><dt className="text-muted">{t('case.claimedVersion')}</dt><dd>{c.claimedVersion ?? '—'}</dd></div>
        </dl>
        {open && !c.acknowledged ? <div className="mt-3"><AcknowledgeButton caseId={c.id} /></div> : null}
      </Card>

      <Card title={`${t('case.findings')} (${detail.findings.length})`}>
        <ol className="space-y-4">
          {detail.findings.map((f) => (
            <li key={f.id} className="space-y-1 text-sm" data-testid={`finding-${f.id}`}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-ink">{findingLabel(f)}</span>
                <Badge tone={f.severity === 'critical' || f.severity === 'high' ? 'danger' : 'neutral'}>{tc(`severity.${f.severity}` as 'severity.low')}</Badge>
              </p>
              <p className="whitespace-pre-wrap text-ink">{f.description}</p>
              <p className="text-xs text-muted"><span className="font-medium">{t('case.legalBasis')}:</span> {f.legalBasis || (locale === 'zh' ? f.legalBasisZh : f.legalBasisEn) || '—'}</p>
              {f.evidence.length ? (
                <ul className="flex flex-wrap gap-2 text-xs">
                  {f.evidence.map((e) => <li key={e.sha256}><a className="text-brand-600 underline" href={fileHref(e.sha256)}>{e.originalName || e.sha256.slice(0, 12)}</a></li>)}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>

      {detail.notices.length ? (
        <Card title={t('case.notices')}>
          <ul className="space-y-1 text-sm">
            {detail.notices.map((n) => (
              <li key={n.id}><Link className="text-brand-600 underline" href={`/notices/${n.slug}`}>{locale === 'zh' ? n.titleZh : n.titleEn}</Link></li>
            ))}
          </ul>
        </Card>
      ) : null}

      {open ? (
        <Card title={t('case.reportTitle')}>
          <ReportForm caseId={c.id} />
        </Card>
      ) : null}
      {open && !pendingExtension ? (
        <Card title={t('case.extensionTitle')}>
          <ExtensionForm caseId={c.id} min={minUntil} />
        </Card>
      ) : null}
      {!closed && detail.findings.length ? (
        <Card title={t('case.objectionTitle')}>
          <ObjectionForm caseId={c.id} findings={detail.findings.map((f) => ({ id: f.id, label: `${findingLabel(f)} — ${f.description.slice(0, 40)}` }))} />
        </Card>
      ) : null}

      <Card title={t('case.history')}>
        <ol className="space-y-2 text-sm" data-testid="portal-history">
          {[
            ...detail.events.map((e) => ({ files: [] as { sha256: string; originalName: string }[], at: new Date(e.at), text: `${tc(`caseState.${e.toState}` as 'caseState.open')}${e.deadline ? ` · ${t('cases.deadline')} ${e.deadline}` : ''}${e.version ? ` · ${e.version}` : ''}`, who: e.byContact ? t('case.you') : t('case.office') })),
            ...detail.extensions.map((x) => ({ files: [] as { sha256: string; originalName: string }[], at: new Date(x.at), text: t('case.extended', { from: x.fromDeadline, until: x.until }), who: t('case.office') })),
            ...detail.actions.map((a) => ({
              files: a.evidence,
              at: new Date(a.createdAt),
              text: `${t(`action.${a.kind}` as 'action.report')}${a.until ? ` · ${a.until}` : ''}${a.version ? ` · ${a.version}` : ''}${a.status !== 'done' ? ` — ${t(`status.${a.status}` as 'status.pending')}` : ''}${a.decisionReason ? `: ${a.decisionReason}` : ''}`,
              who: t('case.you'),
            })),
          ]
            .sort((x, y) => x.at.getTime() - y.at.getTime())
            .map((item, i) => (
              <li key={i} className="flex flex-wrap gap-x-3 border-l-2 border-line pl-3">
                <span className="tabular-nums text-muted">{formatDateTime(item.at)}</span>
                <span className="text-muted">{item.who}</span>
                <span className="text-ink">{item.text}</span>
                {item.files.map((f) => <a key={f.sha256} className="break-all text-brand-600 underline" href={fileHref(f.sha256)}>{f.originalName || f.sha256.slice(0, 12)}</a>)}
              </li>
            ))}
        </ol>
      </Card>
    </div>
  );
}
