import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Regions (属地) are GB/T 2260 division codes: 2 digits of province, 2 of city, 2 of district, so a
 * division's code range holds everything under it (440000 → 440000–449999, 440300 → 440300–440399).
 */
export const REGION_CODE = /^\d{6}$/;

/** The code range of a division and everything under it. */
export function regionRange(code: string): { lo: string; hi: string } {
  const keep = code.endsWith('0000') ? 2 : code.endsWith('00') ? 4 : 6;
  const prefix = code.slice(0, keep);
  return { lo: prefix.padEnd(6, '0'), hi: prefix.padEnd(6, '9') };
}

/** `column` is the division `code` or one under it (a province includes its cities and districts). */
export function regionWithinSql(column: SQL | AnyPgColumn, code: string): SQL {
  const { lo, hi } = regionRange(code);
  return sql`(${column} BETWEEN ${lo} AND ${hi})`;
}

/** The key a written region is looked up by: region_key() of migration 0023 (whitespace and separators removed). */
export function regionKey(text: string): string {
  return text.replace(/[\s\u3000/／·,，、|>-]+/g, '');
}

/** The filter value for operators whose free-text region matched no division (for an admin to fix). */
export const UNMATCHED = 'unmatched';

/** What a region filter takes: a division code or `unmatched`. */
export const REGION_REF = /^(\d{6}|unmatched)$/;

/** An operator region filter: a division code (and everything under it), or `unmatched`. */
export function operatorRegionFilterSql(codeColumn: SQL | AnyPgColumn, filter: string): SQL {
  return filter === UNMATCHED ? sql`${codeColumn} IS NULL` : regionWithinSql(codeColumn, filter);
}

/** The name path of a division code ('广东省 / 深圳市 / 南山区'; `sep` '' gives '广东省深圳市南山区'). */
export function regionPathSql(code: SQL | AnyPgColumn, sep = ' / '): SQL<string | null> {
  return sql<string | null>`region_path(${code}, ${sep})`;
}

/** An operator's region as read: its division's name path, else the unmatched free text it still holds. */
export function operatorRegionNameSql(alias: string, sep = ' / '): SQL<string> {
  const a = sql.raw(alias);
  return sql<string>`coalesce(region_path(${a}.region_code, ${sep}), ${a}.region_unmatched)`;
}
