/**
 * Every link from a dashboard figure down to the case list, built once: the charts call `drill.*` for
 * their hrefs, and `caseDrills` lists every linked figure with its value so that a test can open each
 * link and count (tests/integration/stats-drilldown.test.ts). Client-safe.
 *
 * A figure counts cases, subjects or operators (its link opens exactly those) or findings (its link opens
 * the cases those findings belong to: at least one case per non-zero figure, at most one per finding).
 * Inspections and findings totals have no list and no link; nor have the trend's opened/closed and the
 * time-to-verification buckets, which count events no list filter selects.
 */
import { createSerializer } from 'nuqs/server';
import { caseFilterParsers, caseListHref, memoized, memoKey, type CaseFilters } from '@/lib/cases/filters';
import type { Breakdown } from './breakdown';
import type { StatsFilters } from './filters';
import { effectiveFilters } from './links';
import type { ByCategory, BySector, Trend } from './series';
import type { CaseState, Summary } from './summary';

/** Hrefs already built (issue #18: the same 100+ on every request of a dashboard); a pure function's, so never stale. */
const hrefs = new Map<string, string>();

/** The case list filtered like the dashboard (the period widened to whole months), narrowed by `extra`. */
export function drillHref(f: StatsFilters, extra: Partial<CaseFilters> = {}): string {
  // An `extra` field given as undefined clears the dashboard's filter of that name; JSON would drop it, so such a call is not kept.
  const key = Object.values(extra).some((v) => v === undefined) ? null : memoKey([f, extra]);
  return memoized(hrefs, 5000, key, () => caseListHref({ ...effectiveFilters(f), ...extra }));
}

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

const { campaign, sector, kind, platform, from, to, flagged } = caseFilterParsers;
const registrySearch = createSerializer({ campaign, sector, kind, platform, from, to, flagged });

/** The href of each kind of dashboard element. */
export const drill = {
  all: (f: StatsFilters) => drillHref(f),
  state: (f: StatsFilters, state: CaseState) => drillHref(f, { state: [state] }),
  /** Funnel steps are cumulative: cases that reached the step at some time. */
  reached: (f: StatsFilters, step: 'ordered' | 'notified' | 'removed') => drillHref(f, { reached: step }),
  overdue: (f: StatsFilters) => drillHref(f, { overdue: true }),
  sector: (f: StatsFilters, sector: string) => drillHref(f, { sector }),
  sectorCategory: (f: StatsFilters, sector: string, category: string) => drillHref(f, { sector, category }),
  sectorOverdue: (f: StatsFilters, sector: string) => drillHref(f, { sector, overdue: true }),
  category: (f: StatsFilters, category: string) => drillHref(f, { category }),
  month: (f: StatsFilters, month: string) => memoized(hrefs, 5000, memoKey([f, 'month', month]), () => caseListHref({ ...effectiveFilters({ ...f, ...monthRange(month) }) })),
  platform: (f: StatsFilters, platform: NonNullable<CaseFilters['platform']>) => drillHref(f, { platform }),
  store: (f: StatsFilters, store: string) => drillHref(f, { store }),
  operator: (f: StatsFilters, operator: number) => drillHref(f, { operator }),
  /** The subjects figure: registered ones, or under a campaign those inspected in it (in the period). */
  subjects: (f: StatsFilters) => {
    const e = effectiveFilters(f);
    return `/subjects${registrySearch({ sector: e.sector, kind: e.kind, platform: e.platform, ...(e.campaign !== undefined ? { campaign: e.campaign, from: e.from, to: e.to } : {}) })}`;
  },
  /** Repeat offenders: under an open or confirmed flag of any rule, in scope (the period does not apply). */
  repeatOperators: (f: StatsFilters) => `/operators${registrySearch({ flagged: 'active', campaign: f.campaign, sector: f.sector, kind: f.kind, platform: f.platform })}`,
  repeatSubjects: (f: StatsFilters) => `/subjects${registrySearch({ flagged: 'active', campaign: f.campaign, sector: f.sector, kind: f.kind, platform: f.platform })}`,
};

export interface LinkedFigure {
  element: string;
  value: number;
  unit: 'cases' | 'findings' | 'subjects' | 'operators';
  href: string;
}

/** Every figure of the dashboard that links to a list, with its value and unit. */
export function caseDrills(f: StatsFilters, d: { summary: Summary; bySector: BySector; byCategory: ByCategory; trend: Trend; breakdown: Breakdown }): LinkedFigure[] {
  const out: LinkedFigure[] = [];
  const cases = (element: string, value: number, href: string) => out.push({ element, value, unit: 'cases', href });
  const findings = (element: string, value: number, href: string) => out.push({ element, value, unit: 'findings', href });
  const { summary, bySector, byCategory, trend, breakdown } = d;

  out.push({ element: 'subjects', value: summary.subjects, unit: 'subjects', href: drill.subjects(f) });
  out.push({ element: 'repeat operators', value: summary.repeatOffenders.operators, unit: 'operators', href: drill.repeatOperators(f) });
  out.push({ element: 'repeat subjects', value: summary.repeatOffenders.subjects, unit: 'subjects', href: drill.repeatSubjects(f) });
  for (const [state, n] of Object.entries(summary.cases.current) as [CaseState, number][]) cases(`state ${state}`, n, drill.state(f, state));
  cases('overdue', summary.cases.overdue, drill.overdue(f));
  cases('funnel opened', Object.values(summary.cases.current).reduce((a, n) => a + n, 0), drill.all(f));
  for (const step of ['ordered', 'notified', 'removed'] as const) cases(`funnel ${step}`, summary.cases.funnel[step], drill.reached(f, step));

  for (const s of bySector.sectors) {
    findings(`sector ${s.code}`, s.findings, drill.sector(f, s.code));
    for (const [category, n] of Object.entries(s.byCategory)) findings(`sector ${s.code} × ${category}`, n, drill.sectorCategory(f, s.code, category));
    if (s.overdue) cases(`overdue in ${s.code}`, s.overdue, drill.sectorOverdue(f, s.code));
  }
  for (const c of byCategory.categories) findings(`category ${c.code}`, c.findings, drill.category(f, c.code));
  for (const m of trend.months) findings(`month ${m.month}`, m.findings, drill.month(f, m.month));
  for (const p of breakdown.platforms) {
    if (p.cases) cases(`platform ${p.platform}`, p.cases, drill.platform(f, p.platform as NonNullable<CaseFilters['platform']>));
  }
  for (const s of breakdown.stores) cases(`store ${s.store}`, s.cases, drill.store(f, s.store));
  for (const o of breakdown.topOperators) cases(`operator ${o.operatorId}`, o.cases, drill.operator(f, o.operatorId));
  return out;
}

export type { StatsFilters };
