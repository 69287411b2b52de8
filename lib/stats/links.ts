/**
 * The period and the links down to the case list. Client-safe (no runtime imports), shared by the
 * server queries, the API and the dashboard's charts.
 */
import type { StatsFilters } from './filters';

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
