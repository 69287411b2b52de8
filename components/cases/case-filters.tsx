import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { caseStateEnum } from '@/db/schema/enums';
import { caseListSearch, type CaseListQuery } from '@/lib/cases/filters';
import { FilterButtons, FilterForm, FilterSelect, FilterText, type FilterOption } from '@/components/ui/filter-form';
import { OperatorFilter } from '@/components/registry/operator-filter';

/** The list's filters (the app's one filter form: components/ui/filter-form.tsx); the server parses the URL with caseListQuerySchema. */
export async function CaseFilters({ query, sectors, categories, campaigns, operator }: { query: CaseListQuery; sectors: FilterOption[]; categories: FilterOption[]; campaigns: FilterOption[]; operator: { id: number; label: string } | null }) {
  const t = await getTranslations();
  const select = (id: string, label: string, value: string | undefined, options: FilterOption[], anyLabel = t('cases.any')) => (
    <FilterSelect id={`f-${id}`} name={id} label={label} value={value} options={options} any={anyLabel} className="min-w-36 flex-1" />
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
    <FilterForm action="/cases" label={t('cases.filters')} className="rounded-md border border-line bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-end gap-3">
        <FilterText id="f-q" name="q" label={t('cases.q')} value={query.q} placeholder={t('cases.qPlaceholder')} className="min-w-48 flex-[2]" />
        <OperatorFilter id="f-operator" label={t('cases.operator')} initial={operator} className="min-w-48 flex-1" />
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
        <FilterSelect
          id="f-sort"
          name="sort"
          label={t('cases.sort')}
          value={query.sort}
          options={[{ value: 'opened', label: t('cases.sortOpened') }, { value: 'deadline', label: t('cases.sortDeadline') }, { value: 'subject', label: t('cases.sortSubject') }]}
          className="w-52"
        />
        {chips.map((c) => <input key={c.key} type="hidden" name={c.key} value={c.value} />)}
        <FilterButtons action="/cases" apply={t('cases.apply')} reset={t('cases.reset')} />
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
    </FilterForm>
  );
}
