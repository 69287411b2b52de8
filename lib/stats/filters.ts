import { z } from 'zod';
import { platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { MAX_DB_INT } from '@/lib/http/params';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a calendar date.');

/** An empty URL value (`?sector=`) means "no filter", as a cleared select leaves it. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/**
 * Dashboard filters: ONE schema for the stats API, the dashboard's URL (parsed on the server) and the
 * links down to the case list. `from`/`to` select inspections by inspection date; the rollups are
 * monthly, so the period is widened to whole months (see `statsPeriod`).
 */
export const statsFiltersSchema = z
  .object({
    campaign: optional(z.coerce.number().int('A campaign id is a positive integer.').positive('A campaign id is a positive integer.').max(MAX_DB_INT, 'Too large for this database (at most 2147483647).')),
    sector: optional(z.string().trim().min(1).max(64).regex(/^[a-z0-9_]+$/, 'A sector is given by its code, e.g. parking.')),
    kind: optional(z.enum(subjectKindEnum.enumValues, { message: `kind is one of ${subjectKindEnum.enumValues.join(', ')}.` })),
    platform: optional(z.enum(platformEnum.enumValues, { message: `platform is one of ${platformEnum.enumValues.join(', ')}.` })),
    from: optional(isoDate),
    to: optional(isoDate),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '`from` must not be after `to`.', path: ['to'] });

export type StatsFilters = z.infer<typeof statsFiltersSchema>;

/** The keys of StatsFilters, in URL order. */
export const STATS_FILTER_KEYS = ['campaign', 'sector', 'kind', 'platform', 'from', 'to'] as const;

export { statsPeriod, effectiveFilters, caseListHref, type StatsPeriod, type CaseDrill } from './links';
