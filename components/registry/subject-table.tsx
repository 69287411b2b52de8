'use client';

import type { SubjectListRow } from '@/lib/registry/responses';
import { DataTable, type Column } from '@/components/ui/data-table';
import { OffenderLabelMark } from '@/components/offenders/offender-label-mark';
import { CaseStateBadge } from './case-state-badge';
import { useSoftLinks } from '@/components/ui/soft-links';

/** Every word the subject list's rows show, translated once per page (not once per cell). */
export interface SubjectTableLabels {
  caption: string;
  columns: Column[];
  /** "kind · platform" and the sector, by code. */
  kinds: Record<string, string>;
  platforms: Record<string, string>;
  sectors: Record<string, string>;
  states: Record<string, string>;
  caseNo: string;
  noCase: string;
  overdueBadge: string;
  mark: string;
  markTitle: string;
}

/**
 * The subject list's rows, drawn from their data: the page sends the rows and the labels once instead
 * of every cell's markup twice (the HTML and the RSC payload, issue #18).
 */
export function SubjectTable({ rows, labels }: { rows: SubjectListRow[]; labels: SubjectTableLabels }) {
  const mark = (on: boolean) => (on ? <OffenderLabelMark mark={labels.mark} title={labels.markTitle} /> : null);
  const softLinks = useSoftLinks();
  return (
    <DataTable caption={labels.caption} columns={labels.columns} onClick={softLinks}>
      {rows.map((s) => (
        <tr key={s.id} data-testid="subject-row">
          <td><a href={`/subjects/${s.id}`} className="font-medium text-brand-600 hover:underline">{s.name}</a>{mark(s.repeatOffender)}</td>
          <td className="whitespace-nowrap">{labels.kinds[s.kind] ?? s.kind} · {labels.platforms[s.platform] ?? s.platform}</td>
          <td>{labels.sectors[s.sector] ?? s.sector}</td>
          <td>{s.operatorId ? <><a href={`/operators/${s.operatorId}`} className="hover:underline">{s.operatorName}</a>{mark(s.operatorRepeatOffender)}</> : '—'}</td>
          <td>
            {s.latestState ? (
              <a href={`/cases/${s.latestCaseId}`} aria-label={`${labels.caseNo} ${s.latestCaseId}`}>
                <CaseStateBadge state={s.latestState} label={labels.states[s.latestState] ?? s.latestState} overdue={s.overdue} overdueLabel={labels.overdueBadge} />
              </a>
            ) : <span className="text-muted">{labels.noCase}</span>}
          </td>
          <td className="tabular-nums whitespace-nowrap">{s.lastInspectedOn ?? '—'}</td>
          <td className="tabular-nums whitespace-nowrap text-muted">{s.createdAt}</td>
        </tr>
      ))}
    </DataTable>
  );
}
