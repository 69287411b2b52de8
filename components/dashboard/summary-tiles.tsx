'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { Summary } from '@/lib/stats/summary';
import { cn } from '@/components/ui/cn';

async function fetchSummary(): Promise<Summary> {
  const res = await fetch('/api/v1/stats/summary', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`summary ${res.status}`);
  return res.json();
}

/** Headline figures: rendered on the server first, then kept fresh by TanStack Query. */
export function SummaryTiles({ initial }: { initial: Summary }) {
  const t = useTranslations('dashboard');
  const { data } = useQuery({ queryKey: ['stats', 'summary'], queryFn: fetchSummary, initialData: initial, refetchInterval: 60_000 });
  const s = data ?? initial;
  const tiles: { key: string; label: string; value: number; tone?: 'danger' | 'brand' }[] = [
    { key: 'subjects', label: t('subjects'), value: s.subjects },
    { key: 'inspections', label: t('inspections'), value: s.inspections },
    { key: 'findings', label: t('findings'), value: s.findings },
    { key: 'open', label: t('casesOpen'), value: s.cases.current.open },
    { key: 'ordered', label: t('casesOrdered'), value: s.cases.current.ordered, tone: 'brand' },
    { key: 'overdue', label: t('overdue'), value: s.cases.overdue, tone: 'danger' },
    { key: 'notified', label: t('notified'), value: s.cases.current.notified },
    { key: 'removed', label: t('removed'), value: s.cases.current.removed },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-8">
      {tiles.map((tile) => (
        <div
          key={tile.key}
          data-testid={`tile-${tile.key}`}
          className={cn(
            'rounded-md border bg-white px-4 py-3 shadow-sm',
            tile.tone === 'danger' ? 'border-accent/40 border-t-4 border-t-accent' : tile.tone === 'brand' ? 'border-line border-t-4 border-t-brand-600' : 'border-line border-t-4 border-t-[#9aa7b8]',
          )}
        >
          <dt className="text-xs text-muted">{tile.label}</dt>
          <dd className={cn('mt-1 text-2xl font-semibold tabular-nums', tile.tone === 'danger' ? 'text-accent' : 'text-ink')}>
            {tile.value.toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}
