import { z } from 'zod';
import { caseFilterFields, refinePeriod } from '@/lib/cases/filters';

/**
 * Dashboard filters: the case filter contract's (lib/cases/filters.ts) campaign, sector, kind, platform
 * and period, for the stats API, the dashboard's URL and the links down to the case list. `from`/`to`
 * select inspections by inspection date; the rollups are monthly, so the period is widened to whole
 * months (see `statsPeriod`), and the links carry the widened period.
 */
export const STATS_FILTER_KEYS = ['campaign', 'sector', 'kind', 'platform', 'from', 'to'] as const;

const { campaign, sector, kind, platform, from, to } = caseFilterFields;
export const statsFiltersSchema = z.object({ campaign, sector, kind, platform, from, to }).superRefine(refinePeriod);

export type StatsFilters = z.infer<typeof statsFiltersSchema>;

export { statsPeriod, effectiveFilters, type StatsPeriod } from './links';
