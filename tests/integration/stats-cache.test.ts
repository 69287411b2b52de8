/**
 * The stats API's figures are kept per process under the stats version (docs/decisions/0012): every
 * figure is read through the routes (so each one is cached), the database is written, and the next
 * read must show the write — for a ladder transition, new inspections with their cases, a sector's
 * label, an operator's name and a new campaign — while a rolled-back write changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { campaigns, cases, findings, inspections, operators, sectors, subjects } from '../../db/schema';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { GET as summaryRoute } from '../../app/api/v1/stats/summary/route';
import { GET as bySectorRoute } from '../../app/api/v1/stats/by-sector/route';
import { GET as byCategoryRoute } from '../../app/api/v1/stats/by-category/route';
import { GET as trendRoute } from '../../app/api/v1/stats/trend/route';
import { GET as breakdownRoute } from '../../app/api/v1/stats/breakdown/route';
import { openCaseForInspection } from '../../lib/cases/open';
import { transitionCase } from '../../lib/cases/transition';
import { getBreakdown } from '../../lib/stats/breakdown';
import { readStatsVersion } from '../../lib/stats/cache';
import { getByCategory, getBySector, getTrend } from '../../lib/stats/series';
import { getSummary } from '../../lib/stats/summary';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeUser } from '../support/fixtures';

let handle: DatabaseHandle;
let token: string;
const queries = ['', '?sector=parking', `?from=${addDays(officeToday(), -300)}&to=${officeToday()}`];
const routes = [
  ['summary', summaryRoute, getSummary],
  ['by-sector', bySectorRoute, getBySector],
  ['by-category', byCategoryRoute, getByCategory],
  ['trend', trendRoute, getTrend],
  ['breakdown', breakdownRoute, getBreakdown],
] as const;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedTaxonomies(handle.db);
  await seedDemo(handle.db);
  token = await createToken('supervisor');
});
afterAll(teardownTestDatabase);

/** Every figure as the API answers it (through the cache), for every filter set. */
async function answers(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, route] of routes) for (const q of queries) {
    const res = await callRoute(route, { path: `/api/v1/stats/${name}${q}`, token });
    expect(res.status, `${name}${q}`).toBe(200);
    out[`${name}${q}`] = res.json;
  }
  return out;
}

/** Every figure computed afresh from the database, serialised as the API serialises it. */
async function fresh(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, , figure] of routes) for (const q of queries) {
    const f = Object.fromEntries(new URLSearchParams(q));
    out[`${name}${q}`] = JSON.parse(JSON.stringify(await (figure as (db: typeof handle.db, f: object) => Promise<unknown>)(handle.db, f)));
  }
  return out;
}

/** The API must answer what the database holds now: the write shows at the first read after it. */
async function expectCurrent(label: string) {
  const [got, want] = [await answers(), await fresh()];
  for (const key of Object.keys(want)) expect(got[key], `${label}: ${key}`).toEqual(want[key]);
  return got;
}

describe('the cached stats show every write at once', () => {
  it('reads alone do not change the version; a second read is the same answer', async () => {
    const before = await readStatsVersion(handle.db);
    const first = await expectCurrent('first read');
    expect(await answers()).toEqual(first);
    expect(await readStatsVersion(handle.db)).toBe(before);
  });

  it('a ladder transition shows at once, and one transaction raises the version once', async () => {
    await answers(); // cached
    const before = Number(await readStatsVersion(handle.db));
    const supervisor = await makeUser('supervisor');
    const open = await handle.db.select().from(cases).where(eq(cases.state, 'open')).orderBy(asc(cases.id)).limit(2);
    await handle.db.transaction(async (tx) => {
      for (const c of open) await transitionCase(tx, supervisor, c.id, c.revision, { to: 'ordered', input: { deadline: addDays(officeToday(), 10) } });
    });
    expect(Number(await readStatsVersion(handle.db))).toBe(before + 1);
    const after = await expectCurrent('after the transitions');
    expect((after['summary'] as { cases: { current: Record<string, number> } }).cases.current.ordered).toBeGreaterThanOrEqual(2);
  });

  it('new inspections with findings and cases show at once', async () => {
    const before = (await answers())['summary'] as { inspections: number; findings: number };
    const subs = await handle.db.select({ id: subjects.id }).from(subjects).orderBy(asc(subjects.id)).limit(3);
    await handle.db.transaction(async (tx) => {
      const insps = await tx.insert(inspections).values(subs.map((s, i) => ({
        subjectId: s.id, version: '9.9.1', inspectedOn: officeToday(), method: 'technical_test' as const, source: 'cache-test', externalRef: `cache-${i}`,
      }))).returning({ id: inspections.id });
      await tx.insert(findings).values(insps.map((x, i) => ({ inspectionId: x.id, category: 'collect_excessive', severity: 'medium' as const, description: '缓存测试', source: 'cache-test', externalId: `cache-${i}` })));
      for (const x of insps) await openCaseForInspection(tx, null, x.id);
    });
    const after = (await expectCurrent('after the inspections'))['summary'] as { inspections: number; findings: number };
    expect(after.inspections).toBe(before.inspections + 3);
    expect(after.findings).toBe(before.findings + 3);
  });

  it("a sector's label and an operator's name show at once", async () => {
    await answers();
    await handle.db.update(sectors).set({ labelEn: 'Parking (renamed)' }).where(eq(sectors.code, 'parking'));
    const bySector = (await expectCurrent('after the label'))['by-sector'] as { sectors: { code: string; labelEn: string }[] };
    expect(bySector.sectors.find((s) => s.code === 'parking')?.labelEn).toBe('Parking (renamed)');

    const top = ((await answers())['breakdown'] as { topOperators: { operatorId: number; name: string }[] }).topOperators[0]!;
    await handle.db.update(operators).set({ name: `${top.name} (renamed)` }).where(eq(operators.id, top.operatorId));
    const breakdown = (await expectCurrent('after the rename'))['breakdown'] as { topOperators: { operatorId: number; name: string }[] };
    expect(breakdown.topOperators.find((o) => o.operatorId === top.operatorId)?.name).toBe(`${top.name} (renamed)`);
  });

  it('a campaign created after a read of its (empty) figures shows its figures', async () => {
    const code = `cache-${Date.now().toString(36)}`;
    const path = `/api/v1/stats/summary?campaign=${code}`;
    const empty = await callRoute(summaryRoute, { path, token });
    const [last] = await handle.db.select().from(campaigns).orderBy(desc(campaigns.id)).limit(1);
    await handle.db.update(campaigns).set({ code }).where(eq(campaigns.id, last!.id));
    const after = await callRoute(summaryRoute, { path, token });
    expect(after.json).toEqual(JSON.parse(JSON.stringify(await getSummary(handle.db, { campaign: code }))));
    expect(after.json).not.toEqual(empty.json);
  });

  it('a rolled-back write leaves the version and the answers as they were', async () => {
    const answered = await answers();
    const before = await readStatsVersion(handle.db);
    const [c] = await handle.db.select().from(cases).where(eq(cases.state, 'open')).orderBy(asc(cases.id)).limit(1);
    const supervisor = await makeUser('supervisor');
    await expect(handle.db.transaction(async (tx) => {
      await transitionCase(tx, supervisor, c!.id, c!.revision, { to: 'ordered', input: { deadline: addDays(officeToday(), 10) } });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await readStatsVersion(handle.db)).toBe(before);
    expect(await answers()).toEqual(answered);
  });
});
