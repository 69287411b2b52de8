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
  return <StateLabelBadge state={state} label={state === 'removed' && mini ? t('caseDetail.removedMini') : t(`caseState.${state}`)} />;
}

/**
 * StateBadge with its label already translated, for a server-rendered list: a hook in a server
 * component suspends on its first call in a render, so each row's badge would be sent as a chunk
 * of its own (issue #18).
 */
export function StateLabelBadge({ state, label }: { state: CaseState; label: string }) {
  return (
    <Badge tone={TONE[state]} className={state === 'withdrawn' ? 'line-through decoration-muted/60' : undefined}>
      <span data-state={state}>{label}</span>
    </Badge>
  );
}

/** Overdue is derived (lib/cases/overdue.ts, isOverdue), never stored: the caller passes the verdict. */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const t = useTranslations('cases');
  return overdue ? <OverdueLabelBadge label={t('overdueBadge')} /> : null;
}

/** OverdueBadge with its label already translated (see StateLabelBadge). */
export function OverdueLabelBadge({ label }: { label: string }) {
  return (
    <span data-testid="overdue-badge" className="inline-flex items-center rounded border border-accent bg-accent px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
      {label}
    </span>
  );
}
