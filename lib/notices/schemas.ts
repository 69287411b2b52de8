import { campaignRefSchema } from '@/lib/campaigns/ref';
import { z } from 'zod';
import { noticeKindEnum, noticeStatusEnum } from '@/db/schema/enums';
import { MAX_DB_INT } from '@/lib/http/params';
import { pageParams } from '@/lib/http/cursor';
import { REGION_REF } from '@/lib/regions/sql';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
const kind = z.enum(noticeKindEnum.enumValues, { error: `One of: ${noticeKindEnum.enumValues.join(', ')}.` });
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en')} characters.`);

/** A notice as the composer writes it (create, and the full replacement of an edit). */
export const noticeDraftSchema = z.object({
  kind,
  titleZh: z.string().trim().min(1, 'A Chinese title is required.').max(300, 'At most 300 characters.'),
  titleEn: z.string().trim().min(1, 'An English title is required.').max(300, 'At most 300 characters.'),
  introZh: optionalText(10_000).default(''),
  introEn: optionalText(10_000).default(''),
  /** The new deadline every listed case gets; required for rectification notices. */
  deadline: isoDate.nullish(),
  caseIds: z
    .array(z.number().int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'))
    .max(500, 'At most 500 cases in one notice.')
    .refine((ids) => new Set(ids).size === ids.length, 'A case is listed twice.'),
  /** The revision of each case as the composer saw it (`{ "12": 3 }`); a case that moved since is refused. */
  caseRevisions: z.record(z.string().regex(/^\d+$/), z.number().int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).')).optional(),
  /** Set on an erratum: the published notice it corrects. */
  correctsNoticeId: z.number().int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).').nullish(),
});
export type NoticeDraftInput = z.infer<typeof noticeDraftSchema>;

export const noticeUpdateSchema = noticeDraftSchema.extend({
  expectedRevision: z.number({ error: 'The revision you saw (expectedRevision) is required.' }).int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'),
});

const optionalParam = z.string().trim().max(200).optional().transform((v) => v || undefined);

/** GET /api/v1/notices/candidates. */
export const candidateQuerySchema = z.object({
  kind,
  sector: optionalParam,
  /** A division code: cases of operators in it or under it (or `unmatched`). */
  region: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().regex(REGION_REF, 'A 6-digit GB/T 2260 division code, or unmatched.').optional()),
  q: optionalParam,
  campaign: campaignRefSchema.optional(),
  ...pageParams,
});

/** The public list: search, year, kind, sector, and a cursor (the overall batch number to continue below). */
export const publicListQuerySchema = z.object({
  q: optionalParam,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: kind.optional(),
  sector: optionalParam,
  cursor: z.coerce.number().int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PublicListQuery = z.infer<typeof publicListQuerySchema>;

/** GET /api/v1/notices: the office's notices, optionally of one status. */
export const noticeListQuerySchema = z.object({ status: z.enum(noticeStatusEnum.enumValues).optional() });

/** GET /api/public/notices/{slug}: JSON, or the annex as CSV (`lang=en` for English headings). */
export const publicNoticeQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx'], { error: 'One of: json, csv, xlsx.' }).default('json'),
  lang: z.string().optional(),
});
