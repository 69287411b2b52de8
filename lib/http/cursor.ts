import { z } from 'zod';
import { HttpError, invalid } from './errors';
import { MAX_DB_INT } from './params';

/**
 * Keyset pagination cursors: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). `limit` ≤ 200; a response is `{ items, nextCursor }`.
 */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/**
 * How far a list's `total` is counted (README "Limits"): up to 10,000 matches exactly, beyond that
 * "more than 10,000" (`totalCapped`), so a count never reads more than 10,001 rows.
 */
export const TOTAL_CAP = 10_000;

export type CursorKey = [string | number | null, number];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The cursor's key, or null without one; a 400 naming `cursor` when it is not one a page of this list could
 * have ended on. `head` is the list's own check of the sort key, where its query reads it as more than text
 * (a list keyed by a date passes isCalendarDate: a cursor edited to ["x", 1] would otherwise reach Postgres as
 * 'x'::date and fail there, a 500).
 */
export function decodeCursor(cursor: string | undefined, head?: (value: CursorKey[0]) => boolean): CursorKey | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Only what a page could have ended on: text Postgres can store, finite numbers, an id or offset.
    const validHead = (v: unknown) => v === null || isCursorText(v) || (typeof v === 'number' && Number.isFinite(v));
    if (Array.isArray(key) && key.length === 2 && validHead(key[0]) && isCursorId(key[1]) && (!head || head(key[0] as CursorKey[0]))) return key as CursorKey;
  } catch {
    /* fall through */
  }
  throw invalid('The cursor is not one this server handed out.', { cursor: 'Unknown cursor.' });
}

/** A cursor's text sort key: what a page could have ended on, text Postgres can store (no NUL, well-formed, at most 400 characters). */
export function isCursorText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 400 && !v.includes('\u0000') && v.isWellFormed();
}

/**
 * A cursor's number: a row id or an offset (the region search's), so a whole number from 0 to Postgres's
 * integer maximum; a negative one reached Postgres as a negative OFFSET (a 500), a larger one as an integer
 * out of range.
 */
export function isCursorId(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_DB_INT;
}

/** `cursor` and `limit` query parameters, shared by every list. */
export const pageParams = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number.' })
    .int('limit must be a whole number.')
    .min(1, 'limit must be at least 1.')
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
};

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * A list page (not the API) given a cursor it cannot use (edited, from another sort, from an older
 * version): the first page instead of an error page. The API answers the same cursor with a 400.
 */
export async function firstPageOnBadCursor<Q extends { cursor?: string | null }, R>(query: Q, list: (q: Q) => Promise<R>): Promise<R> {
  try {
    return await list(query);
  } catch (err) {
    if (query.cursor && err instanceof HttpError && err.status === 400) return list({ ...query, cursor: undefined });
    throw err;
  }
}
