/**
 * The public notices change only when a notice is published (an erratum is a published correcting
 * notice; a published notice is immutable) or a category's or sector's label changes (the annex's
 * English problems column, the list's sector filter). Their reads are kept per process, keyed by the PUBLIC VERSION read from the
 * database on every request: one index-only aggregate over the published notices and the category
 * labels. Every web copy reads the same version, so a publication committed by any copy (or any
 * writer) shows at once on every copy, with no invalidation message to miss (docs/decisions/0009).
 */
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb, queryRows, type Queryable } from '@/db/client';
import { versionedCache } from '@/lib/server/versioned-cache';
import { listSectors } from '@/lib/taxonomy/queries';
import { getPublicNotice, listPublicNotices, listPublicYears, type PublicNotice } from './public';
import type { PublicListQuery } from './schemas';

/** Published notices (count, newest number, revisions, newest publication) and the category and sector labels, as one string. */
export async function publicVersion(q: Queryable): Promise<string> {
  const [row] = await queryRows<{ v: string }>(q, sql`SELECT concat_ws(':',
      (SELECT concat_ws('.', count(*), max(batch_overall), sum(revision), max(published_at)) FROM notices WHERE status = 'published'),
      (SELECT md5(string_agg(code || chr(31) || label_zh || chr(31) || label_en || chr(31) || sort_order, chr(30) ORDER BY code)) FROM violation_categories),
      (SELECT md5(string_agg(code || chr(31) || label_zh || chr(31) || label_en || chr(31) || sort_order, chr(30) ORDER BY code)) FROM sectors)) AS v`);
  return row?.v ?? '';
}

/** The version, read once per request (a page and its metadata share it; a route handler reads it once). */
const requestVersion = cache(async () => publicVersion(await getDb()));

/** At most this many values per process (the least recently used go first): filters and slugs vary. */
const values = versionedCache(200);

/**
 * `compute()` for `key` at the current public version, computed once per version and process (a
 * concurrent miss shares the one computation). `key` names everything the value depends on besides
 * the version: the route, the filters, the language of what is rendered. A failed computation is not kept.
 */
export async function cachedPublic<T>(key: string, compute: () => Promise<T>): Promise<T> {
  return values.get(key, await requestVersion(), compute);
}

// ---------------------------------------------------------------- the public reads, cached

/** A page of published notices (the list page, the JSON list, the feed). */
export function cachedPublicNotices(q: Queryable, f: PublicListQuery) {
  const key = JSON.stringify(Object.entries(f).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return cachedPublic(`list:${key}`, () => listPublicNotices(q, f));
}

/** One published notice with its annex; a 404 HttpError when there is none (not kept). */
export function cachedPublicNotice(q: Queryable, slug: string): Promise<PublicNotice> {
  return cachedPublic(`notice:${slug}`, () => getPublicNotice(q, slug));
}

/** The years that have published notices, and the sectors of the list's filter. */
export function cachedPublicYears(q: Queryable) {
  return cachedPublic('years', () => listPublicYears(q));
}
export function cachedPublicSectors() {
  return cachedPublic('sectors', () => listSectors());
}

/** A rendered public download (the feed): `key` names its language and address. */
export function cachedPublicText(key: string, render: () => Promise<string>): Promise<string> {
  return cachedPublic(`text:${key}`, render);
}
