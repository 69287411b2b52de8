/**
 * The dashboard's drill-down (#17): every figure that links to the case list equals the number of
 * cases that list shows, through the cases API (its query parsing included), under every filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { campaigns } from '../../db/schema';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { GET as listCasesRoute } from '../../app/api/v1/cases/route';
import { GET as listSubjectsRoute } from '../../app/api/v1/subjects/route';
import { GET as listOperatorsRoute } from '../../app/api/v1/operators/route';
import { getBreakdown } from '../../lib/stats/breakdown';
import { getByCategory, getBySector, getTrend } from '../../lib/stats/series';
import { getSummary } from '../../lib/stats/summary';
import { caseDrills, type StatsFilters } from '../../lib/stats/drill';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';

let handle: DatabaseHandle;
let token: string;
let filterSets: StatsFilters[];

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedTaxonomies(handle.db);
  await seedDemo(handle.db);
  token = await createToken('supervisor');
  const [campaign] = await handle.db.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1);
  const today = officeToday();
  filterSets = [
    {},
    { kind: 'app' },
    { kind: 'mini_program', platform: 'wechat', from: addDays(today, -200), to: addDays(today, -40) },
    { campaign: campaign!.id, sector: 'parking' },
  ];
}, 120_000);
afterAll(teardownTestDatabase);

const LISTS = { '/cases': listCasesRoute, '/subjects': listSubjectsRoute, '/operators': listOperatorsRoute } as const;

/** Opens the link as a client would (GET /api/v1/<list> with its query) and counts every page. */
async function countList(href: string): Promise<number> {
  const url = new URL(href, 'http://rectify.test');
  const route = LISTS[url.pathname as keyof typeof LISTS];
  expect(route, href).toBeDefined();
  url.searchParams.set('limit', '200');
  let n = 0;
  for (;;) {
    const res = await callRoute(route, { path: `/api/v1${url.pathname}${url.search}`, token });
    expect(res.status, href).toBe(200);
    n += res.json.items.length;
    if (!res.json.nextCursor) return n;
    url.searchParams.set('cursor', res.json.nextCursor);
  }
}

describe('dashboard drill-down', () => {
  it('the cases API applies kind, platform, period and store instead of dropping them', async () => {
    const apps = await callRoute(listCasesRoute, { path: '/api/v1/cases?kind=app&limit=200', token });
    expect(apps.status).toBe(200);
    expect(apps.json.items.length).toBeGreaterThan(0);
    expect(apps.json.items.filter((c: { subjectKind: string }) => c.subjectKind !== 'app')).toEqual([]);
    const bad = await callRoute(listCasesRoute, { path: '/api/v1/cases?kind=phone&platform=nokia&from=2026-02-30&store=%E5%8D%8E', token });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['from', 'kind', 'platform', 'store']);
  });

  it('under a campaign, counts its subjects only and operators flagged by any rule, not only multi_line', async () => {
    const f = filterSets[3]!;
    const campaign = { campaign: f.campaign };
    const summary = await getSummary(handle.db, campaign);
    const all = await getSummary(handle.db, {});
    expect(summary.subjects).toBeLessThan(all.subjects);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(DISTINCT f.operator_id)::int n FROM offender_flags f
      WHERE f.rule <> 'multi_line' AND f.status <> 'dismissed' AND f.resolved_at IS NULL
        AND EXISTS (SELECT 1 FROM cases c JOIN inspections i ON i.id = c.inspection_id WHERE c.id = ANY(f.case_ids) AND i.campaign_id = ${f.campaign})`);
    expect(Number(row!.n)).toBeGreaterThan(0);
    expect(summary.repeatOffenders.operators).toBeGreaterThanOrEqual(Number(row!.n));
  });

  it('every linked figure equals the count of the case list its link opens, under every filter', async () => {
    let walked = 0;
    for (const f of filterSets) {
      const db = handle.db;
      const [summary, bySector, byCategory, trend, breakdown] = await Promise.all([getSummary(db, f), getBySector(db, f), getByCategory(db, f), getTrend(db, f), getBreakdown(db, f)]);
      for (const d of caseDrills(f, { summary, bySector, byCategory, trend, breakdown })) {
        const n = await countList(d.href);
        const label = `${JSON.stringify(f)} ${d.element} = ${d.value} ${d.unit}: ${d.href}`;
        if (d.unit !== 'findings') expect(n, label).toBe(d.value);
        // A finding belongs to one case: the cases behind N findings are at least 1 and at most N.
        else expect(n > 0 && n <= d.value, `${label} opens ${n} cases`).toBe(d.value > 0);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(100);
  }, 300_000);
});
