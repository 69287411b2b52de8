import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { invalid, notFound } from '@/lib/http/errors';
import type { RegionListQuery } from './schemas';
import { REGION_CODE, regionWithinSql } from './sql';

/**
 * One division as the API and the picker read it. `nameEn`: the data package has no English names,
 * so it is the Chinese name (a place name, shown as it is written in both languages).
 */
export interface RegionEntry {
  code: string;
  nameZh: string;
  nameEn: string;
  level: number;
  parentCode: string | null;
  /** The name path ('广东省 / 深圳市 / 南山区'). */
  path: string;
  retired: boolean;
  /** Has divisions under it. */
  hasChildren: boolean;
}

const columns = sql`r.code, r.name AS "nameZh", r.name AS "nameEn", r.level::int AS level, r.parent_code AS "parentCode", region_path(r.code) AS path,
  r.retired_at IS NOT NULL AS retired, EXISTS (SELECT 1 FROM regions k WHERE k.parent_code = r.code) AS "hasChildren"`;

/** The divisions directly under `parent` (the provinces when null), in code order; retired ones only when asked. */
export async function regionChildren(db: Queryable, parent: string | null, opts: { retired?: boolean } = {}): Promise<RegionEntry[]> {
  return queryRows<RegionEntry>(db, sql`SELECT ${columns} FROM regions r
    WHERE ${parent ? sql`r.parent_code = ${parent}` : sql`r.level = 1`} ${opts.retired ? sql`` : sql`AND r.retired_at IS NULL`}
    ORDER BY r.code`);
}

/**
 * Live divisions whose name contains `q` (or whose code starts with it), under `within` when given:
 * names starting with `q` first, then higher levels, shorter names, code order.
 */
export async function searchRegions(db: Queryable, q: string, limit: number, offset = 0, within?: string): Promise<RegionEntry[]> {
  const term = q.trim();
  if (!term) return [];
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  return queryRows<RegionEntry>(db, sql`SELECT ${columns} FROM regions r
    WHERE r.retired_at IS NULL AND NOT r.placeholder
      AND (r.name LIKE ${`%${escaped}%`} OR r.code LIKE ${`${escaped}%`})
      ${within ? sql`AND ${regionWithinSql(sql`r.code`, within)} AND r.code <> ${within}` : sql``}
    ORDER BY (r.name LIKE ${`${escaped}%`}) DESC, r.level, length(r.name), r.code
    LIMIT ${limit} OFFSET ${offset}`);
}

/** One division (retired ones too), or null. */
export async function getRegion(db: Queryable, code: string): Promise<RegionEntry | null> {
  if (!REGION_CODE.test(code)) return null;
  const [row] = await queryRows<RegionEntry>(db, sql`SELECT ${columns} FROM regions r WHERE r.code = ${code}`);
  return row ?? null;
}

/** The division and its ancestors, province first (what a picker opens on). */
export async function regionLineage(db: Queryable, code: string): Promise<RegionEntry[]> {
  const out: RegionEntry[] = [];
  let next: string | null = code;
  while (next) {
    const row: RegionEntry | null = await getRegion(db, next);
    if (!row) break;
    out.unshift(row);
    next = row.parentCode;
  }
  return out;
}

/**
 * A region for new input: a live division. Refused with 400 naming `field` otherwise (an unknown
 * code, a retired one).
 */
export async function assertRegionUsable(db: Queryable, code: string, field = 'region'): Promise<void> {
  const row = await getRegion(db, code);
  if (!row) throw invalid(`Unknown region code ${code}: a GB/T 2260 division code (GET /api/v1/regions lists them).`, { [field]: `Unknown region code ${code}.` });
  if (row.retired) throw invalid(`The region ${code} (${row.path}) is retired: it takes no new input.`, { [field]: `The region ${code} is retired.` });
}

export interface UsedRegion {
  code: string;
  path: string;
  level: number;
}

/** The provinces and cities (and districts) operators are in, in code order: a filter's options. */
export async function listUsedRegions(db: Queryable): Promise<UsedRegion[]> {
  // Each used division with its parent and grandparent (divisions are at most three levels deep), by key
  // lookups: asking per division whether any used one lay under it read every region again for each
  // (2.8 s on Postgres with 5,600 operators, the /offenders page's filter; now 7 ms, the same 37 rows).
  return queryRows<UsedRegion>(db, sql`WITH used AS (SELECT DISTINCT region_code AS code FROM operators WHERE region_code IS NOT NULL),
    lineage AS (SELECT u.code FROM used u
      UNION SELECT d.parent_code FROM used u JOIN regions d ON d.code = u.code
      UNION SELECT p.parent_code FROM used u JOIN regions d ON d.code = u.code JOIN regions p ON p.code = d.parent_code)
    SELECT r.code, region_path(r.code) AS path, r.level::int AS level FROM regions r JOIN lineage l ON l.code = r.code
     WHERE NOT r.placeholder
     ORDER BY r.code`);
}

/** `GET /api/v1/regions`: children of `parent` (one page), a name search (cursor pages), or the provinces. */
export async function listRegions(db: Queryable, query: RegionListQuery): Promise<{ items: RegionEntry[]; nextCursor: string | null }> {
  if (query.q) {
    const offset = decodeCursor(query.cursor)?.[1] ?? 0;
    const rows = await searchRegions(db, query.q, query.limit + 1, offset, query.parent);
    return pageOf(rows, query.limit, () => [null, offset + query.limit]);
  }
  if (query.parent && !(await getRegion(db, query.parent))) throw notFound('Region', query.parent);
  return { items: await regionChildren(db, query.parent ?? null, { retired: query.retired === '1' }), nextCursor: null };
}

/** What a region picker opens on: the provinces, and the chosen division's lineage (empty when none or unknown). */
export async function regionPickerData(db: Queryable, code: string | null | undefined): Promise<{ provinces: RegionEntry[]; lineage: RegionEntry[] }> {
  const [provinces, lineage] = await Promise.all([regionChildren(db, null), code && REGION_CODE.test(code) ? regionLineage(db, code) : Promise.resolve([])]);
  return { provinces, lineage };
}

export interface RegionDataSummary {
  source: string;
  provinces: number;
  cities: number;
  districts: number;
  retired: number;
  /** Operators whose free-text region named no division (to fix). */
  unmatched: number;
}

/** Where the divisions come from and how many there are, for the admin's taxonomies page. */
export async function regionDataSummary(db: Queryable): Promise<RegionDataSummary> {
  const [row] = await queryRows<RegionDataSummary>(db, sql`SELECT
      (SELECT string_agg(DISTINCT source, ', ') FROM regions WHERE retired_at IS NULL) AS source,
      count(*) FILTER (WHERE level = 1 AND retired_at IS NULL)::int AS provinces,
      count(*) FILTER (WHERE level = 2 AND retired_at IS NULL AND NOT placeholder)::int AS cities,
      count(*) FILTER (WHERE level = 3 AND retired_at IS NULL)::int AS districts,
      count(*) FILTER (WHERE retired_at IS NOT NULL)::int AS retired,
      (SELECT count(*)::int FROM operators WHERE region_code IS NULL) AS unmatched
    FROM regions`);
  return row!;
}
