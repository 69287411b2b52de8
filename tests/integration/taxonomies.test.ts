import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { GET as listSectors, POST as createSector } from '../../app/api/v1/sectors/route';
import { PATCH as patchSector } from '../../app/api/v1/sectors/[code]/route';
import { GET as listCategories, POST as createCategory } from '../../app/api/v1/categories/route';
import { PATCH as patchCategory } from '../../app/api/v1/categories/[code]/route';
import { GET as listStores, POST as createStore } from '../../app/api/v1/stores/route';
import { PATCH as patchStore } from '../../app/api/v1/stores/[code]/route';
import { POST as createSubjectRoute } from '../../app/api/v1/subjects/route';
import { POST as inspectionsRoute } from '../../app/api/v1/inspections/route';
import { GET as bySectorRoute } from '../../app/api/v1/stats/by-sector/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let admin: string;
let inspector: string;
let supervisor: string;

type Handler = typeof createSector;
const post = (h: Handler, path: string, body: unknown, token: string | null = admin) => callRoute(h, { method: 'POST', path, token: token ?? undefined, body });
const patch = (h: typeof patchSector, path: string, code: string, body: unknown, token: string | null = admin) => callRoute(h, { method: 'PATCH', path: `${path}/${code}`, token: token ?? undefined, params: { code }, body });

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [admin, inspector, supervisor] = await Promise.all([createToken('admin'), createToken('inspector'), createToken('supervisor')]);
});
afterAll(teardownTestDatabase);

describe('sectors', () => {
  it('an admin adds a sector with both labels; everyone reads it; audited', async () => {
    const res = await post(createSector, '/api/v1/sectors', { code: 'ride_hailing', labelZh: '网约车', labelEn: 'Ride hailing' });
    expect(res.status).toBe(201);
    expect(res.json.entry).toEqual({ code: 'ride_hailing', labelZh: '网约车', labelEn: 'Ride hailing', sortOrder: 500, retired: false });
    const list = await callRoute(listSectors, { path: '/api/v1/sectors', token: inspector });
    expect(list.json.items.map((s: { code: string }) => s.code)).toContain('ride_hailing');
    expect(list.json.nextCursor).toBeNull();
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sector.create'))).toHaveLength(1);
  });

  it.each([
    ['code', { code: 'Ride-Hailing' }],
    ['labelZh', { labelZh: '' }],
    ['labelEn', { labelEn: 'x'.repeat(201) }],
    ['sortOrder', { sortOrder: -1 }],
  ])('names the invalid field %s', async (field, change) => {
    const res = await post(createSector, '/api/v1/sectors', { code: 'x_sector', labelZh: '某', labelEn: 'Some', ...change });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual([field]);
  });

  it('a taken code is 409 naming it; 401 without credentials; 403 for inspectors and supervisors', async () => {
    const dup = await post(createSector, '/api/v1/sectors', { code: 'parking', labelZh: '停车', labelEn: 'Parking' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.fields).toHaveProperty('code');
    expect((await post(createSector, '/api/v1/sectors', {}, null)).status).toBe(401);
    expect((await post(createSector, '/api/v1/sectors', {}, inspector)).status).toBe(403);
    expect((await post(createSector, '/api/v1/sectors', {}, supervisor)).status).toBe(403);
    expect((await callRoute(listSectors, { path: '/api/v1/sectors' })).status).toBe(401);
  });

  it('retiring hides a sector from new input and keeps old records; it still counts in the charts', async () => {
    const old = await makeSubject({ sector: 'ride_hailing' });
    await makeCase({ subjectId: old.id });
    const retired = await patch(patchSector, '/api/v1/sectors', 'ride_hailing', { retired: true });
    expect(retired.status).toBe(200);
    expect(retired.json.entry.retired).toBe(true);
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sector.retire'))).toHaveLength(1);
    const op = await makeOperator();
    const res = await callRoute(createSubjectRoute, { method: 'POST', path: '/api/v1/subjects', token: inspector, body: { kind: 'app', platform: 'android', name: '新网约车', sector: 'ride_hailing', operatorId: op.id, identifiers: [{ type: 'package_name', value: 'com.example.newride' }] } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.sector).toMatch(/retired/);
    const chart = await callRoute(bySectorRoute, { path: '/api/v1/stats/by-sector', token: inspector });
    expect(JSON.stringify(chart.json)).toContain('ride_hailing');
    const back = await patch(patchSector, '/api/v1/sectors', 'ride_hailing', { retired: false, labelEn: 'Ride-hailing' });
    expect(back.json.entry).toMatchObject({ retired: false, labelEn: 'Ride-hailing' });
  });

  it('PATCH names bad fields (400), an unknown code (404); 401, 403', async () => {
    expect((await patch(patchSector, '/api/v1/sectors', 'parking', { code: 'other' })).json.error.fields).toHaveProperty('code');
    expect((await patch(patchSector, '/api/v1/sectors', 'parking', { retired: 'yes' })).json.error.fields).toHaveProperty('retired');
    expect((await patch(patchSector, '/api/v1/sectors', 'parking', {})).status).toBe(400);
    expect((await patch(patchSector, '/api/v1/sectors', 'no_such', { labelZh: '无' })).status).toBe(404);
    expect((await patch(patchSector, '/api/v1/sectors', 'Bad Code', { labelZh: '无' })).json.error.fields).toHaveProperty('code');
    expect((await patch(patchSector, '/api/v1/sectors', 'parking', { labelZh: '停车' }, null)).status).toBe(401);
    expect((await patch(patchSector, '/api/v1/sectors', 'parking', { labelZh: '停车' }, supervisor)).status).toBe(403);
  });
});

describe('violation categories', () => {
  const valid = { code: 'face_data', labelZh: '违规处理人脸信息', labelEn: 'Unlawful processing of facial data', legalBasisZh: '《个人信息保护法》第二十八条', legalBasisEn: 'PIPL Art. 28' };

  it('an admin adds a category with labels and legal basis in both languages', async () => {
    const res = await post(createCategory, '/api/v1/categories', valid);
    expect(res.status).toBe(201);
    expect(res.json.entry).toMatchObject({ ...valid, retired: false });
    expect((await callRoute(listCategories, { path: '/api/v1/categories', token: inspector })).json.items.find((c: { code: string }) => c.code === 'face_data')).toMatchObject(valid);
  });

  it.each(['legalBasisZh', 'legalBasisEn', 'labelZh', 'code'])('names a missing %s', async (field) => {
    const body: Record<string, string> = { ...valid, code: 'other_cat' };
    delete body[field];
    const res = await post(createCategory, '/api/v1/categories', body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual([field]);
  });

  it('a retired category takes no new findings; 401 and 403 on writes', async () => {
    expect((await patch(patchCategory, '/api/v1/categories', 'face_data', { retired: true, legalBasisEn: 'PIPL Arts. 28–29' })).json.entry).toMatchObject({ retired: true, legalBasisEn: 'PIPL Arts. 28–29' });
    const subject = await makeSubject();
    const res = await callRoute(inspectionsRoute, { method: 'POST', path: '/api/v1/inspections', token: inspector, body: { subjectId: subject.id, version: '1', inspectedOn: '2026-03-01', method: 'manual_review', findings: [{ category: 'face_data', severity: 'high', description: '人脸信息' }] } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields['findings.0.category']).toMatch(/retired/);
    expect((await post(createCategory, '/api/v1/categories', valid, null)).status).toBe(401);
    expect((await patch(patchCategory, '/api/v1/categories', 'face_data', { retired: false }, inspector)).status).toBe(403);
  });
});

describe('stores', () => {
  it('are seeded; an admin adds one; a listing must name a known, current store', async () => {
    const list = await callRoute(listStores, { path: '/api/v1/stores', token: inspector });
    expect(list.json.items.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['huawei', 'apple', 'wechat']));
    expect((await post(createStore, '/api/v1/stores', { code: 'meizu', labelZh: '魅族应用商店', labelEn: 'Meizu App Store' })).status).toBe(201);
    const op = await makeOperator();
    const subject = (store: string, n: number) => callRoute(createSubjectRoute, { method: 'POST', path: '/api/v1/subjects', token: inspector, body: { kind: 'app', platform: 'android', name: `商店测试${n}`, sector: 'retail', operatorId: op.id, identifiers: [{ type: 'package_name', value: `com.example.store${n}` }], storeListings: [{ store }] } });
    expect((await subject('meizu', 1)).status).toBe(201);
    const unknown = await subject('微信小程序', 2);
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields['storeListings.0.store']).toMatch(/Unknown store/);
    await patch(patchStore, '/api/v1/stores', 'meizu', { retired: true });
    const retired = await subject('meizu', 3);
    expect(retired.json.error.fields['storeListings.0.store']).toMatch(/retired/);
    expect((await post(createStore, '/api/v1/stores', {}, supervisor)).status).toBe(403);
    expect((await patch(patchStore, '/api/v1/stores', 'meizu', { labelZh: '魅族' }, null)).status).toBe(401);
  });
});
