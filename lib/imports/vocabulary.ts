import type { Queryable } from '@/db/client';
import { campaigns, sectors, violationCategories } from '@/db/schema';
import type { ImportVocabulary } from './row-schema';

const split = <T extends { code: string }>(rows: T[], open: (r: T) => boolean) => ({
  open: new Set(rows.filter(open).map((r) => r.code)),
  gone: new Set(rows.filter((r) => !open(r)).map((r) => r.code)),
});

/** The sector, category and campaign codes rows may name (and those retired or closed), read once per job. */
export async function loadVocabulary(db: Queryable): Promise<ImportVocabulary> {
  const [s, c, k] = await Promise.all([
    db.select({ code: sectors.code, active: sectors.active }).from(sectors),
    db.select({ code: violationCategories.code, active: violationCategories.active }).from(violationCategories),
    db.select({ code: campaigns.code, status: campaigns.status }).from(campaigns),
  ]);
  const [sv, cv, kv] = [split(s, (r) => r.active), split(c, (r) => r.active), split(k, (r) => r.status !== 'closed')];
  return { sectors: sv.open, categories: cv.open, campaigns: kv.open, retired: { sectors: sv.gone, categories: cv.gone, campaigns: kv.gone } };
}
