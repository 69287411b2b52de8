import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { campaigns, cases, findings, inspections, storeListings, subjects } from '../../db/schema';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { GET as getSummaryRoute } from '../../app/api/v1/stats/summary/route';
import { GET as getBySectorRoute } from '../../app/api/v1/stats/by-sector/route';
import { openCaseForInspection } from '../../lib/cases/open';
import { transitionCase } from '../../lib/cases/transition';
import { getBreakdown } from '../../lib/stats/breakdown';
import type { StatsFilters } from '../../lib/stats/filters';
import { drill } from '../../lib/stats/drill';
import { getByCategory, getBySector, getTrend } from '../../lib/stats/series';
import { getSummary } from '../../lib/stats/summary';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeUser } from '../support/fixtures';
import { truthBreakdown, truthByCategory, truthBySector, truthSummary, truthTrend } from '../support/stats-truth';

let handle: DatabaseHandle;
let filterSets: StatsFilters[];

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedTaxonomies(handle.db);
  await seedDemo(handle.db);
  const [campaign] = await handle.db.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1);
  const today = officeToday();
  const yearAgo = addDays(today, -200);
  filterSets = [
    {},
    { sector: 'parking' },
    { campaign: campaign!.id },
    { campaign: campaign!.id, sector: 'parking' },
    { kind: 'mini_program', platform: 'wechat' },
    { kind: 'app' },
    { from: yearAgo, to: addDays(today, -40) },
    { from: addDays(today, -100), sector: 'restaurant', platform: 'android' },
  ];
});
afterAll(teardownTestDatabase);

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== 0));

/** Every figure and series the dashboard shows, against SQL over the base tables, for every filter set. */
async function expectRollupsMatchBaseTables() {
  const db = handle.db;
  for (const f of filterSets) {
    const label = JSON.stringify(f);
    const [summary, truth] = [await getSummary(db, f), await truthSummary(db, f)];
    expect({ subjects: summary.subjects, inspections: summary.inspections, findings: summary.findings }, label).toEqual({
      subjects: truth.subjects, inspections: truth.inspections, findings: truth.findings,
    });
    expect(nonZero(summary.cases.current), label).toEqual(truth.current);
    expect(summary.cases.funnel, label).toEqual(truth.funnel);
    expect(summary.cases.overdue, label).toBe(truth.overdue);

    const bySector = await getBySector(db, f);
    const sectorTruth = await truthBySector(db, f);
    expect(Object.fromEntries(bySector.sectors.map((s) => [s.code, { findings: s.findings, cases: s.cases, overdue: s.overdue, byCategory: s.byCategory }])), label).toEqual(sectorTruth);

    const byCategory = await getByCategory(db, f);
    expect(Object.fromEntries(byCategory.categories.map((c) => [c.code, c.findings])), label).toEqual(await truthByCategory(db, f));
    expect(byCategory.categories.reduce((a, c) => a + c.share, 0), label).toBeCloseTo(byCategory.total ? 1 : 0, 9);

    const trend = await getTrend(db, f);
    const trendTruth = await truthTrend(db, f);
    const nonEmpty = trend.months.filter((m) => m.findings || m.opened || m.closed);
    expect(Object.fromEntries(nonEmpty.map(({ month, ...rest }) => [month, rest])), label).toEqual(trendTruth);
    const months = trend.months.map((m) => m.month);
    expect(months, `${label}: contiguous months`).toEqual([...months].sort());

    const breakdown = await getBreakdown(db, f);
    const b = await truthBreakdown(db, f);
    expect(Object.fromEntries(breakdown.platforms.filter((p) => p.findings).map((p) => [p.platform, p.findings])), label).toEqual(b.platforms);
    expect(Object.fromEntries(breakdown.platforms.filter((p) => p.cases).map((p) => [p.platform, p.cases])), label).toEqual(b.platformCases);
    expect(Object.fromEntries(breakdown.stores.map((s) => [s.store, s.cases])), label).toEqual(b.stores);
    expect(breakdown.verifyDays.cases, label).toBe(b.verified);
    expect(breakdown.verifyDays.median, label).toBe(b.median);
    expect(breakdown.verifyDays.p90, label).toBe(b.p90);
    expect(breakdown.verifyDays.buckets.map((x) => x.cases), label).toEqual(b.buckets);
    expect(breakdown.topOperators.map(({ operatorId, cases: n, openCases }) => ({ operatorId, cases: n, openCases })), label).toEqual(b.operators);
  }
}

describe('dashboard rollups', () => {
  it('match the base tables on the demo data, for every filter', async () => {
    const summary = await getSummary(handle.db);
    expect(summary.findings).toBeGreaterThan(1000);
    expect(summary.cases.funnel.removed).toBeGreaterThan(0);
    expect(summary.cases.overdue).toBeGreaterThan(0);
    const breakdown = await getBreakdown(handle.db);
    expect(breakdown.verifyDays.cases).toBeGreaterThan(10);
    expect(breakdown.verifyDays.median).not.toBeNull();
    expect(breakdown.stores.length).toBeGreaterThan(3);
    expect(breakdown.topOperators).toHaveLength(10);
    await expectRollupsMatchBaseTables();
  });

  it('stay exact after ladder transitions', async () => {
    const db = handle.db;
    const supervisor = await makeUser('supervisor');
    const open = await db.select().from(cases).where(eq(cases.state, 'open')).orderBy(asc(cases.id)).limit(3);
    const future = addDays(officeToday(), 10);
    await db.transaction(async (tx) => {
      const [a, b, c] = open;
      const ordered = await transitionCase(tx, supervisor, a!.id, a!.revision, { to: 'ordered', input: { deadline: future } });
      const rectified = await transitionCase(tx, supervisor, a!.id, ordered.revision, { to: 'rectified', input: { reason: '已整改', version: '2.0.0' } });
      await transitionCase(tx, supervisor, a!.id, rectified.revision, { to: 'verified', input: { version: '2.0.0' } });
      await transitionCase(tx, supervisor, b!.id, b!.revision, { to: 'ordered', input: { deadline: future } });
      await transitionCase(tx, supervisor, c!.id, c!.revision, { to: 'withdrawn', input: { reason: '误报' } });
    });
    // A deadline that passes makes a case overdue without any write: the rollup keys cases by deadline.
    await db.update(cases).set({ deadline: addDays(officeToday(), -1) }).where(eq(cases.id, open[1]!.id));
    await expectRollupsMatchBaseTables();
  });

  it('stay exact after a bulk import of inspections, findings and cases', async () => {
    const db = handle.db;
    const subs = await db.select({ id: subjects.id }).from(subjects).orderBy(asc(subjects.id)).limit(40);
    const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1);
    await db.transaction(async (tx) => {
      const insps = await tx
        .insert(inspections)
        .values(subs.map((s, i) => ({
          subjectId: s.id, version: '9.9.9', inspectedOn: addDays(officeToday(), -(i % 90)), method: 'technical_test' as const,
          campaignId: i % 3 === 0 ? campaign!.id : null, source: 'bulk-test', externalRef: `run-${i}`,
        })))
        .returning({ id: inspections.id });
      const categories = ['collect_excessive', 'permission_forced', 'popup_harassment', 'autostart'];
      await tx.insert(findings).values(insps.flatMap((x, i) => categories.slice(0, 1 + (i % 4)).map((category, k) => ({
        inspectionId: x.id, category, severity: 'medium' as const, description: '自动化检测', source: 'bulk-test', externalId: `run-${i}-${k}`,
      }))));
      for (const x of insps) await openCaseForInspection(tx, null, x.id);
      // A new store listing moves the counts of every case of that subject.
      await tx.insert(storeListings).values({ subjectId: subs[0]!.id, store: 'honor' }).onConflictDoNothing();
    });
    await expectRollupsMatchBaseTables();
  });

  it('stay exact when a subject changes sector, an inspection moves and findings are deleted', async () => {
    const db = handle.db;
    const [s] = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.sector, 'retail')).limit(1);
    await db.update(subjects).set({ sector: 'parking' }).where(eq(subjects.id, s!.id));
    const [insp] = await db.select({ id: inspections.id }).from(inspections).orderBy(asc(inspections.id)).limit(1);
    await db.update(inspections).set({ inspectedOn: addDays(officeToday(), -3), campaignId: null }).where(eq(inspections.id, insp!.id));
    const [f] = await queryRows<{ inspection_id: number }>(db, sql`SELECT inspection_id FROM findings ORDER BY id DESC LIMIT 1`);
    await db.delete(findings).where(eq(findings.inspectionId, f!.inspection_id));
    await expectRollupsMatchBaseTables();
  });
});

describe('stats API', () => {
  it('keeps the DESIGN §6 summary shape and refuses bad filters with 400 naming the field', async () => {
    const token = await createToken('inspector');
    const ok = await callRoute(getSummaryRoute, { path: '/api/v1/stats/summary?sector=parking', token });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.json).sort()).toEqual(['cases', 'findings', 'inspections', 'repeatOffenders', 'subjects']);
    expect(Object.keys(ok.json.cases).sort()).toEqual(['current', 'funnel', 'overdue']);
    expect(ok.json).toEqual(JSON.parse(JSON.stringify(await getSummary(handle.db, { sector: 'parking' }))));

    const bad = await callRoute(getBySectorRoute, { path: '/api/v1/stats/by-sector?platform=nokia&from=2026-02-30&campaign=-x', token });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['campaign', 'from', 'platform']);
    const reversed = await callRoute(getBySectorRoute, { path: '/api/v1/stats/by-sector?from=2026-05-01&to=2026-04-01', token });
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.fields).toHaveProperty('to');
    expect((await callRoute(getBySectorRoute, { path: '/api/v1/stats/by-sector' })).status).toBe(401);
  });

  it('links every chart element to the case list with the same filter', () => {
    expect(drill.category({ campaign: 3, sector: 'parking', from: '2026-03-15', to: '2026-05-02' }, 'autostart')).toBe(
      '/cases?sector=parking&category=autostart&campaign=3&from=2026-03-01&to=2026-05-31',
    );
    expect(drill.sectorOverdue({ kind: 'app' }, 'finance')).toBe('/cases?sector=finance&overdue=1&kind=app');
  });
});
