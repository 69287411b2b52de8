import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { GET as listCampaigns, POST as createCampaign } from '../../app/api/v1/campaigns/route';
import { GET as getCampaign, PATCH as patchCampaign } from '../../app/api/v1/campaigns/[idOrCode]/route';
import { GET as listCases } from '../../app/api/v1/cases/route';
import { GET as summaryRoute } from '../../app/api/v1/stats/summary/route';
import { GET as offendersRoute } from '../../app/api/v1/offenders/route';
import { POST as inspectionsRoute } from '../../app/api/v1/inspections/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeSubject, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let supervisor: string;
let inspector: string;
let admin: string;

const valid = { code: 'parking-2026', nameZh: '停车扫码专项', nameEn: 'Parking QR action', startsOn: '2026-01-01', endsOn: '2026-06-30', sectors: ['parking', 'retail'] };
const post = (body: unknown, token: string | null = supervisor) => callRoute(createCampaign, { method: 'POST', path: '/api/v1/campaigns', token: token ?? undefined, body });
const get = (ref: string, token: string | null = inspector) => callRoute(getCampaign, { path: `/api/v1/campaigns/${ref}`, token: token ?? undefined, params: { idOrCode: ref } });
const patch = (ref: string, body: unknown, token: string | null = supervisor) => callRoute(patchCampaign, { method: 'PATCH', path: `/api/v1/campaigns/${ref}`, token: token ?? undefined, params: { idOrCode: ref }, body });

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [supervisor, inspector, admin] = await Promise.all([createToken('supervisor'), createToken('inspector'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

describe('POST /api/v1/campaigns', () => {
  it('a supervisor creates a campaign; it is audited, and active since it has started', async () => {
    const res = await post(valid);
    expect(res.status).toBe(201);
    expect(res.json.campaign).toMatchObject({ code: 'parking-2026', status: 'active', sectors: ['parking', 'retail'], startsOn: '2026-01-01' });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.create'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entityId).toBe(String(res.json.campaign.id));
  });

  it('a campaign starting later is planned', async () => {
    const res = await post({ ...valid, code: 'future-2099', startsOn: '2099-01-01', endsOn: '2099-02-01' });
    expect(res.status).toBe(201);
    expect(res.json.campaign.status).toBe('planned');
  });

  it.each([
    ['code', { code: '12345' }],
    ['code', { code: 'has space' }],
    ['nameZh', { nameZh: ' ' }],
    ['nameEn', { nameEn: 'x'.repeat(201) }],
    ['startsOn', { startsOn: '2026-02-30' }],
    ['endsOn', { endsOn: '2025-12-31' }],
    ['sectors', { sectors: [] }],
    ['sectors.0', { sectors: ['Not A Code'] }],
    ['status', { status: 'closed' }],
  ])('names the invalid field %s', async (field, change) => {
    const res = await post({ ...valid, code: 'another', ...change });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual([field]);
  });

  it('names every missing field at once', async () => {
    const res = await post({});
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['code', 'endsOn', 'nameEn', 'nameZh', 'sectors', 'startsOn']);
  });

  it('refuses an unknown sector (422) and a taken code (409), naming them', async () => {
    const unknown = await post({ ...valid, code: 'x-1', sectors: ['parking', 'no_such_sector'] });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields.sectors).toContain('no_such_sector');
    const dup = await post(valid);
    expect(dup.status).toBe(409);
    expect(dup.json.error.fields).toHaveProperty('code');
  });

  it('is for supervisors: 401 without credentials, 403 for inspectors and admins', async () => {
    expect((await post(valid, null)).status).toBe(401);
    expect((await post({ ...valid, code: 'y-1' }, inspector)).status).toBe(403);
    expect((await post({ ...valid, code: 'y-1' }, admin)).status).toBe(403);
  });
});

describe('GET /api/v1/campaigns and /api/v1/campaigns/{idOrCode}', () => {
  it('lists newest start first, by status, a page at a time', async () => {
    const all = await callRoute(listCampaigns, { path: '/api/v1/campaigns', token: inspector });
    expect(all.status).toBe(200);
    expect(all.json.items.map((c: { code: string }) => c.code)).toEqual(['future-2099', 'parking-2026']);
    const first = await callRoute(listCampaigns, { path: '/api/v1/campaigns?limit=1', token: admin });
    expect(first.json.items).toHaveLength(1);
    const second = await callRoute(listCampaigns, { path: `/api/v1/campaigns?limit=1&cursor=${first.json.nextCursor}`, token: admin });
    expect(second.json.items[0].code).toBe('parking-2026');
    expect(second.json.nextCursor).toBeNull();
    const planned = await callRoute(listCampaigns, { path: '/api/v1/campaigns?status=planned', token: inspector });
    expect(planned.json.items.map((c: { code: string }) => c.code)).toEqual(['future-2099']);
  });

  it('names a bad status, limit or cursor; 401 without credentials', async () => {
    expect((await callRoute(listCampaigns, { path: '/api/v1/campaigns?status=open', token: inspector })).json.error.fields).toHaveProperty('status');
    expect((await callRoute(listCampaigns, { path: '/api/v1/campaigns?limit=201', token: inspector })).json.error.fields).toHaveProperty('limit');
    expect((await callRoute(listCampaigns, { path: '/api/v1/campaigns?cursor=zzz', token: inspector })).json.error.fields).toHaveProperty('cursor');
    expect((await callRoute(listCampaigns, { path: '/api/v1/campaigns' })).status).toBe(401);
  });

  it('finds one by its id or its code; 404 for neither; 400 for a path that is neither', async () => {
    const byCode = await get('parking-2026');
    expect(byCode.status).toBe(200);
    const byId = await get(String(byCode.json.campaign.id));
    expect(byId.json.campaign).toEqual(byCode.json.campaign);
    expect((await get('no-such-campaign')).status).toBe(404);
    const bad = await get('bad code!');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('idOrCode');
    expect((await get('parking-2026', null)).status).toBe(401);
  });
});

describe('PATCH /api/v1/campaigns/{idOrCode}', () => {
  it('edits names, dates and sectors by code; audited', async () => {
    const res = await patch('parking-2026', { nameEn: 'Parking QR-payment action', endsOn: '2026-07-31', sectors: ['parking'] });
    expect(res.status).toBe(200);
    expect(res.json.campaign).toMatchObject({ nameEn: 'Parking QR-payment action', endsOn: '2026-07-31', sectors: ['parking'], code: 'parking-2026' });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.update'));
    expect(audit).toHaveLength(1);
  });

  it.each([
    ['code', { code: 'renamed' }],
    ['nameZh', { nameZh: '' }],
    ['endsOn', { startsOn: '2026-05-01', endsOn: '2026-04-01' }],
    ['startsOn', { startsOn: 'tomorrow' }],
    ['sectors', { sectors: [] }],
    ['status', { status: 'done' }],
    ['_', {}],
  ])('names the invalid field %s (400)', async (field, body) => {
    const res = await patch('parking-2026', body);
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
  });

  it('refuses an end before the stored start (422 naming endsOn) and an unknown campaign (404)', async () => {
    const res = await patch('parking-2026', { endsOn: '2025-01-01' });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty('endsOn');
    expect((await patch('nope-1', { nameZh: '无' })).status).toBe(404);
  });

  it('closes a campaign: final, and it takes no new inspections', async () => {
    const { json } = await get('parking-2026');
    const closed = await patch(String(json.campaign.id), { status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.json.campaign.status).toBe('closed');
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.close'))).toHaveLength(1);
    const reopen = await patch('parking-2026', { status: 'active' });
    expect(reopen.status).toBe(422);
    expect(reopen.json.error.fields.status).toMatch(/closed/);
    const subject = await makeSubject({ sector: 'parking' });
    const res = await callRoute(inspectionsRoute, {
      method: 'POST', path: '/api/v1/inspections', token: inspector,
      body: { subjectId: subject.id, version: '1.0', inspectedOn: '2026-03-01', method: 'manual_review', campaignId: 'parking-2026', findings: [{ category: 'collect_excessive', severity: 'high', description: '超范围收集位置信息' }] },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.campaignId).toMatch(/closed/);
  });

  it('is for supervisors: 401, 403 for inspectors and admins', async () => {
    expect((await patch('future-2099', { nameZh: '改' }, null)).status).toBe(401);
    expect((await patch('future-2099', { nameZh: '改' }, inspector)).status).toBe(403);
    expect((await patch('future-2099', { nameZh: '改' }, admin)).status).toBe(403);
  });
});

describe('every filter takes the id or the code', () => {
  it('cases, stats and flags under ?campaign=<code> are those under ?campaign=<id>', async () => {
    const created = await post({ ...valid, code: 'retail-2026', sectors: ['retail'] });
    const id = created.json.campaign.id as number;
    const subject = await makeSubject({ sector: 'retail' });
    const inCampaign = await makeCase({ subjectId: subject.id, campaignId: id });
    await makeCase({ subjectId: subject.id });
    const byCode = await callRoute(listCases, { path: '/api/v1/cases?campaign=retail-2026', token: inspector });
    const byId = await callRoute(listCases, { path: `/api/v1/cases?campaign=${id}`, token: inspector });
    expect(byCode.status).toBe(200);
    expect(byCode.json.items.map((c: { id: number }) => c.id)).toEqual([inCampaign.id]);
    expect(byId.json.items).toEqual(byCode.json.items);
    const sumCode = await callRoute(summaryRoute, { path: '/api/v1/stats/summary?campaign=retail-2026', token: inspector });
    const sumId = await callRoute(summaryRoute, { path: `/api/v1/stats/summary?campaign=${id}`, token: inspector });
    expect(sumCode.status).toBe(200);
    expect(sumCode.json).toEqual(sumId.json);
    expect(sumCode.json.inspections).toBe(1);
    expect((await callRoute(offendersRoute, { path: '/api/v1/offenders?campaign=retail-2026', token: inspector })).status).toBe(200);
    const unknown = await callRoute(listCases, { path: '/api/v1/cases?campaign=no-such-one', token: inspector });
    expect(unknown.json.items).toEqual([]);
    const bad = await callRoute(listCases, { path: '/api/v1/cases?campaign=bad%20code', token: inspector });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('campaign');
  });
});
