'use client';

import { useTranslations } from 'next-intl';
import type { LiveCaseRow } from '@/lib/notices/annex';
import type { CategoryOption } from './composer-preview';

/** The candidate cases with a checkbox each (keyboard operable, each labelled by its case and app). */
export function CandidateTable({ rows, selected, onToggle, categories, locale }: {
  rows: LiveCaseRow[];
  selected: ReadonlySet<number>;
  onToggle: (row: LiveCaseRow) => void;
  categories: CategoryOption[];
  locale: 'zh' | 'en';
}) {
  const t = useTranslations('notices');
  const tc = useTranslations('notices.columns');
  const label = new Map(categories.map((c) => [c.code, c[locale]]));
  const th = 'sticky top-0 border-b border-line bg-canvas px-2 py-1.5 text-left font-medium text-muted';
  return (
    <div className="max-h-[28rem] overflow-auto rounded border border-line">
      <table className="w-full text-[13px]">
        <caption className="sr-only">{t('composer.candidates')}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${th} w-10`}><span className="sr-only">{t('composer.select')}</span></th>
            <th scope="col" className={th}>{t('caseLink')}</th>
            <th scope="col" className={th}>{tc('appName')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{tc('operator')}</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>{tc('region')}</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>{tc('problems')}</th>
            <th scope="col" className={th}>{t('composer.caseDeadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `cand-${r.caseId}`;
            return (
              <tr key={r.caseId} className={selected.has(r.caseId) ? 'bg-brand-50' : 'hover:bg-canvas'}>
                <td className="border-b border-line/60 px-2 py-1.5">
                  <input id={id} type="checkbox" checked={selected.has(r.caseId)} onChange={() => onToggle(r)} className="h-4 w-4 accent-brand" aria-label={`${t('composer.select')} #${r.caseId} ${r.appName}`} />
                </td>
                <td className="border-b border-line/60 px-2 py-1.5 tabular-nums"><a href={`/cases/${r.caseId}`} className="text-brand-600 hover:underline">#{r.caseId}</a></td>
                <td className="min-w-[7em] border-b border-line/60 px-2 py-1.5"><label htmlFor={id} className="cursor-pointer font-medium">{r.appName}</label><span className="block text-xs text-muted md:hidden">{r.operatorName} · {r.region}</span></td>
                <td className="hidden border-b border-line/60 px-2 py-1.5 md:table-cell">{r.operatorName}</td>
                <td className="hidden border-b border-line/60 px-2 py-1.5 md:table-cell">{r.region}</td>
                <td className="hidden border-b border-line/60 px-2 py-1.5 sm:table-cell">{r.categories.map((c) => label.get(c) ?? c).join(locale === 'zh' ? '、' : '; ')}</td>
                <td className="border-b border-line/60 px-2 py-1.5 whitespace-nowrap tabular-nums text-accent">{r.deadline}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
