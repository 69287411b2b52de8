import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { firstValues, operatorListQuerySchema } from '@/lib/registry/list-schemas';
import { listOperators } from '@/lib/registry/operators';
import { regionPickerData } from '@/lib/regions/queries';
import { UNMATCHED } from '@/lib/regions/sql';
import { RegionPicker } from '@/components/regions/region-picker';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FilterButtons, FilterCheck, FilterForm, FilterText } from '@/components/ui/filter-form';
import { Pager } from '@/components/registry/pager';
import { OperatorTable } from '@/components/registry/operator-table';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

export default async function OperatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('registry:read');
  const raw = firstValues(await searchParams);
  const parsed = operatorListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : operatorListQuerySchema.parse({});
  const [t, to, tr] = await Promise.all([getTranslations('registry'), getTranslations('offenders'), getTranslations('regions')]);
  const [page, regions] = await Promise.all([firstPageOnBadCursor(query, (q) => read(listOperators, q)), read(regionPickerData, query.region === UNMATCHED ? null : query.region)]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{t('operators.title')}</h1>
          <p className="mt-1 text-sm text-muted">{t('operators.subtitle')}</p>
        </div>
        {can(actor.role, 'registry:write') ? <Link href="/operators/new" className={buttonClass('primary')}>{t('operators.new')}</Link> : null}
      </div>
      <Card>
        <FilterForm action="/operators" label={t('subjects.filters')} className="grid gap-3 sm:grid-cols-[2fr_auto_auto_auto]">
          <FilterText id="q" name="q" label={t('operators.q')} value={query.q} />
          {/* Before the picker: its value comes first in the URL, so this box wins over an empty picker. */}
          <FilterCheck name="region" value={UNMATCHED} checked={query.region === UNMATCHED} label={tr('filterUnmatched')} className="self-end pb-2" />
          <FilterCheck name="flagged" value="confirmed" checked={query.flagged === 'confirmed'} label={to('markFilterConfirmed')} className="self-end pb-2" />
          <FilterButtons action="/operators" apply={t('common.search')} reset={t('common.reset')} className="items-end" />
          <div className="sm:col-span-4">
            <RegionPicker id="region" name="region" label={t('operators.region')} provinces={regions.provinces} lineage={regions.lineage} anyLabel={t('operators.allRegions')} />
          </div>
        </FilterForm>
      </Card>
      <section className="rounded-md border border-line bg-white shadow-sm" aria-label={t('operators.title')}>
        {page.items.length === 0 ? <p className="px-4 py-8 text-center text-sm text-muted">{t('common.noResults')}</p> : (
          <OperatorTable rows={page.items} labels={{ caption: t('operators.title'), columns: [t('operators.name'), t('operators.uscc'), t('operators.region'), t('operators.subjects')], mark: to('mark'), markTitle: to('markTitle') }} />
        )}
        <Pager basePath="/operators" params={raw} nextCursor={page.nextCursor} labels={{ first: t('common.firstPage'), next: t('common.nextPage'), showing: t('common.showing', { count: page.items.length }) }} />
      </section>
    </div>
  );
}
