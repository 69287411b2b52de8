import type { ReactNode } from 'react';

/**
 * A chart with its table alternative: the chart is hidden from assistive technology and the same
 * numbers are given as a real table, one click away for sighted readers.
 */
export function ChartFigure({
  caption,
  tableLabel,
  columns,
  rows,
  children,
}: {
  caption: string;
  tableLabel: string;
  columns: [string, string];
  rows: { key: string; label: string; value: number }[];
  children: ReactNode;
}) {
  return (
    <figure className="space-y-3">
      <figcaption className="sr-only">{caption}</figcaption>
      {children}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-600 underline-offset-2 hover:underline">{tableLabel}</summary>
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line text-muted">
              <th scope="col" className="py-1.5 pr-4 font-medium">{columns[0]}</th>
              <th scope="col" className="py-1.5 text-right font-medium">{columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line/60">
                <th scope="row" className="py-1.5 pr-4 font-normal">{r.label}</th>
                <td className="py-1.5 text-right tabular-nums">{r.value.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
