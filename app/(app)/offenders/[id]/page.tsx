import { formatDateTime } from '@/lib/i18n/format';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FlagStatusBadge, RuleBadge } from '@/components/offenders/badges';
import { FlagCasesTable } from '@/components/offenders/flag-cases';
import { EvasionMatches, FlagExplanation } from '@/components/offenders/flag-explanation';
import { ReviewForm } from '@/components/offenders/review-form';
import { ReviewHistory } from '@/components/offenders/review-history';
import { SubjectEvasion } from '@/components/offenders/subject-evasion';
import { Card } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { asExplanation } from '@/lib/offenders/explanation';
import { flagCases, flagHistory, getFlagOrThrow } from '@/lib/offenders/queries';
import { read, readOrNotFound } from '@/lib/server/read';

/** A flag explains itself: the rule and threshold, and the cases, subjects, identifiers and dates behind it. */
export default async function FlagPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('offender:read');
  const { id: raw } = await params;
  const id = Number(raw);
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const flag = await readOrNotFound(getFlagOrThrow, id);
  const [t, { cases, total }, history] = await Promise.all([getTranslations('offenders'), read(flagCases, flag.caseIds), read(flagHistory, [flag.id])]);
  const e = asExplanation(flag.explanation);
  const fresh = new Set(e.newSinceReview ?? []);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href="/offenders" className="text-sm text-brand-600 hover:underline">← {t('detail.back')}</Link>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-semibold text-ink">
            {t('detail.title', { id: flag.id })}
            <RuleBadge rule={flag.rule} />
            <FlagStatusBadge status={flag.status} resolved={!!flag.resolvedAt} />
          </h1>
          <p className="mt-1 text-sm text-muted">{t('weight')}: <span className="tabular-nums">{flag.weight}</span> · {t('updated')}: {formatDateTime(flag.updatedAt)}</p>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <div className="min-w-0 space-y-4 xl:col-span-2">
          <Card title={t('detail.ruleApplied')}>
            <FlagExplanation flag={flag} e={e} />
          </Card>
          {e.rule === 'evasion' ? (
            <Card title={t('detail.identifiersTitle')}>
              <div className="space-y-3">
                <EvasionMatches e={e} />
                <SubjectEvasion subjectId={e.subject.id} />
              </div>
            </Card>
          ) : null}
          <Card title={`${t('detail.casesTitle')} (${total})`}>
            <FlagCasesTable cases={cases} fresh={fresh} />
            {total > cases.length ? (
              <p className="mt-2 text-sm text-muted" data-testid="flag-cases-more">
                {t('detail.moreCases', { count: total - cases.length })}{' '}
                <Link href={`/cases?${flag.subjectId ? `subject=${flag.subjectId}` : `operator=${flag.operatorId}`}`} className="text-brand-600 hover:underline">{t('detail.moreCasesLink')}</Link>
              </p>
            ) : null}
          </Card>
        </div>
        <div className="space-y-4">
          <Card title={t('detail.reviewTitle')}>
            {flag.status !== 'open' ? (
              <div className="space-y-1 text-sm">
                <FlagStatusBadge status={flag.status} />
                {flag.escalation ? <p className="font-medium">{t(`escalation.${flag.escalation}`)}</p> : null}
                {flag.reviewReason ? <p>{flag.reviewReason}</p> : null}
              </div>
            ) : can(actor.role, 'offender:review') ? (
              <ReviewForm flagId={flag.id} />
            ) : (
              <p className="text-sm text-muted">{t('detail.cannotReview')}</p>
            )}
          </Card>
          <Card title={t('detail.historyTitle')}>
            <ReviewHistory events={history} />
          </Card>
        </div>
      </div>
    </div>
  );
}
