'use client';

import Link from 'next/link';
import type { OperatorListRow } from '@/lib/registry/responses';
import { DataTable } from '@/components/ui/data-table';
import { OffenderLabelMark } from '@/components/offenders/offender-label-mark';
import { RegionName } from '@/components/regions/region-name';

/**
 * The operator list's rows, drawn from their data: the page sends the rows and the labels once instead
 * of every cell's markup twice (the HTML and the RSC payload, issue #18).
 */
export function OperatorTable({ rows, labels }: { rows: OperatorListRow[]; labels: { caption: string; columns: string[]; mark: string; markTitle: string } }) {
  return (
    <DataTable caption={labels.caption} columns={labels.columns}>
      {rows.map((o) => (
        <tr key={o.id} data-testid="operator-row">
          <td><Link href={`/operators/${o.id}`} className="font-medium text-brand-600 hover:underline">{o.name}</Link>{o.repeatOffender ? <OffenderLabelMark mark={labels.mark} title={labels.markTitle} /> : null}</td>
          <td className="font-mono text-xs">{o.uscc}</td>
          <td><RegionName name={o.regionName} unmatched={o.regionUnmatched !== null} /></td>
          <td className="tabular-nums">{o.subjects}</td>
        </tr>
      ))}
    </DataTable>
  );
}
