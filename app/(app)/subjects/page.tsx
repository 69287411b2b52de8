import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { caseStateEnum } from '@/db/schema/enums';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { firstValues, subjectListQuerySchema, SUBJECT_SORTS } from '@/lib/registry/list-schemas';
import { listSubjects } from '@/lib/registry/subject-list';
import { operatorOption } from '@/lib/registry/operators';
import { OperatorFilter } from '@/components/registry/operator-filter';
import { KINDS, PLATFORMS } from '@/lib/registry/schemas';
import { listSectors } from '@/lib/taxonomy/queries';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FilterButtons, FilterCheck, FilterForm, FilterSelect, FilterText } from '@/components/ui/filter-form';
import { Pager } from '@/components/registry/pager';
import { SubjectTable } from '@/components/registry/subject-table';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

export default async function SubjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('registry:read');
  const raw = firstValues(await searchParams);
  const parsed = subjectListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : subjectListQuerySchema.parse({});
  const [t, tc, to, locale, sectors] = await Promise.all([getTranslations('registry'), getTranslations(), getTranslations('offenders'), getLocale(), listSectors()]);
  const [page, operator] = await Promise.all([firstPageOnBadCursor(query, (q) => read(listSubjects, q)), read(operatorOption, query.operator)]);
  const sectorLabel = new Map(sectors.map((s) => [s.code, pickLabel(s, toLocale(locale))]));
  const sortLabel = { created: t('subjects.sortCreated'), name: t('subjects.sortName'), inspected: t('subjects.sortInspected') };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{t('subjects.title')}</h1>
          <p className="mt-1 text-sm text-muted">{t('subjects.subtitle')}</p>
        </div>
        {can(actor.role, 'registry:write') ? <Link href="/subjects/new" className={buttonClass('primary')}>{t('subjects.new')}</Link> : null}
      </div>

      <Card>
        <FilterForm action="/subjects" label={t('subjects.filters')} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-[2fr_repeat(6,minmax(0,1fr))_auto] [&>*]:min-w-0">
          <FilterText id="q" name="q" label={t('subjects.q')} hint={t('subjects.qHint')} value={query.q} className="sm:col-span-2 xl:col-span-1" />
          <FilterSelect id="kind" name="kind" label={t('subjects.kind')} value={query.kind} any={t('common.any')} options={KINDS.map((k) => ({ value: k, label: tc(`subjectKind.${k}`) }))} />
          <FilterSelect id="platform" name="platform" label={t('subjects.platform')} value={query.platform} any={t('common.any')} options={PLATFORMS.map((p) => ({ value: p, label: tc(`platform.${p}`) }))} />
          <FilterSelect id="sector" name="sector" label={t('subjects.sector')} value={query.sector} any={t('common.any')} options={sectors.map((s) => ({ value: s.code, label: pickLabel(s, toLocale(locale)) }))} />
          <OperatorFilter id="operator" label={t('subjects.operator')} initial={operator ?? (query.operator ? { id: query.operator, label: `#${query.operator}` } : null)} />
          <FilterSelect id="state" name="state" label={t('subjects.state')} value={query.state} any={t('common.any')} options={caseStateEnum.enumValues.map((s) => ({ value: s, label: tc(`caseState.${s}`) }))} />
          <FilterSelect id="sort" name="sort" label={t('subjects.sort')} value={query.sort} options={SUBJECT_SORTS.map((s) => ({ value: s, label: sortLabel[s] }))} />
          <div className="flex flex-col justify-end gap-2">
            <FilterCheck name="overdue" value="1" checked={query.overdue} label={t('subjects.overdue')} />
            <FilterCheck name="flagged" value="confirmed" checked={query.flagged === 'confirmed'} label={to('markFilterConfirmed')} />
            <FilterButtons action="/subjects" apply={t('common.search')} reset={t('common.reset')} />
          </div>
        </FilterForm>
      </Card>

      <section className="rounded-md border border-line bg-white shadow-sm" aria-label={t('subjects.results')}>
        {page.items.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-muted">{t('common.noResults')}</p>
        ) : (
          <SubjectTable
            rows={page.items}
            labels={{
              caption: t('subjects.results'),
              columns: [t('subjects.name'), { label: `${t('subjects.kind')} / ${t('subjects.platform')}`, hideOnPhone: true }, { label: t('subjects.sector'), hideOnPhone: true }, { label: t('subjects.operator'), hideOnPhone: true }, t('subjects.state'), { label: t('subjects.lastInspection'), hideOnPhone: true }, { label: t('common.created'), hideOnPhone: true }],
              kinds: Object.fromEntries(KINDS.map((k) => [k, tc(`subjectKind.${k}`)])),
              platforms: Object.fromEntries(PLATFORMS.map((p) => [p, tc(`platform.${p}`)])),
              sectors: Object.fromEntries(sectorLabel),
              states: Object.fromEntries(caseStateEnum.enumValues.map((s) => [s, tc(`caseState.${s}`)])),
              caseNo: t('subject.caseNo'),
              noCase: t('subjects.noCase'),
              overdueBadge: t('subjects.overdueBadge'),
              mark: to('mark'),
              markTitle: to('markTitle'),
            }}
          />
        )}
        <Pager basePath="/subjects" params={raw} nextCursor={page.nextCursor} labels={{ first: t('common.firstPage'), next: t('common.nextPage'), showing: t('common.showing', { count: page.items.length }) }} />
      </section>
    </div>
  );
}
