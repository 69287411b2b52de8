'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CaseListItem } from '@/lib/cases/list';
import type { CaseState } from '@/lib/cases/ladder';
import { formatDay } from '@/lib/i18n/format';
import { OverdueBadge, StateBadge } from './badges';
import { BulkBar, type BulkRow } from './bulk-bar';
import { OffenderMark } from '@/components/offenders/offender-mark';

export type CaseTableRow = CaseListItem & { targets: CaseState[] };

const th = 'px-2 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap';
const td = 'px-2 py-1.5 align-top';

/** The case list: state and overdue badges, deadlines, and (for roles that may act) bulk selection. */
export function CaseTable({ rows, labels, canAct, defaultDeadline, matching }: {
  rows: CaseTableRow[];
  labels: { sectors: Record<string, string>; categories: Record<string, string> };
  canAct: boolean;
  defaultDeadline: string;
  /**
   * Every case the filters match (counted up to the bulk limit + 1), the states they are in with what
   * each may become, and the filters as a query string: for "select all N matching".
   */
  matching?: { count: number; limit: number; targets: Partial<Record<CaseState, CaseState[]>>; filter: string };
}) {
  const t = useTranslations();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const selectable = rows.filter((r) => r.targets.length > 0);
  const allOn = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const offerAll = canAct && allOn && !!matching && matching.count > selectable.length;
  const allRows: BulkRow[] = matching ? Object.entries(matching.targets).map(([state, targets], i) => ({ id: -1 - i, revision: 0, state: state as CaseState, targets: targets ?? [] })) : [];

  return (
    <div className="space-y-3">
      {offerAll ? (
        <p className="flex flex-wrap items-center gap-3 rounded border border-line bg-canvas px-3 py-2 text-sm" data-testid="select-all-matching" aria-live="polite">
          {allMatching ? (
            <>
              <span className="font-medium">{t('cases.allMatchingSelected', { count: matching.count })}</span>
              <button type="button" className="text-brand-600 underline" onClick={clear}>{t('cases.clearSelection')}</button>
            </>
          ) : matching.count > matching.limit ? (
            <span>{t('cases.pageSelected', { count: selected.size })} {t('cases.tooManyMatching', { limit: matching.limit })}</span>
          ) : (
            <>
              <span>{t('cases.pageSelected', { count: selected.size })}</span>
              <button type="button" className="font-medium text-brand-600 underline" onClick={() => setAllMatching(true)}>{t('cases.selectAllMatching', { count: matching.count })}</button>
            </>
          )}
        </p>
      ) : null}
      {canAct ? (
        selected.size ? (
          <BulkBar
            selected={offerAll && allMatching ? allRows : rows.filter((r) => selected.has(r.id))}
            all={offerAll && allMatching ? { count: matching.count, filter: matching.filter } : undefined}
            defaultDeadline={defaultDeadline}
            onDone={(n) => {
              setMoved(n);
              clear();
              setRefusals({});
            }}
            onRefusals={setRefusals}
          />
        ) : (
          <>
            {moved !== null ? <p role="status" className="text-sm font-medium text-ok" data-testid="bulk-done">{t('cases.bulkDone', { count: moved })}</p> : null}
            <p className="text-xs text-muted">{t('cases.noneSelected')}</p>
          </>
        )
      ) : null}
      <div className="overflow-x-auto rounded-md border border-line bg-white shadow-sm">
        <table className="w-full text-sm" data-testid="case-table">
          <caption className="sr-only">{t('cases.tableCaption')}</caption>
          <thead className="border-b border-line bg-canvas">
            <tr>
              {canAct ? (
                <th scope="col" className={`${th} w-8`}>
                  <input
                    type="checkbox"
                    aria-label={t('cases.selectAll')}
                    checked={allOn}
                    onChange={() => (allOn ? clear() : setSelected(new Set(selectable.map((r) => r.id))))}
                  />
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
              <tr key={r.id} data-case-id={r.id} className={`border-b border-line/70 last:border-0 hover:bg-canvas/60 ${selected.has(r.id) ? 'bg-brand-50/60' : ''}`}>
                {canAct ? (
                  <td className={td}>
                    <input
                      type="checkbox"
                      aria-label={t('cases.select', { id: r.id })}
                      disabled={r.targets.length === 0}
                      checked={selected.has(r.id)}
                      onChange={() => {
                        setAllMatching(false);
                        toggle(r.id);
                      }}
                    />
                  </td>
                ) : null}
                <td className={`${td} whitespace-nowrap tabular-nums`}>
                  <Link prefetch={false} href={`/cases/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">#{r.id}</Link>
                  {r.previousCaseId ? <span className="ml-1 rounded bg-warn/10 px-1 text-[11px] text-warn">{t('cases.recurrence')}</span> : null}
                  {refusals[String(r.id)] ? <p role="alert" className="mt-1 max-w-56 whitespace-normal text-xs text-accent">{refusals[String(r.id)]}</p> : null}
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
                    <StateBadge state={r.state} mini={r.subjectKind === 'mini_program'} />
                    <OverdueBadge overdue={r.overdue} />
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
    </div>
  );
}
