'use client';

import { formatNumber, formatPercent } from '@/lib/i18n/format';
import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ChartFigure, type TableRow } from '@/components/charts/chart-figure';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { INTL_LOCALE, pickLabel, toLocale } from '@/lib/i18n/locales';
import type { StatsPeriod } from '@/lib/stats/links';

/** The reader's locale and the helpers every dashboard section needs. */
export function useDashboardLocale() {
  const locale = toLocale(useLocale());
  const t = useTranslations('dashboard');
  const intl = INTL_LOCALE[locale];
  return {
    locale,
    intl,
    t,
    label: (row: { labelZh: string; labelEn: string }) => pickLabel(row, locale),
    num: (n: number) => formatNumber(n, locale),
    pct: (share: number) => formatPercent(share, locale),
    period: (p: StatsPeriod) => {
      const from = p.from?.slice(0, 7);
      const to = p.to?.slice(0, 7);
      if (from && to) return t('range', { from, to });
      if (from) return t('since', { from });
      if (to) return t('until', { to });
      return t('allTime');
    },
  };
}

/** A card holding one chart: a title that says what is shown and in what unit, the period, a note. */
export function ChartCard({
  id,
  title,
  period,
  note,
  columns,
  rows,
  footer,
  className,
  children,
}: {
  id: string;
  title: string;
  period: string;
  note?: ReactNode;
  columns: string[];
  rows: TableRow[];
  footer?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const { t, intl } = useDashboardLocale();
  return (
    <Card title={title} className={cn('chart-card break-inside-avoid', className)} action={<span className="text-xs whitespace-nowrap text-muted">{period}</span>}>
      <div data-chart={id}>
        {note ? <p className="mb-2 text-xs text-muted">{note}</p> : null}
        <ChartFigure
          caption={`${title} — ${period}`}
          columns={columns}
          rows={rows}
          csvName={`rectify-${id}`}
          locale={intl}
          footer={footer}
          labels={{ showTable: t('showTable'), download: t('download'), empty: t('empty') }}
        >
          {children}
        </ChartFigure>
      </div>
    </Card>
  );
}
