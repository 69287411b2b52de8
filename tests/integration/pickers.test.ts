/**
 * The operator and subject pickers search GET /api/v1/operators and /subjects with `q` and `total=1`:
 * ten at a time, with the count of every match so the picker can say how many more there are
 * (counted exactly up to TOTAL_CAP, `totalCapped` beyond). The last page of a search is reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listOperatorsRoute } from '../../app/api/v1/operators/route';
import { GET as listSubjectsRoute } from '../../app/api/v1/subjects/route';
import { getDb } from '../../db/client';
import { countUpTo } from '../../lib/http/total';
import { sql } from 'drizzle-orm';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';

let inspector: string;
let contact: string;

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  [inspector, contact] = await Promise.all([createToken('inspector'), createToken('operator_contact')]);
});
afterAll(teardownTestDatabase);

type Page = { items: { id: number; name: string }[]; nextCursor: string | null; total?: number; totalCapped?: boolean };
const get = (route: typeof listOperatorsRoute, path: string, token: string | null = inspector) => callRoute(route, { path, token: token ?? undefined });

async function walk(route: typeof listOperatorsRoute, base: string): Promise<{ pages: Page[]; ids: number[] }> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(route, `${base}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(res.json);
    cursor = res.json.nextCursor;
  } while (cursor);
  return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
}

describe('operator search with its total', () => {
  it('answers ten of 23 matches with total 23, and the third page holds the last three', async () => {
    const made = [];
    for (let i = 0; i < 23; i++) made.push(await makeOperator({ name: `选择器运营者${String(i).padStart(2, '0')}` }));
    await makeOperator({ name: '不相干的运营者' });
    const { pages, ids } = await walk(listOperatorsRoute, `/api/v1/operators?q=${encodeURIComponent('选择器运营者')}&limit=10&total=1`);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 3]);
    for (const p of pages) expect(p).toMatchObject({ total: 23, totalCapped: false });
    expect(ids.sort()).toEqual(made.map((o) => o.id).sort());
    // Without total=1 the answer stays as it was.
    const plain = await get(listOperatorsRoute, `/api/v1/operators?q=${encodeURIComponent('选择器运营者')}&limit=10`);
    expect(plain.json).not.toHaveProperty('total');
  });

  it('refuses a bad total naming it; 401 without credentials; 403 for an operator contact', async () => {
    const bad = await get(listOperatorsRoute, '/api/v1/operators?q=x&total=yes');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('total');
    expect((await get(listOperatorsRoute, '/api/v1/operators?q=x&total=1', null)).status).toBe(401);
    expect((await get(listOperatorsRoute, '/api/v1/operators?q=x&total=1', contact)).status).toBe(403);
  });
});

describe('subject search with its total', () => {
  it('counts subjects by name across pages, and with a state filter', async () => {
    const op = await makeOperator();
    for (let i = 0; i < 12; i++) await makeSubject({ name: `选择器小程序${i}`, operatorId: op.id });
    const { pages } = await walk(listSubjectsRoute, `/api/v1/subjects?q=${encodeURIComponent('选择器小程序')}&limit=10&total=1`);
    expect(pages.map((p) => p.items.length)).toEqual([10, 2]);
    expect(pages[1]).toMatchObject({ total: 12, totalCapped: false });
    const none = await get(listSubjectsRoute, `/api/v1/subjects?q=${encodeURIComponent('选择器小程序')}&state=ordered&total=1`);
    expect(none.json).toMatchObject({ items: [], total: 0, totalCapped: false });
    const bad = await get(listSubjectsRoute, '/api/v1/subjects?total=2');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('total');
    expect((await get(listSubjectsRoute, '/api/v1/subjects?total=1', null)).status).toBe(401);
    expect((await get(listSubjectsRoute, '/api/v1/subjects?total=1', contact)).status).toBe(403);
  });

  it('stops counting at the cap and says so', async () => {
    const db = await getDb();
    expect(await countUpTo(db, sql`FROM generate_series(1, 30)`, 25)).toEqual({ total: 25, totalCapped: true });
    expect(await countUpTo(db, sql`FROM generate_series(1, 25)`, 25)).toEqual({ total: 25, totalCapped: false });
  });
});
