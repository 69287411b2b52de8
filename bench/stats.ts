/**
 * Dashboard stats at DESIGN §8 scale (1M subjects, 5M findings on one Postgres): every stats endpoint's
 * query against the naive GROUP BY over the base tables (tests/support/stats-truth.ts), in the same run,
 * under three filter sets. Part of `npm run bench` (bench/run.ts); alone:
 *
 *   npx tsx bench/stats.ts            # BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/rectify_bench
 *
 * Writes bench/results/stats.json. Not a test: the numbers depend on the machine.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { getBreakdown } from '../lib/stats/breakdown';
import type { StatsFilters } from '../lib/stats/filters';
import { getByCategory, getBySector, getTrend } from '../lib/stats/series';
import { getSummary } from '../lib/stats/summary';
import { truthBreakdown, truthByCategory, truthBySector, truthSummary, truthTrend } from '../tests/support/stats-truth';
import { runAloneIfMain } from './lib/alone';
import { benchLog, ratio, timeMedian } from './lib/timing';

const GOAL = 0.2;

export interface StatsBenchRow {
  endpoint: string;
  filters: string;
  rollupMs: number;
  naiveMs: number;
  ratio: number;
}

/** Times every stats endpoint against its naive GROUP BY on a database holding the bench data set. */
export async function benchStats(db: Db) {
  const [camp] = await queryRows<{ id: number }>(db, sql`SELECT min(id) AS id FROM campaigns`);
  const filterSets: Record<string, StatsFilters> = {
    all: {},
    'parking+campaign': { sector: 'parking', campaign: camp!.id },
    'wechat+6 months': { platform: 'wechat', from: new Date(Date.now() - 183 * 864e5).toISOString().slice(0, 10) },
  };
  const endpoints = {
    summary: [getSummary, truthSummary],
    'by-sector': [getBySector, truthBySector],
    'by-category': [getByCategory, truthByCategory],
    trend: [getTrend, truthTrend],
    breakdown: [getBreakdown, truthBreakdown],
  } as const;
  const results: StatsBenchRow[] = [];
  for (const [endpoint, [fast, naive]] of Object.entries(endpoints)) {
    for (const [label, f] of Object.entries(filterSets)) {
      const rollupMs = (await timeMedian(() => fast(db, f))).medianMs;
      const naiveMs = (await timeMedian(() => naive(db, f))).medianMs;
      const r = ratio(rollupMs, naiveMs);
      results.push({ endpoint, filters: label, rollupMs, naiveMs, ratio: r });
      benchLog(`${endpoint.padEnd(12)} ${label.padEnd(18)} rollup ${rollupMs.toFixed(1).padStart(8)} ms  naive ${naiveMs.toFixed(1).padStart(9)} ms  ratio ${r.toFixed(3)}${r <= GOAL ? '' : `  (above the ${GOAL} goal)`}`);
    }
  }
  const worst = results.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return { statistic: 'median of 5 after a warm-up', goal: `each ≤ ${GOAL}× the naive GROUP BY`, worstRatio: worst.ratio, worst: `${worst.endpoint} (${worst.filters})`, met: worst.ratio <= GOAL, results };
}

runAloneIfMain(import.meta.url, 'stats', benchStats);
