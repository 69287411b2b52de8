import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { caseStateEnum } from '@/db/schema/enums';
import { caseListSearch, type CaseListQuery } from '@/lib/cases/filters';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { OperatorFilter } from '@/components/registry/operator-filter';

type Option = { value: string; label: string };

/** The list's filters as a plain GET form: the URL is the state, the server parses it with the list schema. */
export async function CaseFilters({ query, sectors, categories, campaigns, operator }: { query: CaseListQuery; sectors: Option[]; categories: Option[]; campaigns: Option[]; operator: { id: number; label: string } | null }) {
  const t = await getTranslations();
  const select = (id: string, label: string, value: string | undefined, options: Option[], anyLabel = t('cases.any')) => (
    <div className="min-w-36 flex-1">
      <label htmlFor={`f-${id}`} className="mb-1 block text-xs font-medium text-muted">{label}</label>
      <select id={`f-${id}`} name={id} defaultValue={value ?? ''} className={`${inputClass} py-1.5`}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
  const states = caseStateEnum.enumValues.map((s) => ({ value: s, label: t(`caseState.${s}`) }));
  // Filters the form has no control for (they come from the dashboard's links): shown as removable chips, kept by hidden inputs.
  const chips = [
    query.subject !== undefined ? { key: 'subject', value: String(query.subject), label: t('cases.subjectFilter', { id: query.subject }) } : null,
    query.kind ? { key: 'kind', value: query.kind, label: t('cases.kindFilter', { kind: t(`subjectKind.${query.kind}`) }) } : null,
    query.platform ? { key: 'platform', value: query.platform, label: t('cases.platformFilter', { platform: t(`platform.${query.platform}`) }) } : null,
    query.store ? { key: 'store', value: query.store, label: t('cases.storeFilter', { store: query.store }) } : null,
    query.from ? { key: 'from', value: query.from, label: t('cases.fromFilter', { date: query.from }) } : null,
    query.to ? { key: 'to', value: query.to, label: t('cases.toFilter', { date: query.to }) } : null,
    typeof query.assignee === 'number' ? { key: 'assignee', value: String(query.assignee), label: `${t('caseWork.assigneeFilter')}: ${t('caseWork.assigneeUser', { id: query.assignee })}` } : null,
    query.reached ? { key: 'reached', value: query.reached, label: t('cases.reachedFilter', { state: t(`caseState.${query.reached}`) }) } : null,
  ].filter((c): c is { key: keyof CaseListQuery; value: string; label: string } => c !== null);

  return (
    <form method="get" action="/cases" aria-label={t('cases.filters')} className="rounded-md border border-line bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-[2]">
          <label htmlFor="f-q" className="mb-1 block text-xs font-medium text-muted">{t('cases.q')}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} placeholder={t('cases.qPlaceholder')} className={`${inputClass} py-1.5`} />
        </div>
        <OperatorFilter id="f-operator" label={t('cases.operator')} initial={operator} className="min-w-48 flex-1" labelClassName="mb-1 block text-xs font-medium text-muted" />
        {select('state', t('cases.state'), query.state?.length === 1 ? query.state[0] : undefined, states)}
        {select('sector', t('cases.sector'), query.sector, sectors)}
        {select('category', t('cases.category'), query.category, categories)}
        {select('campaign', t('cases.campaign'), query.campaign?.toString(), campaigns)}
        {select('overdue', t('cases.overdue'), query.overdue === undefined ? undefined : query.overdue ? '1' : '0', [
          { value: '1', label: t('cases.overdueOnly') },
          { value: '0', label: t('cases.notOverdue') },
        ])}
        {typeof query.assignee === 'number'
          ? null
          : select('assignee', t('caseWork.assigneeFilter'), query.assignee, [
              { value: 'me', label: t('caseWork.assigneeMe') },
              { value: 'none', label: t('caseWork.assigneeNone') },
            ], t('caseWork.assigneeAny'))}
        {select('flagged', t('offenders.markFilter'), query.flagged, [{ value: 'confirmed', label: t('offenders.markFilterConfirmed') }])}
        <div className="w-52">
          <label htmlFor="f-sort" className="mb-1 block text-xs font-medium text-muted">{t('cases.sort')}</label>
          <select id="f-sort" name="sort" defaultValue={query.sort} className={`${inputClass} py-1.5`}>
            <option value="opened">{t('cases.sortOpened')}</option>
            <option value="deadline">{t('cases.sortDeadline')}</option>
            <option value="subject">{t('cases.sortSubject')}</option>
          </select>
        </div>
        {chips.map((c) => <input key={c.key} type="hidden" name={c.key} value={c.value} />)}
        <div className="flex gap-2">
          <button type="submit" className={buttonClass('primary', 'py-1.5')}>{t('cases.apply')}</button>
          <Link href="/cases" className={buttonClass('secondary', 'py-1.5')}>{t('cases.reset')}</Link>
        </div>
      </div>
      {chips.length ? (
        <ul className="mt-2 flex flex-wrap gap-2 text-xs">
          {chips.map((c) => (
            <li key={c.key} className="inline-flex items-center gap-1 rounded border border-line bg-canvas px-2 py-0.5">
              {c.label}
              <Link href={`/cases${caseListSearch({ ...query, cursor: undefined, [c.key]: undefined })}`} aria-label={t('cases.removeFilter', { name: c.label })} className="px-1 text-muted hover:text-accent">
                ×
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
