import { cache } from 'react';
import { desc } from 'drizzle-orm';
import { campaigns } from '@/db/schema';
import { cachedUnderStatsVersion } from '@/lib/stats/cache';

/** Campaigns, newest first, with `labelZh`/`labelEn` so `pickLabel` reads them like any taxonomy. */
export const listCampaigns = cache(async () =>
  // Kept per process under the stats version, which every change to campaigns raises (lib/stats/cache.ts).
  cachedUnderStatsVersion('campaign labels', async (db) => {
    const rows = await db.select().from(campaigns).orderBy(desc(campaigns.startsOn), desc(campaigns.id));
    return rows.map((c) => ({ ...c, labelZh: c.nameZh, labelEn: c.nameEn }));
  }),
);
