import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { toLocale } from '@/lib/i18n/locales';
import { listTaxonomy } from '@/lib/taxonomy/admin';
import { TAXONOMIES } from '@/lib/taxonomy/schemas';
import { RetireButton, TaxonomyEntryForm } from '@/components/taxonomy/entry-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { RegionsAdminSection } from '@/components/regions/admin-section';
import { read } from '@/lib/server/read';

/** Sectors, violation categories and stores: add, relabel, retire (never delete). */
export default async function TaxonomiesPage() {
  await requirePagePermission('admin:taxonomy');
  const [t, locale] = await Promise.all([getTranslations('taxonomies'), getLocale().then(toLocale)]);
  const lists = await Promise.all(TAXONOMIES.map((kind) => read(listTaxonomy, kind)));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('subtitle')}</p>
      </div>
      <nav aria-label={t('title')} className="flex flex-wrap gap-3 text-sm">
        {TAXONOMIES.map((kind) => <a key={kind} href={`#${kind}`} className="text-brand-600 underline">{t(`kind.${kind}`)}</a>)}
        <a href="#regions" className="text-brand-600 underline">{t('kind.regions')}</a>
      </nav>
      {TAXONOMIES.map((kind, i) => (
        <section key={kind} id={kind} aria-labelledby={`${kind}-title`} className="space-y-3">
          <h2 id={`${kind}-title`} className="text-lg font-semibold text-ink">{t(`kind.${kind}`)} <span className="text-sm font-normal text-muted">({lists[i]!.length})</span></h2>
          <Card title={t(`add.${kind}`)}>
            <TaxonomyEntryForm kind={kind} />
          </Card>
          <ul className="divide-y divide-line rounded-md border border-line bg-white shadow-sm">
            {lists[i]!.map((entry) => (
              <li key={entry.code} className="p-3" data-entry={`${kind}:${entry.code}`}>
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
                    <span className="font-mono text-xs text-muted">{entry.code}</span>
                    <span className={entry.retired ? 'text-muted line-through' : 'font-medium text-ink'}>{locale === 'zh' ? entry.labelZh : entry.labelEn}</span>
                    <span className="text-xs text-muted" lang={locale === 'zh' ? 'en' : 'zh-CN'}>{locale === 'zh' ? entry.labelEn : entry.labelZh}</span>
                    {entry.retired ? <Badge tone="warn">{t('retired')}</Badge> : null}
                  </summary>
                  <div className="mt-3 space-y-3">
                    <TaxonomyEntryForm kind={kind} entry={entry} />
                  </div>
                </details>
                <div className="mt-2"><RetireButton kind={kind} entry={entry} /></div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <RegionsAdminSection />
    </div>
  );
}
