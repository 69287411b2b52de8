import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/i18n/format';
import { casePortalActivity } from '@/lib/portal/staff';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DecisionForm, ExtendForm } from './staff-forms';
import { read } from '@/lib/server/read';

/**
 * Staff, on the case page: everything the operator's contact did on the case (acknowledgement,
 * fix report, requests with their decisions) and every deadline extension, oldest first; a
 * supervisor decides pending requests and extends the deadline here.
 */
export async function CasePortalActivity({ actor, caseId, state }: { actor: Actor; caseId: number; state: string }) {
  const { actions, extensions } = await read(casePortalActivity, caseId);
  const t = await getTranslations('portal');
  const canDecide = can(actor.role, 'case:extend');
  const items = [
    ...actions.map((a) => ({ at: a.createdAt, key: `a${a.id}`, node: (
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-ink">{t(`action.${a.kind}`)}</span>
          {a.until ? <span className="tabular-nums">→ {a.until}</span> : null}
          {a.version ? <span className="font-mono text-xs">{a.version}</span> : null}
          {a.status !== 'done' ? <Badge tone={a.status === 'pending' ? 'warn' : 'neutral'}>{t(`status.${a.status}` as 'status.pending')}</Badge> : null}
          <span className="text-xs text-muted">{t('staff.contact')}: {a.contactName}</span>
        </p>
        {a.body ? <p className="whitespace-pre-wrap text-ink">{a.body}</p> : null}
        {a.decisionReason ? <p className="text-xs text-muted">{a.decidedBy ? t('staff.decidedBy', { name: a.decidedBy }) : ''} {a.decidedAt ? formatDateTime(a.decidedAt) : ''}: {a.decisionReason}</p> : null}
        {a.status === 'pending' && canDecide ? <DecisionForm actionId={a.id} kind={a.kind as 'extension' | 'objection'} /> : null}
      </div>
    ) })),
    ...extensions.map((e) => ({ at: e.at, key: `e${e.id}`, node: (
      <p><span className="font-medium text-ink">{t('case.extended', { from: e.fromDeadline, until: e.until })}</span> <span className="text-xs text-muted">{e.actor}: {e.reason}</span></p>
    ) })),
  ].sort((x, y) => x.at.getTime() - y.at.getTime());
  return (
    <Card title={t('staff.title')}>
      <div className="space-y-3 text-sm" data-testid="portal-activity">
        {items.length ? (
          <ol className="space-y-3">
            {items.map((i) => (
              <li key={i.key} className="border-l-2 border-line pl-3">
                <p className="text-xs tabular-nums text-muted">{formatDateTime(i.at)}</p>
                {i.node}
              </li>
            ))}
          </ol>
        ) : <p className="text-muted">{t('staff.none')}</p>}
        {canDecide && (state === 'ordered' || state === 'notified') ? <ExtendForm caseId={caseId} /> : null}
      </div>
    </Card>
  );
}
