import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { GET as listOperatorsRoute, POST as createOperatorRoute } from '../../app/api/v1/operators/route';
import { GET as getOperatorRoute } from '../../app/api/v1/operators/[id]/route';
import { GET as listSubjectsRoute, POST as createSubjectRoute } from '../../app/api/v1/subjects/route';
import { GET as getSubjectRoute } from '../../app/api/v1/subjects/[id]/route';
import { getDb } from '../../db/client';
import { auditEvents, subjectNames } from '../../db/schema';
import { withUsccCheckDigit } from '../../lib/domain/uscc';
import { updateSubject } from '../../lib/registry/subject-commands';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';

let inspector: string;
let admin: string;
const validUscc = withUsccCheckDigit('91110108MA01ABCD9');

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  [inspector, admin] = await Promise.all([createToken('inspector'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

const postOperator = (body: unknown, token: string | null = inspector) =>
  callRoute(createOperatorRoute, { method: 'POST', path: '/api/v1/operators', token: token ?? undefined, body });
const postSubject = (body: unknown, token: string | null = inspector) =>
  callRoute(createSubjectRoute, { method: 'POST', path: '/api/v1/subjects', token: token ?? undefined, body });
const listSubjects = (query: string, token: string | null = inspector) =>
  callRoute(listSubjectsRoute, { path: `/api/v1/subjects?${query}`, token: token ?? undefined });

describe('operators API', () => {
  it('registers an operator with a valid USCC (lower case accepted) and finds it by name and USCC', async () => {
    const res = await postOperator({ name: '北京示例停车科技有限公司', uscc: validUscc.toLowerCase(), region: '110108' });
    expect(res.status).toBe(201);
    expect(res.json.operator).toMatchObject({ uscc: validUscc, region: '110108', regionName: '北京市 / 海淀区' });
    const byName = await callRoute(listOperatorsRoute, { path: `/api/v1/operators?q=${encodeURIComponent('示例停车')}`, token: inspector });
    expect(byName.json.items.map((o: { id: number }) => o.id)).toContain(res.json.operator.id);
    const byUscc = await callRoute(listOperatorsRoute, { path: `/api/v1/operators?q=${validUscc.slice(2, 10).toLowerCase()}`, token: admin });
    expect(byUscc.json.items.map((o: { id: number }) => o.id)).toContain(res.json.operator.id);
    const one = await callRoute(getOperatorRoute, { path: `/api/v1/operators/${res.json.operator.id}`, params: { id: String(res.json.operator.id) }, token: admin });
    expect(one.status).toBe(200);
    expect(one.json.operator.name).toBe('北京示例停车科技有限公司');
  });

  it('names every invalid field at once: a wrong check digit, a missing region and name', async () => {
    const wrong = validUscc.slice(0, 17) + (validUscc[17] === '0' ? '1' : '0');
    const res = await postOperator({ name: ' ', uscc: wrong });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.uscc).toMatch(/check digit is wrong/);
    expect(Object.keys(res.json.error.fields)).toEqual(expect.arrayContaining(['name', 'uscc', 'region']));
  });

  it('refuses a second operator with the same USCC (409 naming uscc)', async () => {
    const uscc = withUsccCheckDigit('91310000MA1FL0XY0');
    expect((await postOperator({ name: 'A', uscc, region: '310000' })).status).toBe(201);
    const again = await postOperator({ name: 'B', uscc, region: '310000' });
    expect(again.status).toBe(409);
    expect(again.json.error.fields).toHaveProperty('uscc');
  });

  it('401 without credentials, 403 for an admin writing, 400 on a bad limit, 404 on an unknown id', async () => {
    expect((await postOperator({ name: 'x', uscc: validUscc, region: 'y' }, null)).status).toBe(401);
    expect((await postOperator({ name: 'x', uscc: validUscc, region: 'y' }, admin)).status).toBe(403);
    expect((await callRoute(listOperatorsRoute, { path: '/api/v1/operators' })).status).toBe(401);
    const badLimit = await callRoute(listOperatorsRoute, { path: '/api/v1/operators?limit=500', token: inspector });
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.fields).toHaveProperty('limit');
    expect((await callRoute(getOperatorRoute, { path: '/api/v1/operators/999999', params: { id: '999999' }, token: inspector })).status).toBe(404);
  });

  it('pages with a cursor: no row twice, none missed', async () => {
    for (let i = 0; i < 5; i++) await makeOperator({ name: `翻页运营者${i}` });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { json: { items: { id: number }[]; nextCursor: string | null } } = await callRoute(listOperatorsRoute, { path: `/api/v1/operators?q=${encodeURIComponent('翻页运营者')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, token: inspector });
      seen.push(...res.json.items.map((o: { id: number }) => o.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('subjects API', () => {
  it('registers a WeChat mini program with identifiers, and finds it by a 2-character Chinese fragment and by appid', async () => {
    const op = await makeOperator();
    const res = await postSubject({
      kind: 'mini_program', platform: 'wechat', name: '云泊智慧停车缴费', sector: 'parking', operatorId: op.id,
      identifiers: [{ type: 'mini_program_appid', value: 'wx1234567890abcdef' }, { type: 'filing_number', value: '京ICP备12345678号-3X' }],
      storeListings: [{ store: 'wechat', versionSeen: '2.3.1' }],
    });
    expect(res.status).toBe(201);
    const id = res.json.subject.id;
    expect((await listSubjects(`q=${encodeURIComponent('泊智')}`)).json.items.map((s: { id: number }) => s.id)).toEqual([id]);
    expect((await listSubjects('q=wx1234567890abcdef')).json.items.map((s: { id: number }) => s.id)).toEqual([id]);
    expect((await listSubjects(`q=${encodeURIComponent('京ICP备12345678号')}`)).json.items.map((s: { id: number }) => s.id)).toEqual([id]);
    const detail = await callRoute(getSubjectRoute, { path: `/api/v1/subjects/${id}`, params: { id: String(id) }, token: admin });
    expect(detail.status).toBe(200);
    expect(detail.json.identifiers.find((i: { type: string }) => i.type === 'filing_number').matchValue).toBe('京ICP备12345678号');
    expect(detail.json.storeListings[0]).toMatchObject({ store: 'wechat', versionSeen: '2.3.1' });
  });

  it('keeps the name history on a rename, and a former name still finds the subject', async () => {
    const actor = await makeUser('inspector');
    const s = await makeSubject({ name: '老字号点餐' });
    const db = await getDb();
    await db.transaction((tx) => updateSubject(tx, actor, s.id, { kind: 'mini_program', platform: 'wechat', name: '新潮点餐', sector: 'restaurant', operatorId: s.operatorId!, identifiers: [], storeListings: [] }));
    const names = await db.select().from(subjectNames).where(eq(subjectNames.subjectId, s.id));
    expect(names.map((n) => n.name).sort()).toEqual(['新潮点餐', '老字号点餐']);
    expect(names.find((n) => n.name === '老字号点餐')!.validTo).not.toBeNull();
    const current = await db.select().from(subjectNames).where(and(eq(subjectNames.subjectId, s.id), isNull(subjectNames.validTo)));
    expect(current.map((n) => n.name)).toEqual(['新潮点餐']);
    expect((await listSubjects(`q=${encodeURIComponent('老字')}`)).json.items.map((r: { id: number }) => r.id)).toContain(s.id);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'subject'), eq(auditEvents.entityId, String(s.id))));
    expect(audit.map((a) => a.action)).toContain('subject.rename');
  });

  it('names every invalid field: platform not fitting the kind, unknown kind, missing name, bad certificate', async () => {
    const res = await postSubject({ kind: 'app', platform: 'wechat', name: '', sector: 'parking', operatorId: 1, identifiers: [{ type: 'cert_sha256', value: 'abc' }] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual(expect.arrayContaining(['platform', 'name', 'identifiers.0.value']));
    const kind = await postSubject({ kind: 'website', platform: 'android', name: 'x', sector: 'parking', operatorId: 1 });
    expect(kind.json.error.fields).toHaveProperty('kind');
  });

  it('answers 422 naming sector and operator when they do not exist, and writes nothing', async () => {
    const res = await postSubject({ kind: 'app', platform: 'android', name: '不存在的引用', sector: 'nowhere', operatorId: 999999 });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['operatorId', 'sector']);
    expect((await listSubjects(`q=${encodeURIComponent('不存在的引用')}`)).json.items).toEqual([]);
  });

  it('401 without credentials, 403 for an admin registering, 400 for bad filters', async () => {
    expect((await listSubjects('', null)).status).toBe(401);
    expect((await postSubject({}, admin)).status).toBe(403);
    const bad = await listSubjects('kind=website&sort=random&limit=0&state=lost');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['kind', 'sort', 'limit', 'state']));
    expect((await listSubjects('cursor=garbage')).status).toBe(400);
  });

  it('filters by the latest case state and overdue, and sorts by name with a stable cursor', async () => {
    const op = await makeOperator({ name: '筛选测试运营者' });
    const a = await makeSubject({ name: '筛选甲', operatorId: op.id });
    const b = await makeSubject({ name: '筛选乙', operatorId: op.id });
    await makeCase({ subjectId: a.id });
    const open = await listSubjects(`operator=${op.id}&state=open`);
    expect(open.json.items.map((s: { id: number }) => s.id)).toEqual([a.id]);
    expect(open.json.items[0].latestState).toBe('open');
    expect((await listSubjects(`operator=${op.id}&overdue=1`)).json.items).toEqual([]);
    const first = await listSubjects(`operator=${op.id}&sort=name&limit=1`);
    expect(first.json.items).toHaveLength(1);
    const second = await listSubjects(`operator=${op.id}&sort=name&limit=1&cursor=${first.json.nextCursor}`);
    expect([first.json.items[0].id, second.json.items[0].id].sort()).toEqual([a.id, b.id].sort());
    expect(second.json.nextCursor).toBeNull();
    const c = await makeSubject({ name: '筛选丙', operatorId: op.id });
    await makeCase({ subjectId: c.id, inspectedOn: '2026-07-01' });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; json: { items: { id: number; lastInspectedOn: string | null }[]; nextCursor: string | null } } = await listSubjects(`operator=${op.id}&sort=inspected&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((s) => s.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([c.id, a.id, b.id]); // latest inspection first, never inspected last
  });
});
