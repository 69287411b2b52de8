import { cache } from 'react';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sectors, violationCategories } from '@/db/schema';

export type SectorRow = typeof sectors.$inferSelect;
export type CategoryRow = typeof violationCategories.$inferSelect;

/** Sectors in display order, once per request. */
export const listSectors = cache(async (): Promise<SectorRow[]> => {
  const db = await getDb();
  return db.select().from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code));
});

/** Violation categories in display order, once per request. */
export const listCategories = cache(async (): Promise<CategoryRow[]> => {
  const db = await getDb();
  return db.select().from(violationCategories).orderBy(asc(violationCategories.sortOrder), asc(violationCategories.code));
});
