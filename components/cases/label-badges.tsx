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

/**
 * StateBadge with its label already translated, for a server-rendered list: a hook in a server
 * component suspends on its first call in a render, so each row's badge would be sent as a chunk
 * of its own (issue #18). No hook here: a client list (components/cases/queue-table.tsx) draws it too, and a
 * client component's file reads no message namespace it does not need (lib/i18n/client-namespaces.ts).
 */
export function StateLabelBadge({ state, label }: { state: CaseState; label: string }) {
  return (
    <Badge tone={TONE[state]} className={state === 'withdrawn' ? 'line-through decoration-muted/60' : undefined}>
      <span data-state={state}>{label}</span>
    </Badge>
  );
}

/** OverdueBadge with its label already translated (see StateLabelBadge). */
export function OverdueLabelBadge({ label }: { label: string }) {
  return (
    <span data-testid="overdue-badge" className="inline-flex items-center rounded border border-accent bg-accent px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
      {label}
    </span>
  );
}
