import { cache } from 'react';
import { desc } from 'drizzle-orm';
import { campaigns } from '@/db/schema';
import { cachedUnderStatsVersion } from '@/lib/stats/cache';

/** Campaigns for filters, newest first, once per request; kept per process under the stats version (every change to campaigns raises it). */
export const listCampaigns = cache(async () =>
  cachedUnderStatsVersion('campaigns', (db) =>
    db.select({ id: campaigns.id, code: campaigns.code, nameZh: campaigns.nameZh, nameEn: campaigns.nameEn }).from(campaigns).orderBy(desc(campaigns.startsOn)),
  ),
);
