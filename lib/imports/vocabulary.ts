import type { Queryable } from '@/db/client';
import { campaigns, sectors, violationCategories } from '@/db/schema';
import type { ImportVocabulary } from './row-schema';

/** The sector, category and campaign codes rows may name, read once per job. */
export async function loadVocabulary(db: Queryable): Promise<ImportVocabulary> {
  const [s, c, k] = await Promise.all([
    db.select({ code: sectors.code }).from(sectors),
    db.select({ code: violationCategories.code }).from(violationCategories),
    db.select({ code: campaigns.code }).from(campaigns),
  ]);
  return { sectors: new Set(s.map((r) => r.code)), categories: new Set(c.map((r) => r.code)), campaigns: new Set(k.map((r) => r.code)) };
}
