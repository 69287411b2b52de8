import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CaseListItem } from '@/lib/cases/list';
import type { CaseState } from '@/lib/cases/ladder';
import { formatDay } from '@/lib/i18n/format';
import { OverdueLabelBadge, stateLabelKey, StateLabelBadge } from './badges';
import { CaseRefusal, CaseSelection, SelectCaseBox, SelectPageBox, type Matching } from './case-selection';
import { OffenderMark } from '@/components/offenders/offender-mark';

export type CaseTableRow = CaseListItem & { targets: CaseState[] };

const th = 'px-2 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap';
const td = 'px-2 py-1.5 align-top';

/**
 * The case list: state and overdue badges, deadlines, and (for roles that may act) bulk selection.
 * The rows are rendered here, on the server, once; only the selection is client code
 * (case-selection.tsx), and a selected row is highlighted by CSS (`has-checked:`), issue #18.
 */
export async function CaseTable({ rows, labels, canAct, defaultDeadline, matching }: {
  rows: CaseTableRow[];
  labels: { sectors: Record<string, string>; categories: Record<string, string> };
  canAct: boolean;
  defaultDeadline: string;
  /**
   * Every case the filters match (counted up to the bulk limit + 1), the states they are in with what
   * each may become, and the filters as a query string: for "select all N matching".
   */
  matching?: Matching;
}) {
  const t = await getTranslations();
  const table = (
    <div className="overflow-x-auto rounded-md border border-line bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="case-table">
        <caption className="sr-only">{t('cases.tableCaption')}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            {canAct ? (
              <th scope="col" className={`${th} w-8`}>
                <SelectPageBox label={t('cases.selectAll')} />
              </th>
            ) : null}
            <th scope="col" className={th}>{t('cases.id')}</th>
            <th scope="col" className={th}>{t('cases.subject')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{t('cases.operator')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{t('cases.sector')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{t('cases.categories')}</th>
            <th scope="col" className={th}>{t('cases.state')}</th>
            <th scope="col" className={th}>{t('cases.deadline')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{t('cases.opened')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{t('caseWork.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-case-id={r.id} className="border-b border-line/70 last:border-0 hover:bg-canvas/60 has-checked:bg-brand-50/60">
              {canAct ? (
                <td className={td}>
                  <SelectCaseBox id={r.id} label={t('cases.select', { id: r.id })} disabled={r.targets.length === 0} />
                </td>
              ) : null}
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                <Link prefetch={false} href={`/cases/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">#{r.id}</Link>
                {r.previousCaseId ? <span className="ml-1 rounded bg-warn/10 px-1 text-[11px] text-warn">{t('cases.recurrence')}</span> : null}
                {canAct ? <CaseRefusal id={r.id} /> : null}
              </td>
              <td className={td}>
                <Link prefetch={false} href={`/subjects/${r.subjectId}`} className="text-ink underline-offset-2 hover:underline">{r.subjectName}</Link>
                <OffenderMark marked={r.repeatOffender} />
                <div className="text-xs text-muted">{t(`subjectKind.${r.subjectKind}`)} · {t(`platform.${r.platform}`)}</div>
              </td>
              <td className={`${td} hidden max-w-56 md:table-cell`}>
                {r.operatorId ? <Link prefetch={false} href={`/operators/${r.operatorId}`} className="text-ink underline-offset-2 hover:underline">{r.operatorName}</Link> : '—'}
                <OffenderMark marked={r.operatorId !== null && r.operatorRepeatOffender} />
              </td>
              <td className={`${td} hidden whitespace-nowrap md:table-cell`}>{labels.sectors[r.sector] ?? r.sector}</td>
              <td className={`${td} hidden max-w-64 text-xs md:table-cell`}>{r.categories.map((c) => labels.categories[c] ?? c).join('；')}</td>
              <td className={td}>
                <div className="flex flex-wrap gap-1">
                  <StateLabelBadge state={r.state} label={t(stateLabelKey(r.state, r.subjectKind === 'mini_program'))} />
                  {r.overdue ? <OverdueLabelBadge label={t('cases.overdueBadge')} /> : null}
                </div>
              </td>
              <td className={`${td} whitespace-nowrap tabular-nums ${r.overdue ? 'font-semibold text-accent' : ''}`}>{r.deadline ?? '—'}</td>
              <td className={`${td} hidden whitespace-nowrap tabular-nums text-muted md:table-cell`}>{formatDay(r.openedAt)}</td>
              <td className={`${td} hidden whitespace-nowrap text-xs md:table-cell ${r.assigneeName ? '' : 'text-muted'}`}>{r.assigneeName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="px-4 py-8 text-center text-sm text-muted">{t('cases.empty')}</p> : null}
    </div>
  );
  if (!canAct) return <div className="space-y-3">{table}</div>;
  return (
    <CaseSelection rows={rows.map((r) => ({ id: r.id, revision: r.revision, state: r.state, targets: r.targets }))} defaultDeadline={defaultDeadline} matching={matching}>
      {table}
    </CaseSelection>
  );
}
