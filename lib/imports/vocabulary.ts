import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { campaigns, sectors, stores, violationCategories } from '@/db/schema';
import type { ImportVocabulary } from './row-schema';

const split = <T extends { code: string }>(rows: T[], open: (r: T) => boolean) => ({
  open: new Set(rows.filter(open).map((r) => r.code)),
  gone: new Set(rows.filter((r) => !open(r)).map((r) => r.code)),
});

/** The sector, category, store, region and campaign codes rows may name (and those retired or closed), read once per job. */
export async function loadVocabulary(db: Queryable): Promise<ImportVocabulary> {
  const [s, c, k, st, rc, rn] = await Promise.all([
    db.select({ code: sectors.code, active: sectors.active }).from(sectors),
    db.select({ code: violationCategories.code, active: violationCategories.active }).from(violationCategories),
    db.select({ code: campaigns.code, status: campaigns.status }).from(campaigns),
    db.select({ code: stores.code, active: stores.active }).from(stores),
    queryRows<{ code: string; retired: boolean }>(db, sql`SELECT code, retired_at IS NOT NULL AS retired FROM regions`),
    queryRows<{ alias: string; code: string }>(db, sql`SELECT alias, min(code) AS code FROM region_aliases WHERE exact GROUP BY alias HAVING count(*) = 1`),
  ]);
  const [sv, cv, kv, stv] = [split(s, (r) => r.active), split(c, (r) => r.active), split(k, (r) => r.status !== 'closed'), split(st, (r) => r.active)];
  return {
    sectors: sv.open, categories: cv.open, campaigns: kv.open, stores: stv.open,
    regions: {
      codes: new Set(rc.filter((r) => !r.retired).map((r) => r.code)),
      retired: new Set(rc.filter((r) => r.retired).map((r) => r.code)),
      names: new Map(rn.map((r) => [r.alias, r.code])),
    },
    retired: { sectors: sv.gone, categories: cv.gone, campaigns: kv.gone, stores: stv.gone },
  };
}
