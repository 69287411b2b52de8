import { formatDay } from '@/lib/i18n/format';
import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { getTranslations } from 'next-intl/server';
import { FlagStatusBadge, RuleBadge } from '@/components/offenders/badges';
import { FlagSummary } from '@/components/offenders/flag-summary';
import { OffenderMark } from '@/components/offenders/offender-mark';
import { QueueFilters } from '@/components/offenders/queue-filters';
import { buttonClass } from '@/components/ui/button';
import { requirePagePermission } from '@/lib/auth/page';
import { confirmedOperatorIds } from '@/lib/offenders/marks';
import { listFlags } from '@/lib/offenders/queries';
import { flagFiltersSchema } from '@/lib/offenders/schemas';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The supervisors' review queue: open flags by weight, filtered through the URL. */
export default async function OffendersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission('offender:read');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== ''));
  const parsed = flagFiltersSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : flagFiltersSchema.parse({});
  const [t, page, marked] = await Promise.all([getTranslations('offenders'), firstPageOnBadCursor(filters, (q) => read(listFlags, q)), read(confirmedOperatorIds)]);
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(raw as Record<string, string>), ...extra }).toString();

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('subtitle')}</p>
        <p className="mt-1 text-xs text-muted" data-testid="weight-hint">{t('weightHint')}</p>
      </div>
      <QueueFilters filters={filters} />
      <DataTable
        caption={t('title')}
        testId="offender-queue"
        stackOnPhone
        columns={[
          { label: '#', bareOnPhone: true },
          { label: t('rule'), bareOnPhone: true },
          { label: t('target'), bareOnPhone: true },
          { label: t('summary'), hideOnPhone: true },
          { label: t('cases'), numeric: true, hideOnPhone: true },
          { label: t('weight'), numeric: true, hideOnPhone: true },
          t('status'),
          { label: t('updated'), hideOnPhone: true },
        ]}
        empty={t('empty')}
      >
            {page.items.map((f) => (
              <tr key={f.id} className="border-t border-line/70 align-top hover:bg-canvas/60" data-rule={f.rule}>
                <td className="px-3 py-2 tabular-nums">
                  <Link href={`/offenders/${f.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline" aria-label={t('open', { id: f.id })}>
                    {/* On a phone the column's "#" label is not shown, so the card leads with "#50", not a bare "50". */}
                    <span className="sm:hidden" aria-hidden>#</span>{f.id}
                  </Link>
                </td>
                <td className="px-3 py-2"><RuleBadge rule={f.rule} /></td>
                <td className="px-3 py-2">
                  {f.subjectId ? (
                    <Link href={`/subjects/${f.subjectId}`} className="block font-medium text-ink hover:underline">{f.subjectName}</Link>
                  ) : null}
                  {f.operatorId ? (
                    <Link href={`/offenders/operators/${f.operatorId}`} className={f.subjectId ? 'text-xs text-muted hover:underline' : 'font-medium text-ink hover:underline'}>
                      {f.operatorName}
                    </Link>
                  ) : null}
                  {f.operatorId && marked.has(f.operatorId) ? <OffenderMark /> : null}
                  {f.region ? <span className="block text-xs text-muted">{f.region}</span> : null}
                </td>
                <td className="px-3 py-2 text-ink"><FlagSummary explanation={f.explanation} /></td>
                <td className="px-3 py-2 text-right tabular-nums">{f.caseCount}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.weight}</td>
                <td className="px-3 py-2"><FlagStatusBadge status={f.status} resolved={!!f.resolvedAt} /></td>
                <td className="px-3 py-2 whitespace-nowrap text-muted">{formatDay(f.updatedAt)}</td>
              </tr>
            ))}
      </DataTable>
      <nav className="flex items-center justify-between text-sm" aria-label={t('next')}>
        <span className="text-muted">{t('count', { count: page.items.length })}</span>
        <span className="flex gap-2">
          {filters.cursor ? <Link className={buttonClass('secondary', 'py-1.5')} href={`/offenders?${query({ cursor: '' }).replace(/(^|&)cursor=(&|$)/, '$1')}`}>{t('first')}</Link> : null}
          {page.nextCursor ? <Link className={buttonClass('secondary', 'py-1.5')} href={`/offenders?${query({ cursor: page.nextCursor })}`}>{t('next')}</Link> : null}
        </span>
      </nav>
    </div>
  );
}
