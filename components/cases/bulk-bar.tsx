'use client';

import { useId, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { transitionCases, transitionMatchingCases } from '@/lib/cases/actions';
import { transitionForm, type FormField } from '@/lib/cases/forms';
import type { CaseState } from '@/lib/cases/ladder';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export interface BulkRow {
  id: number;
  revision: number;
  state: CaseState;
  targets: CaseState[];
}

/** The bulk transition of the selected cases: all or nothing, refusals listed per case. */
export function BulkBar({ selected, all, defaultDeadline, onDone, onRefusals }: {
  selected: BulkRow[];
  /** Every case matching the list's filters (`filter`, its query string), not the rows of this page. */
  all?: { count: number; filter: string };
  defaultDeadline: string;
  onDone: (moved: number) => void;
  onRefusals: (r: Record<string, string>) => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const uid = useId();
  const [to, setTo] = useState<CaseState | ''>('');
  const f = useActionForm((data: FormData) => (data.get('all') === '1' ? transitionMatchingCases(data) : transitionCases(data)), null, {
    onSuccess: (done) => {
      onDone(done?.ok ? done.data.moved : 0);
      router.refresh();
    },
    onRefused: onRefusals,
  });
  const { state, pending } = f;

  // Removal needs takedown records per store and case: one case at a time, from its page.
  const targets = useMemo(() => [...new Set(selected.flatMap((r) => r.targets))].filter((s) => s !== 'removed'), [selected]);
  const fields = useMemo(() => {
    const merged = new Map<FormField['name'], FormField>();
    if (!to) return [];
    for (const row of selected.filter((r) => r.targets.includes(to))) {
      for (const f of transitionForm(row.state, to).fields) {
        const seen = merged.get(f.name);
        merged.set(f.name, seen ? { ...seen, required: seen.required || f.required } : f);
      }
    }
    return [...merged.values()];
  }, [selected, to]);


  const labelOf = (s: CaseState) => {
    const from = selected.find((r) => r.targets.includes(s))?.state ?? 'open';
    return `${t(`caseAction.${transitionForm(from, s).action}`)} → ${t(`caseState.${s}`)}`;
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="rounded-md border border-brand/30 bg-brand-50 p-3">
      <h2 id={`${uid}-title`} className="text-sm font-semibold text-brand">{t('cases.bulkTitle', { count: all?.count ?? selected.length })}</h2>
      <form {...f.form} className="mt-2 flex flex-wrap items-end gap-3">
        {all ? (
          <>
            <input type="hidden" name="all" value="1" />
            <input type="hidden" name="filter" value={all.filter} />
            <input type="hidden" name="expectedCount" value={all.count} />
          </>
        ) : (
          selected.map((r) => <input key={r.id} type="hidden" name="item" value={`${r.id}:${r.revision}`} />)
        )}
        <div className="min-w-56">
          <label htmlFor={`${uid}-to`} className="mb-1 block text-xs font-medium text-muted">{t('cases.bulkTarget')}</label>
          <select id={`${uid}-to`} name="to" required value={to} onChange={(e) => setTo(e.target.value as CaseState)} className={`${inputClass} py-1.5`}>
            <option value="">{t('cases.bulkChoose')}</option>
            {targets.map((s) => (
              <option key={s} value={s}>{labelOf(s)}</option>
            ))}
          </select>
        </div>
        {fields.map((f) => (
          <div key={f.name} className={f.name === 'reason' ? 'min-w-64 flex-1' : 'min-w-40'}>
            <label htmlFor={`${uid}-${f.name}`} className="mb-1 block text-xs font-medium text-muted">
              {t(`caseAction.${f.label}`)}
              {f.required ? <span aria-hidden className="text-accent"> *</span> : null}
            </label>
            <input
              id={`${uid}-${f.name}`}
              name={f.name}
              type={f.name === 'deadline' ? 'date' : 'text'}
              required={f.required}
              defaultValue={f.name === 'deadline' ? defaultDeadline : undefined}
              className={`${inputClass} py-1.5`}
            />
          </div>
        ))}
        <Button type="submit" disabled={pending || !to} className="py-1.5">
          {pending ? t('caseAction.saving') : t('cases.bulkSubmit')}
        </Button>
      </form>
      <p className="mt-2 text-xs text-muted">{t('cases.bulkHint')}</p>
      <div aria-live="polite">
        {state?.ok ? <p className="mt-2 text-sm font-medium text-ok">{t('cases.bulkDone', { count: state.data.moved })}</p> : null}
        {state && !state.ok ? (
          <div role="alert" className="mt-2 rounded border border-accent/40 bg-white px-3 py-2 text-sm text-accent">
            <p className="font-medium">{Object.keys(state.fieldErrors).some((k) => /^\d+$/.test(k)) ? t('cases.bulkRefused') : state.message}</p>
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(state.fieldErrors).map(([k, v]) => (
                <li key={k}>{/^\d+$/.test(k) ? `#${k}: ${v}` : `${k}: ${v}`}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
