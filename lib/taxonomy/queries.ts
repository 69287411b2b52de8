import { cache } from 'react';
import { asc } from 'drizzle-orm';
import { sectors, violationCategories } from '@/db/schema';
import { cachedUnderStatsVersion } from '@/lib/stats/cache';

export type SectorRow = typeof sectors.$inferSelect;
export type CategoryRow = typeof violationCategories.$inferSelect;

/** Sectors in display order, once per request; kept per process under the stats version (every change to sectors raises it). */
export const listSectors = cache(
  async (): Promise<SectorRow[]> => cachedUnderStatsVersion('sectors', (db) => db.select().from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code))),
);

/** Violation categories in display order, once per request; kept per process under the stats version (every change to them raises it). */
export const listCategories = cache(
  async (): Promise<CategoryRow[]> =>
    cachedUnderStatsVersion('categories', (db) => db.select().from(violationCategories).orderBy(asc(violationCategories.sortOrder), asc(violationCategories.code))),
);
