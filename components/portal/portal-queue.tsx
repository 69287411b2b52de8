import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import { fixesToVerifyPage, pendingRequestsPage, STAFF_LIST_MAX, STAFF_PAGE_SIZE, unacknowledgedOrdersPage, type PortalPages, type QueueCase } from '@/lib/portal/staff';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { read } from '@/lib/server/read';
import { SoftLinkArea } from '@/components/ui/soft-links';

/**
 * The queue's operator side (DESIGN §9): requests waiting for a supervisor, fixes to verify, orders
 * never acknowledged. Each list is shown STAFF_PAGE_SIZE at a time; `pages` says which page of each,
 * `params` is the rest of the queue's URL, kept by the page links. Each list reads that page and its
 * count (up to STAFF_LIST_MAX), not the whole list.
 */
export async function PortalQueue({ pages, params }: { pages: PortalPages; params: Record<string, string> }) {
  const [pending, fixes, unacknowledged] = await Promise.all([read(pendingRequestsPage, pages.pendingPage), read(fixesToVerifyPage, pages.fixesPage), read(unacknowledgedOrdersPage, pages.unackPage)]);
  const t = await getTranslations('portal.staff');
  const href = (key: keyof PortalPages, page: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, ...pages, [key]: page }).filter(([, v]) => v !== 1).map(([k, v]) => [k, String(v)]));
    return `/queue${query.size ? `?${query}` : ''}#${key}`;
  };
  const list = <T extends QueueCase>({ items, total, page }: { items: T[]; total: number; page: number }, key: keyof PortalPages, title: string, testId: string, extra: (i: T) => React.ReactNode) => {
    const last = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
    return items.length ? (
      <>
        <SoftLinkArea>
          <ul id={key} className="staff-list divide-y divide-line text-sm" data-testid={testId}>
            {items.map((i) => (
              <li key={`${i.id}-${i.at.getTime()}`} data-case-id={i.id}>
                <a href={`/cases/${i.id}`}>#{i.id}</a>
                <span className="text-ink">{i.subjectName}</span>
                <span className="text-muted">{i.operatorName ?? '—'}</span>
                <span className="at">{formatDateTime(i.at)}</span>
                {extra(i)}
              </li>
            ))}
          </ul>
        </SoftLinkArea>
        {last > 1 ? (
          <nav aria-label={t('pagesOf', { title })} className="mt-2 flex flex-wrap items-center justify-between gap-3 border-t border-line pt-2 text-sm" data-testid={`${testId}-pager`}>
            <span className="text-muted">{t('shownOf', { from: (page - 1) * STAFF_PAGE_SIZE + 1, to: (page - 1) * STAFF_PAGE_SIZE + items.length, total })}</span>
            <span className="flex gap-4">
              {page > 1 ? <Link className="text-brand-600 underline" href={href(key, page - 1)} rel="prev">← {t('previousPage')}</Link> : null}
              {page < last ? <Link className="text-brand-600 underline" href={href(key, page + 1)} rel="next">{t('nextPage')} →</Link> : null}
            </span>
          </nav>
        ) : null}
        {total >= STAFF_LIST_MAX ? <p className="mt-2 text-xs text-muted">{t('capped')}</p> : null}
      </>
    ) : <p className="text-sm text-muted">{t('noneHere')}</p>;
  };
  return (
    <>
      <Card title={`${t('pendingTitle')} (${pending.total})`}>
        {list(pending, 'pendingPage', t('pendingTitle'), 'queue-portal-pending', (p) => (
          <Badge tone="warn">{p.kind === 'extension' ? t('requestKind.extension', { until: p.until ?? '' }) : t('requestKind.objection')}</Badge>
        ))}
      </Card>
      <Card title={`${t('fixesTitle')} (${fixes.total})`}>
        {list(fixes, 'fixesPage', t('fixesTitle'), 'queue-fixes', (i) => (
          <>
            {i.detail ? <span className="font-mono text-xs break-all">{i.detail}</span> : null}
            {i.viaPortal ? <Badge tone="brand">{t('viaPortal')}</Badge> : null}
          </>
        ))}
      </Card>
      <Card title={`${t('unackTitle')} (${unacknowledged.total})`}>
        {list(unacknowledged, 'unackPage', t('unackTitle'), 'queue-unacknowledged', (i) => (i.deadline ? <span className="tabular-nums text-xs">{i.deadline}</span> : null))}
      </Card>
    </>
  );
}
