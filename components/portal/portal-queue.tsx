import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import { fixesToVerify, pendingRequests, STAFF_LIST_MAX, unacknowledgedOrders, type QueueCase } from '@/lib/portal/staff';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { read } from '@/lib/server/read';

/** The queue's operator side (DESIGN §9): requests waiting for a supervisor, fixes to verify, orders never acknowledged. */
export async function PortalQueue() {
  const [pending, fixes, unacknowledged] = await Promise.all([read(pendingRequests), read(fixesToVerify), read(unacknowledgedOrders)]);
  const t = await getTranslations('portal.staff');
  const list = (items: QueueCase[], testId: string, extra: (i: QueueCase) => React.ReactNode) =>
    items.length ? (
      <>
        <ul className="divide-y divide-line text-sm" data-testid={testId}>
          {items.map((i) => (
            <li key={`${i.id}-${i.at.getTime()}`} data-case-id={i.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
              <Link prefetch={false} href={`/cases/${i.id}`} className="font-medium text-brand-600 hover:underline">#{i.id}</Link>
              <span className="text-ink">{i.subjectName}</span>
              <span className="text-muted">{i.operatorName ?? '—'}</span>
              <span className="tabular-nums text-muted">{formatDateTime(i.at)}</span>
              {extra(i)}
            </li>
          ))}
        </ul>
        {items.length >= STAFF_LIST_MAX ? <p className="mt-2 text-xs text-muted">{t('capped')}</p> : null}
      </>
    ) : <p className="text-sm text-muted">{t('noneHere')}</p>;
  return (
    <>
      <Card title={`${t('pendingTitle')} (${pending.length})`}>
        {list(pending, 'queue-portal-pending', (i) => {
          const p = pending.find((x) => x.id === i.id && x.at === i.at)!;
          return <Badge tone="warn">{p.kind === 'extension' ? t('requestKind.extension', { until: p.until ?? '' }) : t('requestKind.objection')}</Badge>;
        })}
      </Card>
      <Card title={`${t('fixesTitle')} (${fixes.length})`}>
        {list(fixes, 'queue-fixes', (i) => (
          <>
            {i.detail ? <span className="font-mono text-xs break-all">{i.detail}</span> : null}
            {i.viaPortal ? <Badge tone="brand">{t('viaPortal')}</Badge> : null}
          </>
        ))}
      </Card>
      <Card title={`${t('unackTitle')} (${unacknowledged.length})`}>
        {list(unacknowledged, 'queue-unacknowledged', (i) => (i.deadline ? <span className="tabular-nums text-xs">{i.deadline}</span> : null))}
      </Card>
    </>
  );
}
