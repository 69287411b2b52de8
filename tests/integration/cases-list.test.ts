import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, subjectNames } from '../../db/schema';
import type { DatabaseHandle } from '../../db/client';
import { GET as listRoute } from '../../app/api/v1/cases/route';
import { POST as transitionOne } from '../../app/api/v1/cases/[id]/transitions/route';
import { transitionCase } from '../../lib/cases/transition';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let inspector: string;
let admin: string;
const today = officeToday();
const ids: Record<string, number> = {};

const list = (query: string, token: string | null = inspector) =>
  callRoute(listRoute, { path: `/api/v1/cases${query}`, token: token ?? undefined });
const idsOf = (res: { json: { items: { id: number }[] } }) => res.json.items.map((i) => i.id).sort((a, b) => a - b);

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [inspector, admin] = await Promise.all([createToken('inspector'), createToken('admin')]);
  const actor = await makeUser('inspector');
  const [camp] = await handle.db.insert(campaigns).values({ code: 'parking-2026', nameZh: '停车专项', nameEn: 'Parking action', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
  ids.campaign = camp!.id;
  const op = await makeOperator({ name: '杭州停车宝科技有限公司' });
  ids.operator = op.id;
  const parking = await makeSubject({ name: '停车宝', sector: 'parking', operatorId: op.id });
  const shop = await makeSubject({ name: 'Fresh Mart 生鲜', sector: 'retail', kind: 'app', platform: 'android' });
  ids.parkingSubject = parking.id;
  // Renamed: found by its old name too.
  await handle.db.insert(subjectNames).values({ subjectId: shop.id, name: '旧名生鲜超市', validFrom: new Date('2025-01-01'), validTo: new Date('2025-06-01') });
  ids.open = (await makeCase({ subjectId: parking.id, categories: ['permission_forced'], campaignId: camp!.id })).id;
  const overdue = await makeCase({ subjectId: shop.id, categories: ['collect_excessive', 'popup_harassment'] });
  ids.overdue = overdue.id;
  // Ordered on an earlier "today", so that its deadline has passed by now.
  await handle.db.transaction((tx) => transitionCase(tx, actor, overdue.id, 1, { to: 'ordered', input: { deadline: addDays(today, -2) } }, addDays(today, -10)));
  const due = await makeCase({ subjectId: shop.id, categories: ['collect_excessive'] });
  ids.due = due.id;
  await handle.db.transaction((tx) => transitionCase(tx, actor, due.id, 1, { to: 'ordered', input: { deadline: addDays(today, 5) } }));
  // Many more, for pagination.
  for (let i = 0; i < 23; i++) await makeCase({ subjectId: (await makeSubject({ sector: 'other', name: `其他小程序${(i * 7) % 23}` })).id, categories: ['autostart'] });
});
afterAll(teardownTestDatabase);

describe('GET /api/v1/cases filters', () => {
  it('filters by state (one or several)', async () => {
    expect(idsOf(await list('?state=ordered'))).toEqual([ids.overdue!, ids.due!].sort((a, b) => a - b));
    const both = await list('?state=ordered,open&limit=200');
    expect(both.json.items).toHaveLength(26);
    expect(idsOf(await list('?state=ordered&state=verified'))).toHaveLength(2);
  });

  it('filters by sector, category, campaign, operator and subject', async () => {
    expect(idsOf(await list('?sector=parking'))).toEqual([ids.open]);
    expect(idsOf(await list('?category=popup_harassment'))).toEqual([ids.overdue]);
    expect(idsOf(await list(`?campaign=${ids.campaign}`))).toEqual([ids.open]);
    expect(idsOf(await list(`?operator=${ids.operator}`))).toEqual([ids.open]);
    expect(idsOf(await list(`?subject=${ids.parkingSubject}`))).toEqual([ids.open]);
  });

  it('filters overdue cases (derived from the deadline) and marks them', async () => {
    const res = await list('?overdue=1');
    expect(idsOf(res)).toEqual([ids.overdue]);
    expect(res.json.items[0]).toMatchObject({ overdue: true, state: 'ordered', deadline: addDays(today, -2) });
    const notOverdue = await list('?overdue=0&state=ordered');
    expect(idsOf(notOverdue)).toEqual([ids.due]);
    expect(notOverdue.json.items[0].overdue).toBe(false);
  });

  it('searches subject names, current and earlier, in Chinese', async () => {
    expect(idsOf(await list(`?q=${encodeURIComponent('停车')}`))).toEqual([ids.open]);
    expect(idsOf(await list(`?q=${encodeURIComponent('旧名生鲜')}`))).toEqual([ids.overdue!, ids.due!].sort((a, b) => a - b));
    expect(idsOf(await list(`?q=${encodeURIComponent('100%_')}`))).toEqual([]);
  });

  it('returns the fields a list needs', async () => {
    const res = await list(`?subject=${ids.parkingSubject}`);
    expect(res.json.items[0]).toMatchObject({
      id: ids.open, state: 'open', subjectName: '停车宝', sector: 'parking', operatorName: '杭州停车宝科技有限公司',
      campaignCode: 'parking-2026', categories: ['permission_forced'], overdue: false,
    });
  });
});

describe('GET /api/v1/cases pagination and sorting', () => {
  for (const sort of ['opened', 'deadline', 'subject']) {
    it(`walks every case exactly once with the cursor (sort=${sort})`, async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await list(`?sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.json.items.map((i: { id: number }) => i.id));
        cursor = res.json.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen).toHaveLength(26);
      expect(new Set(seen).size).toBe(26);
    });
  }

  it('keeps a cursor stable when new cases arrive meanwhile', async () => {
    const first = await list('?limit=5');
    const newer = await makeCase();
    const second = await list(`?limit=5&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((i: { id: number }) => i.id)).not.toContain(newer.id);
    expect(second.json.items[0].id).toBeLessThan(first.json.items[4].id);
  });

  it('orders by deadline with cases without one last', async () => {
    const res = await list('?sort=deadline&limit=3');
    expect(res.json.items.map((i: { id: number }) => i.id)).toEqual([ids.overdue, ids.due, expect.any(Number)]);
  });
});

describe('GET /api/v1/cases errors and roles', () => {
  it('answers a bad filter with 400 naming it', async () => {
    const res = await list('?state=sideways&limit=500&overdue=maybe&campaign=not%20a%20code&sort=random');
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['campaign', 'limit', 'overdue', 'sort', 'state.0']);
    const cursor = await list('?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.json.error.fields).toHaveProperty('cursor');
    const otherSort = await list('?limit=2');
    const mixed = await list(`?sort=subject&cursor=${otherSort.json.nextCursor}`);
    expect(mixed.status).toBe(400);
  });

  it('asks for credentials (401)', async () => {
    expect((await list('', null)).status).toBe(401);
  });

  it('lets an admin read the list but not move a case (403)', async () => {
    const res = await list('?state=open', admin);
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
    const move = await callRoute(transitionOne, {
      method: 'POST', path: `/api/v1/cases/${ids.open}/transitions`, params: { id: String(ids.open) }, token: admin,
      body: { to: 'ordered', deadline: addDays(today, 7), expectedRevision: 1 },
    });
    expect(move.status).toBe(403);
  });
});

describe('GET /api/v1/cases?format=csv', () => {
  it('streams every matching case, formula cells neutralised', async () => {
    const evil = await makeSubject({ name: '=HYPERLINK("http://evil.example","点我")', sector: 'training' });
    const c = await makeCase({ subjectId: evil.id });
    const res = await list('?format=csv&sector=training&limit=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="cases-/);
    const lines = res.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^案件编号,状态,是否逾期,整改期限/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${c.id},待处理,否`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const all = await list('?format=csv&limit=1');
    expect(all.text.trimEnd().split('\r\n')).toHaveLength(1 + 28);
  });
});
