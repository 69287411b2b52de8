/**
 * The dashboard's drill-down (#17): every figure that links to the case list equals the number of
 * cases that list shows, through the cases API (its query parsing included), under every filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { campaigns } from '../../db/schema';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { GET as listCasesRoute } from '../../app/api/v1/cases/route';
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
    { kind: 'mini_program', platform: 'wechat' },
    { campaign: campaign!.id, sector: 'parking' },
    { from: addDays(today, -200), to: addDays(today, -40) },
    { from: addDays(today, -100), sector: 'restaurant', platform: 'android' },
  ];
}, 120_000);
afterAll(teardownTestDatabase);

/** Opens the link as a client would (GET /api/v1/cases with its query) and counts every page. */
async function countList(href: string): Promise<number> {
  const url = new URL(href, 'http://rectify.test');
  expect(url.pathname).toBe('/cases');
  url.searchParams.set('limit', '200');
  let n = 0;
  for (;;) {
    const res = await callRoute(listCasesRoute, { path: `/api/v1/cases${url.search}`, token });
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

  it('every linked figure equals the count of the case list its link opens, under every filter', async () => {
    let walked = 0;
    for (const f of filterSets) {
      const db = handle.db;
      const [summary, bySector, byCategory, trend, breakdown] = await Promise.all([getSummary(db, f), getBySector(db, f), getByCategory(db, f), getTrend(db, f), getBreakdown(db, f)]);
      for (const d of caseDrills(f, { summary, bySector, byCategory, trend, breakdown })) {
        const n = await countList(d.href);
        const label = `${JSON.stringify(f)} ${d.element} = ${d.value} ${d.unit}: ${d.href}`;
        if (d.unit === 'cases') expect(n, label).toBe(d.value);
        // A finding belongs to one case: the cases behind N findings are at least 1 and at most N.
        else expect(n > 0 && n <= d.value, `${label} opens ${n} cases`).toBe(d.value > 0);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(100);
  }, 300_000);
});
