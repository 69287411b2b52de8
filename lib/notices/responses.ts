import { z } from 'zod';
import { noticeEntries, notices } from '@/db/schema';
import { caseState, count, cursor, day, int, iso } from '@/lib/openapi/json';
import { rowSchema } from '@/lib/openapi/rows';

/**
 * What the notice routes answer (staff and public), beside their request schemas (./schemas.ts). The
 * OpenAPI document describes the routes from these, and the public notice types are inferred from them.
 */
export const noticeRow = rowSchema(notices);
export const noticeResponse = z.object({ notice: noticeRow });
export const noticeListResponse = z.object({
  notices: z.array(rowSchema(notices, { pick: ['id', 'kind', 'status', 'slug', 'titleZh', 'titleEn', 'deadline', 'year', 'batchInYear', 'batchOverall', 'correctsNoticeId', 'createdAt', 'approvedAt', 'publishedAt', 'createdBy'] }).extend({
    authorName: z.string(), approverName: z.string().nullable(), entries: count,
  })).max(200),
  total: count.describe('Every notice of the filter; more than the 200 listed when greater.'),
});
export const noticeDetailResponse = z.object({
  notice: noticeRow,
  authorName: z.string(),
  approverName: z.string().nullable(),
  corrects: rowSchema(notices, { pick: ['id', 'slug', 'titleZh', 'titleEn'] }).nullable(),
  correctedBy: z.array(rowSchema(notices, { pick: ['id', 'slug', 'titleZh', 'titleEn', 'status'] })),
  entries: z.array(rowSchema(noticeEntries).extend({ caseState: caseState.nullable().describe('The case as it is now.'), currentRevision: int.nullable() })),
});
export const candidatesResponse = z.object({
  items: z.array(z.object({
    caseId: int, revision: int, state: caseState, deadline: day.nullable(), overdue: z.boolean(), version: z.string(), subjectId: int, appName: z.string(), sector: z.string(), campaignId: int.nullable(),
    operatorName: z.string().nullable(), region: z.string().nullable(), filingNumber: z.string().nullable(), source: z.string().nullable(), sourceEn: z.string().nullable().describe('The source column in English.'), categories: z.array(z.string()),
  })),
  total: count,
  nextCursor: cursor,
});

// The public site's notices (GET /api/public/notices…, the pages, the feed).
export const bilingual = z.object({ zh: z.string(), en: z.string() });
export const publicNoticeLink = z.object({ slug: z.string(), title: bilingual, label: bilingual });
export const publicNoticeEntry = z.object({
  no: int, appName: z.string(), operator: z.string(), source: bilingual, version: z.string(),
  filingNumber: z.string().nullable().describe('null: no filing number on record (pages and downloads show a dash).'),
  region: z.string(), problems: bilingual, categories: z.array(z.string()), deadline: day.nullable(),
});
export const publicNotice = publicNoticeLink.extend({
  kind: z.enum(notices.kind.enumValues), year: int, batchInYear: int, batchOverall: int, intro: bilingual, deadline: day.nullable(), publishedAt: iso, entryCount: count,
  corrects: publicNoticeLink.nullable(), correctedBy: z.array(publicNoticeLink),
});
export const publicNoticeListResponse = z.object({ notices: z.array(publicNotice), nextCursor: cursor });
export const publicNoticeResponse = publicNotice.extend({ entries: z.array(publicNoticeEntry) });

export type Bilingual = z.infer<typeof bilingual>;
export type PublicNoticeLink = z.infer<typeof publicNoticeLink>;
export type PublicNoticeEntry = z.infer<typeof publicNoticeEntry>;
/** A public notice: `entries` on a single notice, omitted in lists. */
export type PublicNotice = z.infer<typeof publicNotice> & { entries?: PublicNoticeEntry[] };
