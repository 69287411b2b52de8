import Link from 'next/link';
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
import { Field, Input } from '@/components/ui/field';
import { CaseStateBadge } from '@/components/registry/case-state-badge';
import { Select } from '@/components/registry/form-controls';
import { DataTable } from '@/components/ui/data-table';
import { Pager } from '@/components/registry/pager';
import { OffenderMark } from '@/components/offenders/offender-mark';
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
        <form method="get" action="/subjects" role="search" aria-label={t('subjects.filters')} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-[2fr_repeat(6,minmax(0,1fr))_auto] [&>*]:min-w-0">
          <div className="sm:col-span-2 xl:col-span-1">
            <Field id="q" label={t('subjects.q')} hint={t('subjects.qHint')}>
              <Input id="q" name="q" defaultValue={query.q ?? ''} type="search" />
            </Field>
          </div>
          <Field id="kind" label={t('subjects.kind')}>
            <Select id="kind" name="kind" defaultValue={query.kind ?? ''}>
              <option value="">{t('common.any')}</option>
              {KINDS.map((k) => <option key={k} value={k}>{tc(`subjectKind.${k}`)}</option>)}
            </Select>
          </Field>
          <Field id="platform" label={t('subjects.platform')}>
            <Select id="platform" name="platform" defaultValue={query.platform ?? ''}>
              <option value="">{t('common.any')}</option>
              {PLATFORMS.map((p) => <option key={p} value={p}>{tc(`platform.${p}`)}</option>)}
            </Select>
          </Field>
          <Field id="sector" label={t('subjects.sector')}>
            <Select id="sector" name="sector" defaultValue={query.sector ?? ''}>
              <option value="">{t('common.any')}</option>
              {sectors.map((s) => <option key={s.code} value={s.code}>{pickLabel(s, toLocale(locale))}</option>)}
            </Select>
          </Field>
          <OperatorFilter id="operator" label={t('subjects.operator')} initial={operator ?? (query.operator ? { id: query.operator, label: `#${query.operator}` } : null)} />
          <Field id="state" label={t('subjects.state')}>
            <Select id="state" name="state" defaultValue={query.state ?? ''}>
              <option value="">{t('common.any')}</option>
              {caseStateEnum.enumValues.map((s) => <option key={s} value={s}>{tc(`caseState.${s}`)}</option>)}
            </Select>
          </Field>
          <Field id="sort" label={t('subjects.sort')}>
            <Select id="sort" name="sort" defaultValue={query.sort}>
              {SUBJECT_SORTS.map((s) => <option key={s} value={s}>{sortLabel[s]}</option>)}
            </Select>
          </Field>
          <div className="flex flex-col justify-end gap-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} className="h-4 w-4" />
              {t('subjects.overdue')}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="flagged" value="confirmed" defaultChecked={query.flagged === 'confirmed'} className="h-4 w-4" />
              {to('markFilterConfirmed')}
            </label>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass('primary', 'px-3 py-1.5 whitespace-nowrap')}>{t('common.search')}</button>
              <Link href="/subjects" className={buttonClass('secondary', 'px-3 py-1.5 whitespace-nowrap')}>{t('common.reset')}</Link>
            </div>
          </div>
        </form>
      </Card>

      <section className="rounded-md border border-line bg-white shadow-sm" aria-label={t('subjects.results')}>
        {page.items.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-muted">{t('common.noResults')}</p>
        ) : (
          <DataTable
            caption={t('subjects.results')}
            columns={[t('subjects.name'), { label: `${t('subjects.kind')} / ${t('subjects.platform')}`, hideOnPhone: true }, { label: t('subjects.sector'), hideOnPhone: true }, { label: t('subjects.operator'), hideOnPhone: true }, t('subjects.state'), { label: t('subjects.lastInspection'), hideOnPhone: true }, { label: t('common.created'), hideOnPhone: true }]}
          >
            {page.items.map((s) => (
              <tr key={s.id} data-testid="subject-row">
                <td><Link href={`/subjects/${s.id}`} className="font-medium text-brand-600 hover:underline">{s.name}</Link><OffenderMark marked={s.repeatOffender} /></td>
                <td className="whitespace-nowrap">{tc(`subjectKind.${s.kind}`)} · {tc(`platform.${s.platform}`)}</td>
                <td>{sectorLabel.get(s.sector) ?? s.sector}</td>
                <td>{s.operatorId ? <><Link href={`/operators/${s.operatorId}`} className="hover:underline">{s.operatorName}</Link><OffenderMark marked={s.operatorRepeatOffender} /></> : '—'}</td>
                <td>
                  {s.latestState ? (
                    <Link href={`/cases/${s.latestCaseId}`} aria-label={`${t('subject.caseNo')} ${s.latestCaseId}`}>
                      <CaseStateBadge state={s.latestState} label={tc(`caseState.${s.latestState}`)} overdue={s.overdue} overdueLabel={t('subjects.overdueBadge')} />
                    </Link>
                  ) : <span className="text-muted">{t('subjects.noCase')}</span>}
                </td>
                <td className="tabular-nums whitespace-nowrap">{s.lastInspectedOn ?? '—'}</td>
                <td className="tabular-nums whitespace-nowrap text-muted">{s.createdAt}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager basePath="/subjects" params={raw} nextCursor={page.nextCursor} labels={{ first: t('common.firstPage'), next: t('common.nextPage'), showing: t('common.showing', { count: page.items.length }) }} />
      </section>
    </div>
  );
}
