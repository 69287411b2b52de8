import { cache } from 'react';
import { desc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';

/** Campaigns, newest first, with `labelZh`/`labelEn` so `pickLabel` reads them like any taxonomy. */
export const listCampaigns = cache(async () => {
  const db = await getDb();
  const rows = await db.select().from(campaigns).orderBy(desc(campaigns.startsOn), desc(campaigns.id));
  return rows.map((c) => ({ ...c, labelZh: c.nameZh, labelEn: c.nameEn }));
});
