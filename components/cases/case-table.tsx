'use client';

import { useEffect, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { CaseState } from '@/lib/cases/ladder';
import { countMatchingCases } from '@/lib/cases/actions';
import { OverdueLabelBadge, StateLabelBadge } from './label-badges';
import { BulkBar, type BulkRow } from './bulk-bar';
import { OffenderLabelMark } from '@/components/offenders/offender-label-mark';
import { useSoftLinks } from '@/components/ui/soft-links';

import { unpackCaseRow, type CaseTableRow, type PackedCaseRow } from './case-rows';

/**
 * Every word the rows show, translated once per page by the server (issue #18: a translation hook or a
 * message formatted per cell was a tenth of the page's render). `select` is "Select case {id}" with
 * the literal `{id}` left for the row's number (the message writes it ungrouped, as this does).
 */
export interface CaseTableLabels {
  sectors: Record<string, string>;
  categories: Record<string, string>;
  kinds: Record<string, string>;
  platforms: Record<string, string>;
  states: Partial<Record<CaseState, string>>;
  removedMini: string;
  overdueBadge: string;
  recurrence: string;
  mark: string;
  markTitle: string;
  select: string;
}

/** The states' targets, counted: "select all N matching". */
type Matched = { filter: string; count: number; limit: number; targets: Partial<Record<CaseState, CaseState[]>> };

// The cells' styles are app/globals.css `.case-table …` (one short class per cell, not the same
// utilities on each of ~500 cells: issue #18).

/** The case list: state and overdue badges, deadlines, and (for roles that may act) bulk selection. */
export function CaseTable({ rows: packed, targets, labels, canAct, defaultDeadline, matching }: {
  /** The page's rows, packed (./case-rows.ts). */
  rows: PackedCaseRow[];
  /** What each state on this page may become for this user (nothing where the user may not act). */
  targets: Partial<Record<CaseState, CaseState[]>>;
  labels: CaseTableLabels;
  canAct: boolean;
  defaultDeadline: string;
  /**
   * The filters as a query string, when they match more than this page: for "select all N matching".
   * The count (up to the bulk limit + 1) and the states of the matching cases are asked for
   * (countMatchingCases) only when the whole page is selected.
   */
  matching?: { filter: string };
}) {
  const t = useTranslations();
  const rows = useMemo(() => packed.map(unpackCaseRow), [packed]);
  const softLinks = useSoftLinks();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [counted, setCounted] = useState<Matched | null>(null);
  const targetsOf = (r: CaseTableRow) => targets[r.state] ?? [];
  const selectable = rows.filter((r) => targetsOf(r).length > 0);
  const allOn = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const filter = canAct ? matching?.filter : undefined;
  const total = counted && counted.filter === filter ? counted : null;
  useEffect(() => {
    if (!allOn || filter === undefined || total) return;
    let live = true;
    void countMatchingCases({ filter }).then((r) => {
      if (live && r.ok) setCounted({ filter, ...r.data });
    });
    return () => {
      live = false;
    };
  }, [allOn, filter, total]);
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
  const offerAll = canAct && allOn && !!total && total.count > selectable.length;
  const allRows: BulkRow[] = total ? Object.entries(total.targets).map(([state, to], i) => ({ id: -1 - i, revision: 0, state: state as CaseState, targets: to ?? [] })) : [];

  return (
    <div className="space-y-3">
      {offerAll ? (
        <p className="flex flex-wrap items-center gap-3 rounded border border-line bg-canvas px-3 py-2 text-sm" data-testid="select-all-matching" aria-live="polite">
          {allMatching ? (
            <>
              <span className="font-medium">{t('cases.allMatchingSelected', { count: total.count })}</span>
              <button type="button" className="text-brand-600 underline" onClick={clear}>{t('cases.clearSelection')}</button>
            </>
          ) : total.count > total.limit ? (
            <span>{t('cases.pageSelected', { count: selected.size })} {t('cases.tooManyMatching', { limit: total.limit })}</span>
          ) : (
            <>
              <span>{t('cases.pageSelected', { count: selected.size })}</span>
              <button type="button" className="font-medium text-brand-600 underline" onClick={() => setAllMatching(true)}>{t('cases.selectAllMatching', { count: total.count })}</button>
            </>
          )}
        </p>
      ) : null}
      {canAct ? (
        selected.size ? (
          <BulkBar
            selected={offerAll && allMatching ? allRows : rows.filter((r) => selected.has(r.id)).map((r) => ({ id: r.id, revision: r.revision, state: r.state, targets: targetsOf(r) }))}
            all={offerAll && allMatching ? { count: total.count, filter: total.filter } : undefined}
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
        <table className="case-table w-full text-sm" data-testid="case-table" onClick={softLinks}>
          <caption className="sr-only">{t('cases.tableCaption')}</caption>
          <thead className="border-b border-line bg-canvas">
            <tr>
              {canAct ? (
                <th scope="col" className="w-8">
                  <input
                    type="checkbox"
                    aria-label={t('cases.selectAll')}
                    checked={allOn}
                    onChange={() => (allOn ? clear() : setSelected(new Set(selectable.map((r) => r.id))))}
                  />
                </th>
              ) : null}
              <th scope="col">{t('cases.id')}</th>
              <th scope="col">{t('cases.subject')}</th>
              <th scope="col" className="w">{t('cases.operator')}</th>
              <th scope="col" className="w">{t('cases.sector')}</th>
              <th scope="col" className="w">{t('cases.categories')}</th>
              <th scope="col">{t('cases.state')}</th>
              <th scope="col">{t('cases.deadline')}</th>
              <th scope="col" className="w">{t('cases.opened')}</th>
              <th scope="col" className="w">{t('caseWork.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-case-id={r.id} className={selected.has(r.id) ? 'sel' : undefined}>
                {canAct ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={labels.select.replace('{id}', String(r.id))}
                      disabled={targetsOf(r).length === 0}
                      checked={selected.has(r.id)}
                      onChange={() => {
                        setAllMatching(false);
                        toggle(r.id);
                      }}
                    />
                  </td>
                ) : null}
                <td className="n">
                  <a href={`/cases/${r.id}`} className="id">#{r.id}</a>
                  {r.previousCaseId ? <span className="ml-1 rounded bg-warn/10 px-1 text-[11px] text-warn">{labels.recurrence}</span> : null}
                  {refusals[String(r.id)] ? <p role="alert" className="mt-1 max-w-56 whitespace-normal text-xs text-accent">{refusals[String(r.id)]}</p> : null}
                </td>
                <td>
                  <a href={`/subjects/${r.subjectId}`}>{r.subjectName}</a>
                  {r.repeatOffender ? <OffenderLabelMark mark={labels.mark} title={labels.markTitle} /> : null}
                  <div className="sub">{labels.kinds[r.subjectKind] ?? r.subjectKind} · {labels.platforms[r.platform] ?? r.platform}</div>
                </td>
                <td className="w op">
                  {r.operatorId ? <a href={`/operators/${r.operatorId}`}>{r.operatorName}</a> : '—'}
                  {r.operatorId !== null && r.operatorRepeatOffender ? <OffenderLabelMark mark={labels.mark} title={labels.markTitle} /> : null}
                </td>
                <td className="w n">{labels.sectors[r.sector] ?? r.sector}</td>
                <td className="w cats">{r.categories.map((c) => labels.categories[c] ?? c).join('；')}</td>
                <td>
                  <div className="badges">
                    <StateLabelBadge state={r.state} label={r.state === 'removed' && r.subjectKind === 'mini_program' ? labels.removedMini : (labels.states[r.state] ?? r.state)} />
                    {r.overdue ? <OverdueLabelBadge label={labels.overdueBadge} /> : null}
                  </div>
                </td>
                <td className={r.overdue ? 'n late' : 'n'}>{r.deadline ?? '—'}</td>
                <td className="w n dim">{r.openedAt}</td>
                <td className={r.assigneeName ? 'w n xs' : 'w n xs dim'}>{r.assigneeName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="px-4 py-8 text-center text-sm text-muted">{t('cases.empty')}</p> : null}
      </div>
    </div>
  );
}
