import { z } from 'zod';
import { caseStateEnum } from '@/db/schema/enums';

/**
 * What the dashboard's routes answer (GET /api/v1/stats/*): the one copy of each shape. The OpenAPI
 * document describes them from these schemas, and the lib's types are inferred from them.
 */
const count = z.number().int().min(0);
const date = z.string().describe('YYYY-MM-DD');

export const statsPeriodSchema = z.object({
  from: date.nullable().describe('First day of the first month, or null for "since records began".'),
  to: date.nullable().describe('Last day of the last month, or null for "up to today".'),
  fromMonth: date.nullable().describe('The same as month starts (YYYY-MM-01), as the rollups are keyed.'),
  toMonth: date.nullable(),
});

export const summarySchema = z.object({
  subjects: count,
  inspections: count,
  findings: count,
  cases: z.object({
    current: z.object(Object.fromEntries(caseStateEnum.enumValues.map((s) => [s, count])) as Record<(typeof caseStateEnum.enumValues)[number], typeof count>).describe('Cases in each state now.'),
    funnel: z.object({ ordered: count, notified: count, removed: count }).describe('Cases that ever reached each step.'),
    overdue: count,
  }),
  repeatOffenders: z.object({ operators: count, subjects: count }),
});

export const labelledSchema = z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string() });

export const sectorSeriesSchema = labelledSchema.extend({
  findings: count,
  cases: count,
  overdue: count,
  byCategory: z.record(z.string(), count).describe('Findings per violation category code.'),
});

export const bySectorSchema = z.object({
  period: statsPeriodSchema,
  categories: z.array(labelledSchema).describe('The categories present, in the office’s display order: the stack order.'),
  sectors: z.array(sectorSeriesSchema).describe('Sectors with any finding or case, most findings first.'),
});

export const categoryShareSchema = labelledSchema.extend({ findings: count, share: z.number().min(0).max(1).describe('Share of all findings in the filter, 0..1.') });
export const byCategorySchema = z.object({ period: statsPeriodSchema, total: count, categories: z.array(categoryShareSchema) });

export const trendPointSchema = z.object({ month: z.string().describe('YYYY-MM'), findings: count, opened: count, closed: count });
export const trendSchema = z.object({ period: statsPeriodSchema, months: z.array(trendPointSchema).describe('Every month from the first to the last with data (or the period).') });

export const platformRowSchema = z.object({ platform: z.string(), findings: count, cases: count });
export const storeRowSchema = z.object({ store: z.string(), labelZh: z.string(), labelEn: z.string(), cases: count });
export const durationBucketSchema = z.object({ from: count, to: count.nullable().describe('null: open-ended.'), cases: count });
export const verifyDurationsSchema = z.object({
  cases: count.describe('Verified cases that had been ordered.'),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  buckets: z.array(durationBucketSchema).describe('Whole days from the first order to verification.'),
});
export const operatorRowSchema = z.object({ operatorId: z.number().int(), name: z.string(), cases: count, openCases: count });
export const breakdownSchema = z.object({
  period: statsPeriodSchema,
  platforms: z.array(platformRowSchema),
  stores: z.array(storeRowSchema),
  verifyDays: verifyDurationsSchema,
  topOperators: z.array(operatorRowSchema),
});

/** The lib's types of these answers: inferred, never written twice. */
export type PlatformRow = z.infer<typeof platformRowSchema>;
export type StoreRow = z.infer<typeof storeRowSchema>;
export type DurationBucket = z.infer<typeof durationBucketSchema>;
export type VerifyDurations = z.infer<typeof verifyDurationsSchema>;
export type OperatorRow = z.infer<typeof operatorRowSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type Labelled = z.infer<typeof labelledSchema>;
export type SectorSeries = z.infer<typeof sectorSeriesSchema>;
export type BySector = z.infer<typeof bySectorSchema>;
export type CategoryShare = z.infer<typeof categoryShareSchema>;
export type ByCategory = z.infer<typeof byCategorySchema>;
export type TrendPoint = z.infer<typeof trendPointSchema>;
export type Trend = z.infer<typeof trendSchema>;
export type Summary = z.infer<typeof summarySchema>;
export type StatsPeriod = z.infer<typeof statsPeriodSchema>;
