/**
 * The due and overdue queue pages by (deadline, id) instead of stopping silently at 2,000 cases: every
 * case is on some page, the last page is reachable, and each group's total counts them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { cases } from '../../db/schema';
import { listQueue, queueSchema } from '../../lib/cases/queue';
import { addDays, officeToday } from '../../lib/time';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeUser, withTaxonomies } from '../support/fixtures';
import { transitionCases } from '../../lib/cases/transition';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
});
afterAll(teardownTestDatabase);

describe('queue pages', () => {
  it('walks 9 due and overdue cases 4 a page to the last page, with totals per group', async () => {
    const today = officeToday();
    const actor = await makeUser('supervisor');
    const ids: number[] = [];
    for (let i = 0; i < 9; i++) ids.push((await makeCase()).id);
    await handle.db.transaction((tx) => transitionCases(tx, actor, ids.map((caseId) => ({ caseId })), { to: 'ordered', input: { deadline: addDays(today, 2) } }));
    // Five of them overdue by 1..5 days (as time would make them), four due within 2 days.
    for (let i = 0; i < 5; i++) await handle.db.update(cases).set({ deadline: addDays(today, -1 - i) }).where(inArray(cases.id, [ids[i]!]));
    const query = queueSchema.parse({ days: '3' });
    const seen: number[] = [];
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await listQueue(handle.db, { ...query, cursor }, today, 4);
      pages.push(page);
      expect(page.totals).toEqual({ overdue: 5, dueSoon: 4 });
      seen.push(...page.overdue.map((c) => c.id), ...page.dueSoon.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.overdue.length + p.dueSoon.length)).toEqual([4, 4, 1]);
    expect(pages[0]!.overdue[0]!.id).toBe(ids[4]); // the longest overdue first
    expect([...seen].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });

  it('answers a cursor it did not hand out with a 400 naming it', async () => {
    await expect(listQueue(handle.db, { ...queueSchema.parse({}), cursor: 'garbage' })).rejects.toMatchObject({ status: 400, fields: { cursor: expect.any(String) } });
  });
});
