import { Badge } from '@/components/ui/badge';

const TONE = {
  open: 'neutral', ordered: 'brand', rectified: 'warn', verified: 'ok', notified: 'danger', removed: 'danger', reinstated: 'ok', withdrawn: 'neutral',
} as const;

/** A case state as a badge, with an overdue badge beside it when the deadline has passed. */
export function CaseStateBadge({ state, label, overdue, overdueLabel }: { state: string; label: string; overdue?: boolean; overdueLabel?: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TONE[state as keyof typeof TONE] ?? 'neutral'}>{label}</Badge>
      {overdue ? <span className="inline-flex items-center rounded border border-accent bg-accent px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">{overdueLabel}</span> : null}
    </span>
  );
}
