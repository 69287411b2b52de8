import { z } from 'zod';
import { platformEnum, subjectKindEnum } from '@/db/schema/enums';

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
    campaign: optional(z.coerce.number().int('A campaign id is a positive integer.').positive('A campaign id is a positive integer.')),
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

export interface StatsPeriod {
  /** First day of the first month, or null for "since records began". */
  from: string | null;
  /** Last day of the last month, or null for "up to today". */
  to: string | null;
  /** The same as month starts (YYYY-MM-01), as the rollups are keyed. */
  fromMonth: string | null;
  toMonth: string | null;
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
function monthEnd(d: string): string {
  const [y, m] = d.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The period the figures cover: `from`/`to` widened to whole calendar months. */
export function statsPeriod(f: Pick<StatsFilters, 'from' | 'to'>): StatsPeriod {
  return {
    from: f.from ? monthStart(f.from) : null,
    to: f.to ? monthEnd(f.to) : null,
    fromMonth: f.from ? monthStart(f.from) : null,
    toMonth: f.to ? monthStart(f.to) : null,
  };
}

/** The filters with the period widened to whole months, as every figure is computed. */
export function effectiveFilters(f: StatsFilters): StatsFilters {
  const p = statsPeriod(f);
  return { ...f, from: p.from ?? undefined, to: p.to ?? undefined };
}

/** Extra case-list filters a chart element adds to the dashboard's own (the case list's URL params). */
export interface CaseDrill {
  state?: string;
  category?: string;
  sector?: string;
  kind?: string;
  platform?: string;
  overdue?: boolean;
  operator?: number;
  store?: string;
}

/**
 * The case list (`/cases`) filtered like the dashboard and narrowed to one chart element. Emits
 * `campaign`, `sector`, `kind`, `platform`, `from`, `to` (the effective whole-month period), and
 * `state`, `category`, `overdue=1`, `operator`, `store` from the element.
 */
export function caseListHref(filters: StatsFilters, drill: CaseDrill = {}): string {
  const f = effectiveFilters(filters);
  const params = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') params.set(k, String(v));
  };
  set('campaign', f.campaign);
  set('sector', drill.sector ?? f.sector);
  set('kind', drill.kind ?? f.kind);
  set('platform', drill.platform ?? f.platform);
  set('from', f.from);
  set('to', f.to);
  set('state', drill.state);
  set('category', drill.category);
  set('operator', drill.operator);
  set('store', drill.store);
  if (drill.overdue) params.set('overdue', '1');
  const q = params.toString();
  return q ? `/cases?${q}` : '/cases';
}
