/** GET /api/v1/search (DESIGN §6) and the case list's text search, which follows the same rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { subjectNames, subjects } from '../../db/schema';
import { GET as searchRoute } from '../../app/api/v1/search/route';
import { GET as listCasesRoute } from '../../app/api/v1/cases/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';

let token: string;
let fixture: { operatorId: number; uscc: string; subjectId: number; caseId: number };

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  token = await createToken('inspector');
  const op = await makeOperator({ name: '杭州云泊停车科技有限公司' });
  const s = await makeSubject({ name: '云泊智慧停车', operatorId: op.id }, [
    { type: 'mini_program_appid', value: 'wx5ea2c0ffee123456' },
    { type: 'filing_number', value: '浙ICP备20230001号-2X' },
    { type: 'cert_sha256', value: 'AB:CD:'.repeat(16).slice(0, 95) },
  ]);
  const db = await getDb();
  // A rename: the former name stays findable.
  await db.update(subjectNames).set({ validTo: new Date() }).where(eq(subjectNames.subjectId, s.id));
  await db.update(subjects).set({ name: '云泊停车Pro' }).where(eq(subjects.id, s.id));
  await db.insert(subjectNames).values({ subjectId: s.id, name: '云泊停车Pro' });
  const c = await makeCase({ subjectId: s.id });
  fixture = { operatorId: op.id, uscc: op.uscc, subjectId: s.id, caseId: c.id };
}, 60_000);
afterAll(teardownTestDatabase);

const find = (q: string, extra = '') => callRoute(searchRoute, { path: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, token });
const hits = async (q: string) => (await find(q)).json.items.map((i: { type: string; id: number; matched: { field: string } }) => `${i.type}:${i.id}:${i.matched.field}`);

describe('GET /api/v1/search', () => {
  it('finds a case by its number, with or without #', async () => {
    expect(await hits(`#${fixture.caseId}`)).toContain(`case:${fixture.caseId}:case_number`);
    expect(await hits(String(fixture.caseId))).toContain(`case:${fixture.caseId}:case_number`);
    const res = await find(`#${fixture.caseId}`);
    expect(res.json.items[0]).toMatchObject({ type: 'case', id: fixture.caseId, label: `#${fixture.caseId} 云泊停车Pro`, matched: { field: 'case_number', value: `#${fixture.caseId}` } });
  });

  it('finds the subject by current and former name (Chinese), appid, filing number and certificate', async () => {
    const s = (field: string) => `subject:${fixture.subjectId}:${field}`;
    expect(await hits('停车Pro')).toContain(s('name'));
    expect(await hits('智慧停车')).toContain(s('former_name'));
    expect(await hits('wx5ea2c0ffee123456')).toContain(s('mini_program_appid'));
    expect(await hits('浙ICP备20230001号-7A')).toContain(s('filing_number'));
    expect(await hits('abcd'.repeat(16))).toContain(s('cert_sha256'));
  });

  it('finds the operator by name and by USCC in any case', async () => {
    expect(await hits('云泊停车科技')).toContain(`operator:${fixture.operatorId}:operator_name`);
    expect(await hits(fixture.uscc.toLowerCase())).toContain(`operator:${fixture.operatorId}:uscc`);
  });

  it('pages with a cursor to the last page: every match once, none cut', async () => {
    const op = await makeOperator({ name: '分页检索测试运营者' });
    for (let i = 0; i < 7; i++) await makeSubject({ name: `分页检索测试${i}`, operatorId: op.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await find('分页检索测试', `&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.json.items.map((i: { type: string; id: number }) => `${i.type}:${i.id}`));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen[0]).toBe(`operator:${op.id}`);
  });

  it('names each invalid field (400), and asks for credentials (401)', async () => {
    const missing = await callRoute(searchRoute, { path: '/api/v1/search', token });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.json.error.fields)).toEqual(['q']);
    const long = await find('x'.repeat(101));
    expect(long.status).toBe(400);
    expect(long.json.error.fields.q).toMatch(/at most 100/);
    const limit = await find('停车', '&limit=51');
    expect(limit.status).toBe(400);
    expect(limit.json.error.fields.limit).toMatch(/at most 50/);
    const cursor = await find('停车', '&cursor=nonsense');
    expect(cursor.status).toBe(400);
    expect(Object.keys(cursor.json.error.fields)).toEqual(['cursor']);
    expect((await callRoute(searchRoute, { path: '/api/v1/search?q=1' })).status).toBe(401);
  });
});

describe('the case list text search covers the same', () => {
  const caseIds = async (q: string) => (await callRoute(listCasesRoute, { path: `/api/v1/cases?q=${encodeURIComponent(q)}`, token })).json.items.map((c: { id: number }) => c.id);
  it('by case number, appid, former name, operator name and USCC', async () => {
    for (const q of [`#${fixture.caseId}`, 'wx5ea2c0ffee123456', '智慧停车', '云泊停车科技', fixture.uscc]) expect(await caseIds(q), q).toContain(fixture.caseId);
    expect(await caseIds('没有这个名字')).toEqual([]);
  });
});
