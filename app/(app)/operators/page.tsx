import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { firstValues, operatorListQuerySchema } from '@/lib/registry/list-schemas';
import { listOperators } from '@/lib/registry/operators';
import { regionPickerData } from '@/lib/regions/queries';
import { UNMATCHED } from '@/lib/regions/sql';
import { RegionPicker } from '@/components/regions/region-picker';
import { RegionName } from '@/components/regions/region-name';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { DataTable } from '@/components/ui/data-table';
import { Pager } from '@/components/registry/pager';
import { OffenderMark } from '@/components/offenders/offender-mark';
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
        <form method="get" action="/operators" role="search" aria-label={t('subjects.filters')} className="grid gap-3 sm:grid-cols-[2fr_auto_auto_auto]">
          <Field id="q" label={t('operators.q')}><Input id="q" name="q" type="search" defaultValue={query.q ?? ''} /></Field>
          {/* Before the picker: its value comes first in the URL, so this box wins over an empty picker. */}
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="region" value={UNMATCHED} defaultChecked={query.region === UNMATCHED} className="h-4 w-4" />
            {tr('filterUnmatched')}
          </label>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="flagged" value="confirmed" defaultChecked={query.flagged === 'confirmed'} className="h-4 w-4" />
            {to('markFilterConfirmed')}
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClass('primary', 'px-3 py-1.5')}>{t('common.search')}</button>
            <Link href="/operators" className={buttonClass('secondary', 'px-3 py-1.5')}>{t('common.reset')}</Link>
          </div>
          <div className="sm:col-span-4">
            <RegionPicker id="region" name="region" label={t('operators.region')} provinces={regions.provinces} lineage={regions.lineage} anyLabel={t('operators.allRegions')} />
          </div>
        </form>
      </Card>
      <section className="rounded-md border border-line bg-white shadow-sm" aria-label={t('operators.title')}>
        {page.items.length === 0 ? <p className="px-4 py-8 text-center text-sm text-muted">{t('common.noResults')}</p> : (
          <DataTable caption={t('operators.title')} columns={[t('operators.name'), t('operators.uscc'), t('operators.region'), t('operators.subjects')]}>
            {page.items.map((o) => (
              <tr key={o.id} data-testid="operator-row">
                <td><Link href={`/operators/${o.id}`} className="font-medium text-brand-600 hover:underline">{o.name}</Link><OffenderMark marked={o.repeatOffender} /></td>
                <td className="font-mono text-xs">{o.uscc}</td>
                <td><RegionName name={o.regionName} unmatched={o.regionUnmatched !== null} /></td>
                <td className="tabular-nums">{o.subjects}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager basePath="/operators" params={raw} nextCursor={page.nextCursor} labels={{ first: t('common.firstPage'), next: t('common.nextPage'), showing: t('common.showing', { count: page.items.length }) }} />
      </section>
    </div>
  );
}
