import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { pickLabel, type Locale } from '@/lib/i18n/locales';
import { listCategories, listSectors } from '@/lib/taxonomy/queries';
import { listUsedRegions } from '@/lib/regions/queries';

/** What the composer's filters and labels need, in the reader's language. */
export async function composerOptions(locale: Locale) {
  const db = await getDb();
  const [sectors, cats, camps, regions] = await Promise.all([
    listSectors(), listCategories(), db.select().from(campaigns).orderBy(asc(campaigns.startsOn)), listUsedRegions(db),
  ]);
  return {
    sectors: sectors.map((s) => ({ code: s.code, label: pickLabel(s, locale) })),
    campaigns: camps.map((c) => ({ id: c.id, label: locale === 'zh' ? c.nameZh : c.nameEn })),
    regions,
    categories: cats.map((c) => ({ code: c.code, zh: c.labelZh, en: c.labelEn })),
  };
}
