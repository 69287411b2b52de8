import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { regionDataSummary } from '@/lib/regions/queries';
import { UNMATCHED } from '@/lib/regions/sql';
import { Card } from '@/components/ui/card';
import { read } from '@/lib/server/read';

/**
 * Regions on the admin's taxonomies page: reference data (GB/T 2260, from the pinned data package;
 * a data update retires what the package drops, never deletes), and the operators whose old
 * free-text region named no division, for the admin to fix.
 */
export async function RegionsAdminSection() {
  const [t, summary] = await Promise.all([getTranslations('regions'), read(regionDataSummary)]);
  return (
    <section id="regions" aria-labelledby="regions-title" className="space-y-3">
      <h2 id="regions-title" className="text-lg font-semibold text-ink">{t('admin.title')}</h2>
      <Card>
        <div className="space-y-2 text-sm">
          <p>{t('admin.source', { source: summary.source })}</p>
          <p className="tabular-nums">{t('admin.counts', { provinces: summary.provinces, cities: summary.cities, districts: summary.districts, retired: summary.retired })}</p>
          <p className="text-muted">{t('admin.update')}</p>
          <p className="text-muted">{t('namesNote')}</p>
          <p data-testid="regions-unmatched">
            {summary.unmatched
              ? <Link href={`/operators?region=${UNMATCHED}`} className="font-medium text-accent underline">{t('admin.unmatched', { count: summary.unmatched })}</Link>
              : t('admin.noneUnmatched')}
          </p>
        </div>
      </Card>
    </section>
  );
}
