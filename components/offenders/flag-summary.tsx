import { useLocale, useTranslations } from 'next-intl';
import { asExplanation } from '@/lib/offenders/explanation';

/** One line saying why a flag was raised, from its explanation. */
export function FlagSummary({ explanation }: { explanation: unknown }) {
  const t = useTranslations('offenders.summaryText');
  const locale = useLocale();
  const e = asExplanation(explanation);
  switch (e.rule) {
    case 'operator_recurrence':
      return <>{t('operator_recurrence', { count: e.caseCount, subjects: e.subjectCount, from: e.from, to: e.to })}</>;
    case 'subject_recidivism':
      return <>{t('subject_recidivism', { category: locale === 'zh' ? e.category.labelZh : e.category.labelEn, fixedOn: e.fixedOn, againOn: e.foundAgainOn })}</>;
    case 'evasion':
      return <>{t('evasion', { date: e.removedOn })}</>;
    case 'multi_line':
      return <>{t('multi_line', { products: e.productCount ?? e.subjectCount, subjects: e.subjectCount, campaign: locale === 'zh' ? e.campaign.nameZh : e.campaign.nameEn })}</>;
  }
}
