import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { getSummary } from '../../lib/stats/summary';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedTaxonomies(handle.db);
  await seedDemo(handle.db, { today: new Date() });
}, 60_000);
afterAll(teardownTestDatabase);

const one = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: string | number }>(handle.db, q))[0]!.n);

describe('the demo seed and the dashboard figures', () => {
  it('looks like an office year: every sector, kind, platform and case state', async () => {
    const rows = await queryRows<{ sectors: number; kinds: number; platforms: number; states: number; notices: number; campaigns: number }>(
      handle.db,
      sql`SELECT (SELECT count(DISTINCT sector) FROM subjects)::int AS sectors, (SELECT count(DISTINCT kind) FROM subjects)::int AS kinds,
                 (SELECT count(DISTINCT platform) FROM subjects)::int AS platforms, (SELECT count(DISTINCT state) FROM cases)::int AS states,
                 (SELECT count(*) FROM notices WHERE status = 'published')::int AS notices, (SELECT count(*) FROM campaigns)::int AS campaigns`,
    );
    expect(rows[0]).toEqual({ sectors: 12, kinds: 4, platforms: 9, states: 8, notices: 2, campaigns: 3 });
    expect(await one(sql`SELECT count(*) AS n FROM operators`)).toBeGreaterThanOrEqual(40);
    expect(await one(sql`SELECT count(*) AS n FROM subjects`)).toBe(300);
    expect(await one(sql`SELECT count(*) AS n FROM inspections`)).toBeGreaterThan(900);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await one(sql`SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM findings) + (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_events) AS n`);
    const again = await seedDemo(handle.db, { today: new Date() });
    expect(again.created).toBe(false);
    const after = await one(sql`SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM findings) + (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_events) AS n`);
    expect(after).toBe(before);
  });

  it('the dashboard summary equals SQL counts over the base tables', async () => {
    const s = await getSummary(handle.db);
    expect(s.subjects).toBe(await one(sql`SELECT count(*) AS n FROM subjects`));
    expect(s.inspections).toBe(await one(sql`SELECT count(*) AS n FROM inspections`));
    expect(s.findings).toBe(await one(sql`SELECT count(*) AS n FROM findings`));
    for (const state of ['open', 'ordered', 'rectified', 'verified', 'notified', 'removed', 'reinstated', 'withdrawn']) {
      expect(s.cases.current[state as keyof typeof s.cases.current], state).toBe(await one(sql`SELECT count(*) AS n FROM cases WHERE state = ${state}`));
    }
    expect(s.cases.overdue).toBe(
      await one(sql`SELECT count(*) AS n FROM cases WHERE state IN ('ordered','notified') AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date`),
    );
    expect(s.cases.overdue).toBeGreaterThan(0);
    expect(s.cases.funnel.ordered).toBe(await one(sql`SELECT count(DISTINCT case_id) AS n FROM case_events WHERE to_state = 'ordered'`));
    expect(s.cases.funnel.notified).toBe(await one(sql`SELECT count(DISTINCT case_id) AS n FROM case_events WHERE to_state = 'notified'`));
    expect(s.cases.funnel.removed).toBe(await one(sql`SELECT count(DISTINCT case_id) AS n FROM case_events WHERE to_state = 'removed'`));
    expect(s.cases.funnel.removed).toBeLessThanOrEqual(s.cases.funnel.notified);
  });
});
