'use client';

import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import type { StatsFilters } from '@/lib/stats/filters';
import { drill } from '@/lib/stats/drill';
import type { CaseState, Summary } from '@/lib/stats/summary';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { useDashboardLocale } from './chart-card';

const STATE_TONE: Record<CaseState, 'neutral' | 'brand' | 'danger' | 'ok' | 'warn'> = {
  open: 'neutral', ordered: 'brand', rectified: 'warn', verified: 'ok', notified: 'danger', removed: 'danger', reinstated: 'ok', withdrawn: 'neutral',
};

/** The headline figures, each linking to the cases behind it where there is a list. */
export function SummaryTiles({ summary, filters }: { summary: Summary; filters: StatsFilters }) {
  const { t, num } = useDashboardLocale();
  const tiles: { key: string; label: string; value: number; href?: string; tone?: 'danger' | 'brand' }[] = [
    { key: 'subjects', label: t('subjects'), value: summary.subjects, href: drill.subjects(filters) },
    { key: 'inspections', label: t('inspections'), value: summary.inspections },
    { key: 'findings', label: t('findings'), value: summary.findings },
    { key: 'open', label: t('casesOpen'), value: summary.cases.current.open, href: drill.state(filters, 'open') },
    { key: 'ordered', label: t('casesOrdered'), value: summary.cases.current.ordered, href: drill.state(filters, 'ordered'), tone: 'brand' },
    { key: 'overdue', label: t('overdue'), value: summary.cases.overdue, href: drill.overdue(filters), tone: 'danger' },
    { key: 'repeat-operators', label: t('repeatOperators'), value: summary.repeatOffenders.operators, href: drill.repeatOperators(filters) },
    { key: 'repeat-subjects', label: t('repeatSubjects'), value: summary.repeatOffenders.subjects, href: drill.repeatSubjects(filters) },
  ];
  return (
    <div className="space-y-1.5">
    <dl className="summary-tiles grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-8">
      {tiles.map((tile) => {
        const value = <span className={cn('mt-1 block text-2xl font-semibold tabular-nums', tile.tone === 'danger' ? 'text-accent' : 'text-ink')}>{num(tile.value)}</span>;
        return (
          <div
            key={tile.key}
            data-testid={`tile-${tile.key}`}
            className={cn(
              'rounded-md border bg-white px-3 py-2.5 shadow-sm',
              tile.tone === 'danger' ? 'border-accent/40 border-t-4 border-t-accent' : tile.tone === 'brand' ? 'border-line border-t-4 border-t-brand-600' : 'border-line border-t-4 border-t-[#9aa7b8]',
            )}
          >
            <dt className="text-xs leading-snug text-muted">{tile.label}</dt>
            <dd>{tile.href ? <Link href={tile.href} className="hover:underline">{value}</Link> : value}</dd>
          </div>
        );
      })}
    </dl>
    <p className="text-xs text-muted" data-testid="overdue-note">{t('overdueNote')}</p>
    </div>
  );
}

/** Current states as a table with badges; each count links to the case list. */
export function StateTable({ summary, filters }: { summary: Summary; filters: StatsFilters }) {
  const { t, num } = useDashboardLocale();
  const ts = useTranslations('caseState');
  const states = Object.keys(summary.cases.current) as CaseState[];
  const total = states.reduce((a, s) => a + summary.cases.current[s], 0);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t('casesByState')}</caption>
      <thead>
        <tr className="border-b border-line text-left text-muted">
          <th scope="col" className="py-1.5 font-medium">{t('state')}</th>
          <th scope="col" className="py-1.5 text-right font-medium">{t('cases')}</th>
          <th scope="col" className="py-1.5 text-right font-medium">{t('share')}</th>
        </tr>
      </thead>
      <tbody>
        {states.map((s) => (
          <tr key={s} className="border-b border-line/60" data-testid={`state-${s}`}>
            <th scope="row" className="py-1.5 text-left font-normal">
              <Badge tone={STATE_TONE[s]}>{ts(s)}</Badge>
            </th>
            <td className="py-1.5 text-right tabular-nums">
              <Link href={drill.state(filters, s)} className="text-brand-600 hover:underline">{num(summary.cases.current[s])}</Link>
            </td>
            <td className="py-1.5 text-right tabular-nums text-muted">{total ? `${((summary.cases.current[s] / total) * 100).toFixed(1)}%` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
