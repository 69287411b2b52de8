import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { FlagRule, FlagStatus } from '@/lib/offenders/types';

const RULE_TONE: Record<FlagRule, 'danger' | 'warn' | 'brand' | 'neutral'> = {
  evasion: 'danger',
  subject_recidivism: 'warn',
  operator_recurrence: 'brand',
  multi_line: 'neutral',
};
const STATUS_TONE: Record<FlagStatus, 'warn' | 'danger' | 'neutral'> = { open: 'warn', confirmed: 'danger', dismissed: 'neutral' };

export function RuleBadge({ rule }: { rule: FlagRule }) {
  const t = useTranslations('offenders.ruleName');
  return <Badge tone={RULE_TONE[rule]}>{t(rule)}</Badge>;
}

export function FlagStatusBadge({ status, resolved }: { status: FlagStatus; resolved?: boolean }) {
  const t = useTranslations('offenders');
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONE[status]}>{t(`statusName.${status}`)}</Badge>
      {resolved ? <Badge tone="neutral">{t('resolved')}</Badge> : null}
    </span>
  );
}
