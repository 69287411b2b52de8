import { useTranslations } from 'next-intl';
import type { CaseState } from '@/lib/cases/ladder';
import { Badge } from '@/components/ui/badge';

const TONE: Record<CaseState, 'neutral' | 'brand' | 'danger' | 'ok' | 'warn'> = {
  open: 'neutral',
  ordered: 'brand',
  rectified: 'warn',
  verified: 'ok',
  notified: 'danger',
  removed: 'danger',
  reinstated: 'ok',
  withdrawn: 'neutral',
};

/** A case state, in the reader's language; removal reads 禁止搜索 for mini programs. */
export function StateBadge({ state, mini = false }: { state: CaseState; mini?: boolean }) {
  const t = useTranslations();
  const label = state === 'removed' && mini ? t('caseDetail.removedMini') : t(`caseState.${state}`);
  return (
    <Badge tone={TONE[state]} className={state === 'withdrawn' ? 'line-through decoration-muted/60' : undefined}>
      <span data-state={state}>{label}</span>
    </Badge>
  );
}

/** Overdue is derived (lib/cases/overdue.ts, isOverdue), never stored: the caller passes the verdict. */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const t = useTranslations('cases');
  if (!overdue) return null;
  return (
    <span data-testid="overdue-badge" className="inline-flex items-center rounded border border-accent bg-accent px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
      {t('overdueBadge')}
    </span>
  );
}
