import { useTranslations } from 'next-intl';
import type { CaseState } from '@/lib/cases/ladder';
import { OverdueLabelBadge, StateLabelBadge } from './label-badges';

export { OverdueLabelBadge, StateLabelBadge };

/** A case state, in the reader's language; removal reads 禁止搜索 for mini programs. */
export function StateBadge({ state, mini = false }: { state: CaseState; mini?: boolean }) {
  const t = useTranslations();
  return <StateLabelBadge state={state} label={state === 'removed' && mini ? t('caseDetail.removedMini') : t(`caseState.${state}`)} />;
}

/** Overdue is derived (lib/cases/overdue.ts, isOverdue), never stored: the caller passes the verdict. */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const t = useTranslations('cases');
  return overdue ? <OverdueLabelBadge label={t('overdueBadge')} /> : null;
}

