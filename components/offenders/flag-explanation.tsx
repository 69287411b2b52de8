import Link from '@/components/ui/link';
import { formatDay } from '@/lib/i18n/format';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { Explanation } from '@/lib/offenders/explanation';
import type { FlagRow } from '@/lib/offenders/types';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 border-b border-line/60 py-1.5 text-sm last:border-0 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words text-ink">{children}</dd>
    </div>
  );
}

/** The rule, its threshold and window, and who and when the flag is about. */
export async function FlagExplanation({ flag, e }: { flag: FlagRow; e: Explanation }) {
  const [t, locale] = await Promise.all([getTranslations('offenders'), getLocale()]);
  const zh = locale === 'zh';
  const operator = e.operator;
  const subject = e.rule === 'evasion' || e.rule === 'subject_recidivism' ? e.subject : null;
  const period =
    e.rule === 'operator_recurrence' || e.rule === 'multi_line' ? `${e.from} – ${e.to}`
    : e.rule === 'subject_recidivism' ? `${e.fixedOn} – ${e.foundAgainOn}`
    : e.removedOn;
  return (
    <dl data-testid="flag-explanation">
      <Row label={t('detail.ruleApplied')}>
        <span className="font-medium">{t(`ruleName.${e.rule}`)}</span>
        <span className="block text-muted">{t(`ruleText.${e.rule}`, { threshold: e.threshold, window: e.windowMonths ?? 0 })}</span>
      </Row>
      <Row label={t('detail.threshold')}>{e.threshold}</Row>
      <Row label={t('detail.window')}>{e.windowMonths ? t('detail.months', { n: e.windowMonths }) : t('detail.notApplicable')}</Row>
      {e.rule === 'multi_line' ? <Row label={t('campaign')}>{zh ? e.campaign.nameZh : e.campaign.nameEn} <span className="text-muted">({e.campaign.startsOn} – {e.campaign.endsOn})</span></Row> : null}
      {e.rule === 'subject_recidivism' ? <Row label={t('detail.recidivismCategory')}>{zh ? e.category.labelZh : e.category.labelEn}</Row> : null}
      {subject ? (
        <Row label={t('detail.subject')}>
          <Link href={`/subjects/${subject.id}`} className="font-medium text-brand-600 hover:underline">{subject.name}</Link>
          {e.rule === 'evasion' ? <span className="ml-2 text-muted">({t('evasion.title')}: {e.subject.registeredOn})</span> : null}
        </Row>
      ) : null}
      {operator ? (
        <Row label={t('detail.operator')}>
          <Link href={`/offenders/operators/${operator.id}`} className="font-medium text-brand-600 hover:underline">{operator.name}</Link>
          <span className="block text-xs text-muted">{t('detail.uscc')} {operator.uscc} · {operator.region}</span>
        </Row>
      ) : null}
      <Row label={t('detail.period')}>{period}</Row>
      <Row label={t('detail.firstRaised')}>{formatDay(flag.firstRaisedAt)}</Row>
      <Row label={t('detail.evidenceKey')}><code className="text-xs break-all">{flag.evidenceKey}</code></Row>
      {e.newSinceReview?.length ? (
        <Row label={t('detail.reviewTitle')}>
          <Badge tone="danger">{t('detail.newSinceReview', { cases: e.newSinceReview.map((id) => `#${id}`).join(', ') })}</Badge>
        </Row>
      ) : null}
    </dl>
  );
}

/** Evasion: which removed subjects it matches, through which identifiers, removed when. */
export async function EvasionMatches({ e }: { e: Extract<Explanation, { rule: 'evasion' }> }) {
  const t = await getTranslations('offenders');
  return (
    <DataTable caption={t('detail.identifiersTitle')} testId="evasion-matches" columns={[t('detail.matchedSubject'), t('detail.removedOn'), t('detail.via'), { label: t('detail.registeredAfter'), hideOnPhone: true }]}>
        {e.matches.map((m) => (
          <tr key={`${m.subjectId}-${m.removedCaseId}`} className="align-top">
            <td className="px-3 py-2">
              <Link href={`/subjects/${m.subjectId}`} className="font-medium text-brand-600 hover:underline">{m.name}</Link>
              <span className="block text-xs text-muted">{m.operatorName} · <Link href={`/cases/${m.removedCaseId}`} className="hover:underline">#{m.removedCaseId}</Link></span>
            </td>
            <td className="px-3 py-2 tabular-nums">{m.removedOn}</td>
            <td className="px-3 py-2">
              {m.via.map((v) => (
                <span key={`${v.type}-${v.value}`} className="block">
                  <span className="text-muted">{t(`identifierType.${v.type as 'package_name'}`)}:</span> <code className="text-xs">{v.value}</code>
                </span>
              ))}
            </td>
            <td className="px-3 py-2">{m.registeredAfter ? <Badge tone="danger">{t('detail.registeredAfter')}</Badge> : <Badge tone="warn">{t('detail.stillListed')}</Badge>}</td>
          </tr>
        ))}
    </DataTable>
  );
}
