'use client';

import { formatNumber } from '@/lib/i18n/format';
import type { ReactNode } from 'react';
import { toCsv, type CsvValue } from '@/lib/csv';
import { useSoftLinks } from '@/components/ui/soft-links';

export interface TableRow {
  key: string;
  /** The first cell: the row's label (a row header, a link down to the case list when `href`). */
  label: string;
  values: (number | string)[];
  href?: string;
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

const fmt = (v: number | string, locale: string) => (typeof v === 'number' ? formatNumber(v, locale) : v);

/**
 * A chart with its table alternative and a CSV download. The chart is hidden from assistive
 * technology; the same numbers are a real table (one click away on screen, always shown in print),
 * whose row headers link down to the case list like the chart's bars do.
 */
export function ChartFigure({
  caption,
  columns,
  rows,
  csvName,
  labels,
  locale,
  footer,
  children,
}: {
  caption: string;
  /** Header of the label column, then of each value column. */
  columns: string[];
  rows: TableRow[];
  csvName: string;
  labels: { showTable: string; download: string; empty: string };
  locale: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const softLinks = useSoftLinks();
  if (!rows.length) return <p className="py-8 text-center text-sm text-muted">{labels.empty}</p>;
  const csv = () => toCsv([columns, ...rows.map((r) => [r.label, ...r.values] as CsvValue[])]);
  return (
    <figure className="chart-figure space-y-2">
      <figcaption className="sr-only">{caption}</figcaption>
      {children}
      {footer}
      <div className="no-print flex items-center justify-end gap-4 text-xs">
        <button type="button" className="text-brand-600 underline-offset-2 hover:underline" onClick={() => download(`${csvName}.csv`, csv())}>
          {labels.download}
        </button>
      </div>
      <details className="chart-table text-sm">
        <summary className="no-print cursor-pointer text-xs text-brand-600 underline-offset-2 hover:underline">{labels.showTable}</summary>
        <table className="mt-2 w-full border-collapse text-left" onClick={softLinks}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line text-muted">
              {columns.map((c, i) => (
                <th key={c} scope="col" className={i === 0 ? 'py-1.5 pr-4 font-medium' : 'py-1.5 pl-3 text-right font-medium'}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line/60">
                <th scope="row" className="py-1.5 pr-4 font-normal">
                  {r.href ? <a href={r.href} className="text-brand-600 hover:underline">{r.label}</a> : r.label}
                </th>
                {r.values.map((v, i) => (
                  <td key={i} className="py-1.5 pl-3 text-right tabular-nums">{fmt(v, locale)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
