import { z } from 'zod';
import { caseStateEnum } from '@/db/schema/enums';

/**
 * The JSON shapes every area's response schemas share (lib/<area>/responses.ts): numbers, dates as
 * routes write them, the cursor page and the optional exact total. Rows of a table come from
 * lib/openapi/rows.ts.
 */
export const int = z.number().int();
export const count = int.min(0);
export const iso = z.string().describe('ISO 8601');
export const day = z.string().describe('YYYY-MM-DD');
export const caseState = z.enum(caseStateEnum.enumValues);
export const cursor = z.string().nullable().describe('Pass back as `cursor` for the next page; null on the last.');
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: cursor });
/** With `total=1`: every match, counted exactly up to 10,000 (`totalCapped` beyond). */
export const totals = { total: count.optional().describe('With `total=1`: the matches, exact up to 10,000.'), totalCapped: z.boolean().optional().describe('With `total=1`: more than `total` match.') };
export const storedFile = z.object({ sha256: z.string(), byteSize: int, mediaType: z.string(), originalName: z.string() });
export const evidenceStoredResponse = z.object({ sha256: z.string().describe('64 lower-case hex digits'), byteSize: int, mediaType: z.string() });

/**
 * A response row as lib holds it before `Response.json`: the named ISO 8601 fields are still Dates
 * (drizzle reads timestamps as Date; JSON writes them as strings). The one type of such a row, from
 * its response schema.
 */
export type BeforeJson<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends string ? Date : T[P] extends string | null ? Date | null : T[P] };
