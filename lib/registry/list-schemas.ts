import { z } from 'zod';
import { caseStateEnum } from '@/db/schema/enums';
import { pageParams } from '@/lib/http/cursor';
import { FLAGGED_FILTERS } from '@/lib/offenders/types';
import { KINDS, PLATFORMS } from './schemas';
import { MAX_DB_INT } from '@/lib/http/params';
import { REGION_REF } from '@/lib/regions/sql';
import { caseFilterFields, refinePeriod } from '@/lib/cases/filters';

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max, `At most ${max} characters.`).optional());
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'Must be a positive integer.' }).int().positive('Must be a positive integer.').max(MAX_DB_INT, 'Too large for this database (at most 2147483647).').optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: `One of: ${values.join(', ')}.` }).optional());

/** `total=1`: the answer also counts the matches (`total`, exact up to 10,000, `totalCapped` beyond). */
const totalFlag = z.preprocess((v) => (v === '' ? undefined : v), z.enum(['1', 'true'], { error: 'Use total=1.' }).optional()).transform((v) => !!v);

export const SUBJECT_SORTS = ['name', 'created', 'inspected'] as const;

/** The /subjects page and GET /api/v1/subjects: every filter, the sort and the page, from the URL. */
export const subjectListQuerySchema = z.object({
  /** Subjects inspected in this campaign (and in `from`–`to` when given: one inspection in both). */
  campaign: caseFilterFields.campaign,
  from: caseFilterFields.from,
  to: caseFilterFields.to,
  q: optionalText(100),
  kind: optionalEnum(KINDS),
  platform: optionalEnum(PLATFORMS),
  sector: optionalText(40),
  operator: optionalId,
  state: optionalEnum(caseStateEnum.enumValues),
  overdue: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['1', 'true'], { error: 'Use overdue=1.' }).optional()).transform((v) => !!v),
  /** `confirmed`: only subjects under a confirmed repeat-offender flag (their own, or their operator's). */
  flagged: optionalEnum(FLAGGED_FILTERS),
  sort: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SUBJECT_SORTS, { error: `One of: ${SUBJECT_SORTS.join(', ')}.` }).default('created')),
  total: totalFlag,
  ...pageParams,
}).superRefine(refinePeriod);
export type SubjectListQuery = z.infer<typeof subjectListQuerySchema>;

/** The /operators page and GET /api/v1/operators. */
export const operatorListQuerySchema = z.object({
  q: optionalText(100),
  /** A GB/T 2260 division code: operators in it or anywhere under it; `unmatched`: free-text regions no division matched. */
  region: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(REGION_REF, 'A 6-digit GB/T 2260 division code, or unmatched.').optional()),
  /** Operators with a case in this campaign / a subject of this sector, kind, platform (with `flagged=active`: flagged for such a case). */
  campaign: caseFilterFields.campaign,
  sector: caseFilterFields.sector,
  kind: caseFilterFields.kind,
  platform: caseFilterFields.platform,
  /** `confirmed`: only operators under a confirmed repeat-offender flag; `active`: under an open or confirmed flag of any rule. */
  flagged: optionalEnum(FLAGGED_FILTERS),
  total: totalFlag,
  ...pageParams,
});
export type OperatorListQuery = z.infer<typeof operatorListQuerySchema>;

/** Page search params (Next gives string | string[] | undefined) → the raw record a schema parses. */
export function firstValues(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0]! : v]])));
}
