/**
 * The period the figures cover. Client-safe (no runtime imports), shared by the server queries, the
 * API and the dashboard's links (lib/stats/drill.ts).
 */
import type { StatsFilters } from './filters';

import type { StatsPeriod } from './responses';

export type { StatsPeriod };

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

/** The dashboard's default period: the twelve calendar months ending with `today`'s month. */
export function defaultStatsPeriod(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 12, 1));
  const end = new Date(Date.UTC(y, m, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
