/**
 * The case list at DESIGN §8 scale: page 10,000 (50 per page) by keyset cursor against page 1, in the
 * same run, with page 10,000 by OFFSET shown as what keyset avoids; plus page 1 of narrower filters.
 * Part of `npm run bench` (bench/run.ts); alone:
 *
 *   npx tsx bench/cases-list.ts       # BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/rectify_bench
 *
 * Writes bench/results/cases-list.json. Not a test: the numbers depend on the machine.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { listCases } from '../lib/cases/list';
import type { CaseListQuery } from '../lib/cases/filters';
import { runAloneIfMain } from './lib/alone';
import { benchLog, ratio, timeMedian } from './lib/timing';

const LIMIT = 50;
const PAGE = 10_000;
const GOAL = 1.5;
const ACTIVE = ['open', 'ordered', 'rectified', 'notified', 'removed'] as const;

/** The broadest useful filter with page 10,000 in it: the active cases, or every case when too few are active. */
async function baseQuery(db: Db): Promise<{ base: Omit<CaseListQuery, 'format'>; filter: string; matching: number }> {
  const [row] = await queryRows<{ active: number; all: number }>(db, sql`SELECT count(*) FILTER (WHERE state IN ('open','ordered','rectified','notified','removed'))::int AS active, count(*)::int AS all FROM cases`);
  if (row!.active >= PAGE * LIMIT) return { base: { state: [...ACTIVE], sort: 'opened', limit: LIMIT }, filter: `state=${ACTIVE.join(',')}, sort=opened`, matching: row!.active };
  if (row!.all < PAGE * LIMIT) throw new Error(`only ${row!.all} cases: page ${PAGE} of ${LIMIT} does not exist`);
  return { base: { sort: 'opened', limit: LIMIT }, filter: 'every case, sort=opened', matching: row!.all };
}

/** Times the product's listCases at page 1 and page 10,000 on a database holding the bench data set. */
export async function benchCaseList(db: Db) {
  const { base, filter, matching } = await baseQuery(db);
  // The cursor a client holds after 9,999 pages: the last row of page 9,999, as a one-row page.
  const anchor = (await listCases(db, { ...base, limit: 1 }, { offset: (PAGE - 1) * LIMIT - 1 })).nextCursor!;
  const viaCursor = await listCases(db, { ...base, cursor: anchor });
  const viaOffset = await listCases(db, base, { offset: (PAGE - 1) * LIMIT });
  if (!viaCursor.items.length || viaCursor.items.map((i) => i.id).join() !== viaOffset.items.map((i) => i.id).join()) throw new Error('keyset and OFFSET disagree on page 10,000');

  const page1 = await timeMedian(() => listCases(db, base));
  const page10000 = await timeMedian(() => listCases(db, { ...base, cursor: anchor }));
  const offsetPage10000 = await timeMedian(() => listCases(db, base, { offset: (PAGE - 1) * LIMIT }));
  const narrower = {
    page1Sector: await timeMedian(() => listCases(db, { sector: 'parking', sort: 'opened', limit: LIMIT })),
    page1SectorOverdueByDeadline: await timeMedian(() => listCases(db, { sector: 'parking', overdue: true, sort: 'deadline', limit: LIMIT })),
    page1Category: await timeMedian(() => listCases(db, { category: 'permission_forced', sort: 'opened', limit: LIMIT })),
  };
  const r = ratio(page10000.medianMs, page1.medianMs);
  benchLog(`case list (${matching} matching): page 1 ${page1.medianMs} ms, page ${PAGE} ${page10000.medianMs} ms (ratio ${r}), OFFSET page ${PAGE} ${offsetPage10000.medianMs} ms`);
  return {
    list: 'cases (listCases, as GET /api/v1/cases and the case list page)',
    filter,
    matching,
    limit: LIMIT,
    page: PAGE,
    statistic: 'median of 5 after a warm-up',
    goal: `page ${PAGE} ≤ ${GOAL}× page 1`,
    page1Ms: page1.medianMs,
    page10000Ms: page10000.medianMs,
    ratio: r,
    met: r <= GOAL,
    offsetPage10000Ms: offsetPage10000.medianMs,
    narrowerPage1Ms: Object.fromEntries(Object.entries(narrower).map(([k, v]) => [k, v.medianMs])),
  };
}

runAloneIfMain(import.meta.url, 'cases-list', benchCaseList);
