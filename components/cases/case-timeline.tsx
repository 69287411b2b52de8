import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/lib/cases/detail';
import type { Locale } from '@/lib/i18n/locales';
import { formatDateTime } from '@/lib/i18n/format';
import { StateBadge } from './badges';
import { EvidenceFile } from './evidence-file';

/** Every transition of the case, oldest first: actor, time, reason, deadline, version, notice, evidence. */
export async function CaseTimeline({ detail, locale }: { detail: CaseDetail; locale: Locale }) {
  const t = await getTranslations();
  const mini = detail.subject.kind === 'mini_program';
  return (
    <ol className="relative space-y-4 border-l-2 border-line pl-5" data-testid="timeline">
      {detail.events.map((e) => (
        <li key={e.id} className="relative" data-to={e.toState}>
          <span aria-hidden className="absolute -left-[27px] top-1 h-3 w-3 rounded-full border-2 border-white bg-brand-600 ring-1 ring-line" />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {e.fromState ? (
              <>
                <StateBadge state={e.fromState} mini={mini} />
                <span aria-hidden className="text-muted">→</span>
              </>
            ) : (
              <span className="font-medium">{t('caseDetail.eventOpened')}</span>
            )}
            <StateBadge state={e.toState} mini={mini} />
            <time dateTime={new Date(e.at).toISOString()} className="tabular-nums text-muted">{formatDateTime(e.at)}</time>
            <span className="text-muted">{t('caseDetail.by', { name: e.actorName ?? t('caseDetail.system') })}</span>
            <span className="text-xs text-muted">r{e.revision}</span>
          </div>
          {e.reason ? <p className="mt-1 text-sm text-ink">{e.reason}</p> : null}
          <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-muted">
            {e.deadline ? <span>{t('caseDetail.newDeadline', { date: e.deadline })}</span> : null}
            {e.version ? <span>{t('caseDetail.version', { version: e.version })}</span> : null}
            {e.notice ? (
              <span>
                {t('caseDetail.noticeLink')}:{' '}
                {e.notice.slug && e.notice.status === 'published' ? (
                  <Link href={`/notices/${e.notice.slug}`} className="text-brand-600 underline">{locale === 'zh' ? e.notice.titleZh : e.notice.titleEn}</Link>
                ) : (
                  <Link href={`/notices/manage/${e.notice.id}`} className="text-brand-600 underline">{locale === 'zh' ? e.notice.titleZh : e.notice.titleEn}</Link>
                )}
              </span>
            ) : null}
          </p>
          {e.evidence.length ? (
            <ul className="mt-1 space-y-2 text-xs">
              {e.evidence.map((f) => (
                <li key={f.sha256}>
                  <EvidenceFile file={f} compact />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
