'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { CaseState } from '@/lib/cases/ladder';
import { BulkBar, type BulkRow } from './bulk-bar';

/**
 * The case list's bulk selection: the only client code of the list (issue #18). The table's rows are
 * rendered on the server (case-table.tsx); the selection, the checkboxes that change it, the bulk bar
 * and the refusals the bar brings back per case live here.
 */
interface Selection {
  selected: Set<number>;
  allOn: boolean;
  toggle: (id: number) => void;
  toggleAll: () => void;
  refusals: Record<string, string>;
}

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error('A case checkbox is rendered outside <CaseSelection>.');
  return s;
}

/** Every case the filters match: how many (up to the bulk limit + 1), their states with what each may become, the filters. */
export type Matching = { count: number; limit: number; targets: Partial<Record<CaseState, CaseState[]>>; filter: string };

export function CaseSelection({ rows, defaultDeadline, matching, children }: {
  /** The page's cases as the bulk bar needs them; a case without targets cannot be selected. */
  rows: BulkRow[];
  defaultDeadline: string;
  matching?: Matching;
  /** The table. */
  children: ReactNode;
}) {
  const t = useTranslations('cases');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const selectable = rows.filter((r) => r.targets.length > 0);
  const allOn = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const toggle = (id: number) => {
    setAllMatching(false);
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  };
  const toggleAll = () => (allOn ? clear() : setSelected(new Set(selectable.map((r) => r.id))));
  const offerAll = allOn && !!matching && matching.count > selectable.length;
  const allRows: BulkRow[] = matching ? Object.entries(matching.targets).map(([state, targets], i) => ({ id: -1 - i, revision: 0, state: state as CaseState, targets: targets ?? [] })) : [];

  return (
    <div className="space-y-3">
      {offerAll ? (
        <p className="flex flex-wrap items-center gap-3 rounded border border-line bg-canvas px-3 py-2 text-sm" data-testid="select-all-matching" aria-live="polite">
          {allMatching ? (
            <>
              <span className="font-medium">{t('allMatchingSelected', { count: matching.count })}</span>
              <button type="button" className="text-brand-600 underline" onClick={clear}>{t('clearSelection')}</button>
            </>
          ) : matching.count > matching.limit ? (
            <span>{t('pageSelected', { count: selected.size })} {t('tooManyMatching', { limit: matching.limit })}</span>
          ) : (
            <>
              <span>{t('pageSelected', { count: selected.size })}</span>
              <button type="button" className="font-medium text-brand-600 underline" onClick={() => setAllMatching(true)}>{t('selectAllMatching', { count: matching.count })}</button>
            </>
          )}
        </p>
      ) : null}
      {selected.size ? (
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
          {moved !== null ? <p role="status" className="text-sm font-medium text-ok" data-testid="bulk-done">{t('bulkDone', { count: moved })}</p> : null}
          <p className="text-xs text-muted">{t('noneSelected')}</p>
        </>
      )}
      <SelectionContext.Provider value={{ selected, allOn, toggle, toggleAll, refusals }}>{children}</SelectionContext.Provider>
    </div>
  );
}

/** The header's "select the page" box. */
export function SelectPageBox({ label }: { label: string }) {
  const s = useSelection();
  return <input type="checkbox" aria-label={label} checked={s.allOn} onChange={s.toggleAll} />;
}

/** A row's box; a case no role's move applies to cannot be selected. */
export function SelectCaseBox({ id, label, disabled }: { id: number; label: string; disabled: boolean }) {
  const s = useSelection();
  return <input type="checkbox" aria-label={label} disabled={disabled} checked={s.selected.has(id)} onChange={() => s.toggle(id)} />;
}

/** Why the last bulk action refused this case, under its number. */
export function CaseRefusal({ id }: { id: number }) {
  const text = useSelection().refusals[String(id)];
  return text ? <p role="alert" className="mt-1 max-w-56 whitespace-normal text-xs text-accent">{text}</p> : null;
}
