'use client';

import type { OperatorListRow } from '@/lib/registry/responses';
import { DataTable } from '@/components/ui/data-table';
import { OffenderLabelMark } from '@/components/offenders/offender-label-mark';
import { useTranslations } from 'next-intl';
import { RegionLabel } from '@/components/regions/region-name';
import { useSoftLinks } from '@/components/ui/soft-links';

/**
 * The operator list's rows, drawn from their data: the page sends the rows and the labels once instead
 * of every cell's markup twice (the HTML and the RSC payload, issue #18).
 */
export function OperatorTable({ rows, labels }: { rows: OperatorListRow[]; labels: { caption: string; columns: string[]; mark: string; markTitle: string } }) {
  const softLinks = useSoftLinks();
  const t = useTranslations('regions');
  const region = { unmatched: t('unmatched'), unmatchedHint: t('unmatchedHint') };
  return (
    <DataTable caption={labels.caption} columns={labels.columns} onClick={softLinks}>
      {rows.map((o) => (
        <tr key={o.id} data-testid="operator-row">
          <td><a href={`/operators/${o.id}`} className="font-medium text-brand-600 hover:underline">{o.name}</a>{o.repeatOffender ? <OffenderLabelMark mark={labels.mark} title={labels.markTitle} /> : null}</td>
          <td className="font-mono text-xs">{o.uscc}</td>
          <td><RegionLabel name={o.regionName} unmatched={o.regionUnmatched !== null} words={region} /></td>
          <td className="tabular-nums">{o.subjects}</td>
        </tr>
      ))}
    </DataTable>
  );
}
