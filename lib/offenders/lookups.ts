import { cache } from 'react';
import { desc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';

/** Campaigns for filters, newest first, once per request. */
export const listCampaigns = cache(async () => {
  const db = await getDb();
  return db.select({ id: campaigns.id, code: campaigns.code, nameZh: campaigns.nameZh, nameEn: campaigns.nameEn }).from(campaigns).orderBy(desc(campaigns.startsOn));
});
