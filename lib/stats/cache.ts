/**
 * The dashboard's figures kept per process under the STATS VERSION (docs/decisions/0012): a counter
 * raised at the commit of every transaction that changes what the figures read (the rollups, the
 * taxonomy labels, campaigns, operators' names; db/migrations/0025_stats_version.sql). It is read
 * from the database on every request, once (React `cache`), so a write committed by any copy or
 * writer shows on every copy at the next request. The key names the rest: the figure, the filters
 * and the office's date (overdue counts change with the day, not with a write).
 */
import { cache } from 'react';
import { getDb, type Db, type Queryable } from '@/db/client';
import { statsVersion } from '@/db/schema';
import { versionedCache } from '@/lib/server/versioned-cache';
import { officeToday } from '@/lib/time';
import type { StatsFilters } from './filters';

/** The current stats version: its counter and its token (new at every raise, so unique across a restore). */
export async function readStatsVersion(q: Queryable): Promise<string> {
  const [row] = await q.select({ version: statsVersion.version, token: statsVersion.token }).from(statsVersion).limit(1);
  return row ? `${row.version}:${row.token}` : '';
}

const requestVersion = cache(async () => readStatsVersion(await getDb()));

/** At most this many figures per process (the least recently used go first): five figures a filter set. */
const figures = versionedCache(500);

/** Lists the stats version also covers (sectors, categories, campaigns), one entry each. */
const lists = versionedCache(50);

/**
 * `read(db)` at the current stats version, read once per version in this process (issue #18): for the
 * filter option lists whose tables raise the version at every commit that changes them (sectors,
 * violation categories, campaigns: db/migrations/0025_stats_version.sql), so a change shows at the next
 * request on every copy. `name` names the list (one name per function). Callers must not change the value.
 */
export async function cachedUnderStatsVersion<T>(name: string, read: (db: Db) => Promise<T>): Promise<T> {
  const version = await requestVersion();
  return lists.get(name, version, async () => read(await getDb()));
}

/**
 * `figure(db, filters)` at the current stats version, computed once per version, filters and day in
 * this process. `name` names the figure (one name per function). Callers must not change the value.
 */
export async function cachedStat<T>(name: string, figure: (db: Db, f: StatsFilters) => Promise<T>, filters: StatsFilters): Promise<T> {
  const version = await requestVersion();
  const key = JSON.stringify([name, officeToday(), Object.entries(filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))]);
  return figures.get(key, version, async () => figure(await getDb(), filters));
}
