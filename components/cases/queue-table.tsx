'use client';

import { useSoftLinks } from '@/components/ui/soft-links';
import type { CaseState } from '@/lib/cases/ladder';
import { OverdueLabelBadge, StateLabelBadge } from './label-badges';

/** One case of the queue, as the server reads and words it (the sector's label, the days for a screen reader). */
export interface QueueTableRow {
  id: number;
  subjectId: number;
  subjectName: string;
  operatorName: string | null;
  sector: string;
  state: CaseState;
  overdue: boolean;
  deadline: string;
  /** Days past the deadline (overdue) or left before it, as the last column shows them. */
  days: number;
  /** The same, worded for a screen reader ("3 days overdue", "due today"). */
  daysText: string;
}

/** Every label the table shows, translated once per page (not once per cell). */
export interface QueueTableLabels {
  caption: string;
  id: string;
  subject: string;
  operator: string;
  sector: string;
  state: string;
  deadline: string;
  days: string;
  overdueBadge: string;
  states: Partial<Record<CaseState, string>>;
}

// The cells' styles are app/globals.css `.queue-table …` (as the case list's: issue #18).

/**
 * A group of the queue (overdue, or due soon), drawn from its rows' data: the page sends the rows and
 * the labels once instead of every cell's markup twice (the HTML and the RSC payload, issue #18).
 */
export function QueueTable({ rows, labels, testId }: { rows: QueueTableRow[]; labels: QueueTableLabels; testId: string }) {
  const softLinks = useSoftLinks();
  return (
    <div className="relative overflow-x-auto">
      <table className="stack-on-phone queue-table w-full text-sm" data-testid={testId} onClick={softLinks}>
        <caption className="sr-only">{labels.caption}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            <th scope="col">{labels.id}</th>
            <th scope="col">{labels.subject}</th>
            <th scope="col" className="hidden md:table-cell">{labels.operator}</th>
            <th scope="col" className="hidden md:table-cell">{labels.sector}</th>
            <th scope="col">{labels.state}</th>
            <th scope="col">{labels.deadline}</th>
            <th scope="col" className="r">{labels.days}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => {
            const late = i.overdue ? ' late' : '';
            return (
              <tr key={i.id} data-case-id={i.id}>
                <td className="n" data-label={labels.id}><a href={`/cases/${i.id}`} className="id">#{i.id}</a></td>
                <td data-label={labels.subject}><a href={`/subjects/${i.subjectId}`}>{i.subjectName}</a></td>
                <td className="hidden op md:table-cell">{i.operatorName ?? '—'}</td>
                <td className="hidden nw md:table-cell">{i.sector}</td>
                <td data-label={labels.state}>
                  <span className="badges"><StateLabelBadge state={i.state} label={labels.states[i.state] ?? i.state} />{i.overdue ? <OverdueLabelBadge label={labels.overdueBadge} /> : null}</span>
                </td>
                <td className={`nw n${late}`} data-label={labels.deadline}>{i.deadline}</td>
                <td className={`r n${late}`} data-label={labels.days}>
                  <span className="sr-only">{i.daysText}</span>
                  <span aria-hidden>{i.days}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
