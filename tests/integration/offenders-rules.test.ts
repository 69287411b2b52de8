import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { campaigns, offenderRules } from '../../db/schema';
import { recomputeOffenderFlags, refreshOffenderFlags } from '../../lib/offenders/refresh';
import { normaliseFiling } from '../../lib/domain/identifiers';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';
import { flagFor, listStore, setCaseState } from '../support/offenders';

let handle: DatabaseHandle;
let campaignId: number;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  const [c] = await handle.db.insert(campaigns).values({ code: 'c-2026', nameZh: '专项行动', nameEn: 'Campaign', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
  campaignId = c!.id;
});
afterAll(teardownTestDatabase);

async function operatorWithCases(dates: string[], opts: { sameSubject?: boolean } = {}) {
  const op = await makeOperator();
  const first = await makeSubject({ operatorId: op.id });
  const ids: number[] = [];
  for (const d of dates) {
    const subjectId = opts.sameSubject ? first.id : (await makeSubject({ operatorId: op.id })).id;
    ids.push((await makeCase({ subjectId, inspectedOn: d })).id);
  }
  return { op, ids };
}

describe('operator_recurrence', () => {
  it('flags 3 cases from distinct inspections within 24 months, naming them', async () => {
    const { op, ids } = await operatorWithCases(['2024-03-01', '2025-01-15', '2026-02-20']);
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    const f = await flagFor('operator_recurrence', `operator:${op.id}`);
    expect(f).toBeDefined();
    expect(f!.caseIds).toEqual([...ids].sort((a, b) => a - b));
    expect(f!.explanation).toMatchObject({ rule: 'operator_recurrence', threshold: 3, windowMonths: 24, from: '2024-03-01', to: '2026-02-20', caseCount: 3 });
    expect(f!.status).toBe('open');
  });

  it('does not flag 2 cases', async () => {
    const { op } = await operatorWithCases(['2025-01-01', '2025-02-01']);
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    expect(await flagFor('operator_recurrence', `operator:${op.id}`)).toBeUndefined();
  });

  it('does not flag 3 cases spread over more than the window', async () => {
    const { op } = await operatorWithCases(['2022-01-01', '2023-06-01', '2024-03-01']);
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    expect(await flagFor('operator_recurrence', `operator:${op.id}`)).toBeUndefined();
  });

  it('resolves the flag when a withdrawal breaks the condition, and follows the admin threshold', async () => {
    const { op, ids } = await operatorWithCases(['2026-01-01', '2026-02-01', '2026-03-01']);
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    expect((await flagFor('operator_recurrence', `operator:${op.id}`))!.resolvedAt).toBeNull();
    await setCaseState(ids[0]!, 'withdrawn');
    await refreshOffenderFlags(handle.db, { subjectIds: [] , operatorIds: [op.id] });
    expect((await flagFor('operator_recurrence', `operator:${op.id}`))!.resolvedAt).not.toBeNull();
    await handle.db.update(offenderRules).set({ threshold: 2 }).where(eq(offenderRules.rule, 'operator_recurrence'));
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    const f = await flagFor('operator_recurrence', `operator:${op.id}`);
    expect(f!.resolvedAt).toBeNull();
    expect(f!.caseIds).toEqual(ids.slice(1));
    await handle.db.update(offenderRules).set({ threshold: 3 }).where(eq(offenderRules.rule, 'operator_recurrence'));
  });
  it('explains the latest 50 cases oldest first (cases of one day by id) and counts them all, by the recompute and by a refresh', async () => {
    const op = await makeOperator();
    const subs = [await makeSubject({ operatorId: op.id }), await makeSubject({ operatorId: op.id }), await makeSubject({ operatorId: op.id })];
    const made: { id: number; on: string }[] = [];
    // 53 cases a week apart, on three subjects; every fourth case on the day of the one before it.
    for (let k = 0; k < 53; k++) {
      const on = new Date(Date.UTC(2025, 0, 6 + 7 * (k % 4 === 3 ? k - 1 : k))).toISOString().slice(0, 10);
      made.push({ id: (await makeCase({ subjectId: subs[k % 3]!.id, inspectedOn: on })).id, on });
    }
    const byDate = [...made].sort((a, b) => a.on.localeCompare(b.on) || a.id - b.id);
    for (const refresh of [() => recomputeOffenderFlags(handle.db), () => refreshOffenderFlags(handle.db, { operatorIds: [op.id] })]) {
      await handle.db.execute(sql`DELETE FROM offender_flags WHERE operator_id = ${op.id}`);
      await refresh();
      const f = await flagFor('operator_recurrence', `operator:${op.id}`);
      expect(f!.caseIds).toEqual(made.map((c) => c.id).sort((a, b) => a - b));
      const e = f!.explanation as { caseCount: number; subjectCount: number; from: string; to: string; cases: { id: number; inspectedOn: string }[] };
      expect(e).toMatchObject({ caseCount: 53, subjectCount: 3, from: byDate[0]!.on, to: byDate[52]!.on });
      expect(e.cases.map((c) => [c.id, c.inspectedOn])).toEqual(byDate.slice(3).map((c) => [c.id, c.on]));
    }
  });
});

describe('subject_recidivism', () => {
  it('flags a category found again by a later inspection after the case was verified', async () => {
    const s = await makeSubject();
    const first = await makeCase({ subjectId: s.id, categories: ['autostart', 'deceptive'], inspectedOn: '2025-01-05' });
    await setCaseState(first.id, 'verified', '2025-02-01T10:00:00+08:00');
    const again = await makeCase({ subjectId: s.id, categories: ['autostart'], inspectedOn: '2025-06-01' });
    await refreshOffenderFlags(handle.db, { subjectIds: [s.id] });
    const f = await flagFor('subject_recidivism', `subject:${s.id}/category:autostart`);
    expect(f).toBeDefined();
    expect(f!.caseIds).toEqual([first.id, again.id]);
    expect(f!.explanation).toMatchObject({ fixedOn: '2025-02-01', foundAgainOn: '2025-06-01', category: { code: 'autostart' } });
    expect(await flagFor('subject_recidivism', `subject:${s.id}/category:deceptive`)).toBeUndefined();
  });

  it('does not flag the same category found again before the first case was verified', async () => {
    const s = await makeSubject();
    const first = await makeCase({ subjectId: s.id, categories: ['autostart'], inspectedOn: '2025-01-05' });
    await makeCase({ subjectId: s.id, categories: ['autostart'], inspectedOn: '2025-01-20' });
    await setCaseState(first.id, 'verified'); // verified now: after the second case was opened
    await refreshOffenderFlags(handle.db, { subjectIds: [s.id] });
    expect(await flagFor('subject_recidivism', `subject:${s.id}/category:autostart`)).toBeUndefined();
  });
});

describe('evasion', () => {
  it('flags a new subject sharing a package name with a removed one: "re-registered after removal"', async () => {
    const removed = await makeSubject({ kind: 'app', platform: 'android', name: '速借钱包' }, [{ type: 'package_name', value: 'com.sujie.wallet' }]);
    const c = await makeCase({ subjectId: removed.id });
    await setCaseState(c.id, 'removed', '2026-03-01T09:00:00+08:00');
    const other = await makeOperator();
    const rereg = await makeSubject({ kind: 'app', platform: 'android', name: '速借钱包Pro', operatorId: other.id }, [{ type: 'package_name', value: 'com.sujie.wallet' }]);
    await refreshOffenderFlags(handle.db, { subjectIds: [rereg.id] });
    const f = await flagFor('evasion', `subject:${rereg.id}`);
    expect(f).toBeDefined();
    expect(f!.caseIds).toEqual([c.id]);
    expect(f!.explanation).toMatchObject({ removedOn: '2026-03-01', matches: [{ subjectId: removed.id, removedCaseId: c.id, registeredAfter: true, via: [{ type: 'package_name', value: 'com.sujie.wallet' }] }] });
    // Reinstating the removed subject clears the suspicion.
    await setCaseState(c.id, 'reinstated');
    await refreshOffenderFlags(handle.db, { subjectIds: [removed.id] });
    expect((await flagFor('evasion', `subject:${rereg.id}`))!.resolvedAt).not.toBeNull();
  });

  it('does not flag a shared name with no shared identifier (different operator)', async () => {
    const removed = await makeSubject({ name: '城市停车缴费' }, [{ type: 'mini_program_appid', value: 'wx0000000000000001' }]);
    const c = await makeCase({ subjectId: removed.id });
    await setCaseState(c.id, 'removed', '2026-03-01T09:00:00+08:00');
    const twin = await makeSubject({ name: '城市停车缴费' }, [{ type: 'mini_program_appid', value: 'wx0000000000000002' }]);
    await listStore(twin.id, 'wechat');
    await recomputeOffenderFlags(handle.db);
    expect(await flagFor('evasion', `subject:${twin.id}`)).toBeUndefined();
  });

  it('treats a shared filing root of the same operator as a sibling product unless the name is similar', async () => {
    const op = await makeOperator();
    const removed = await makeSubject({ name: '好停车智慧缴费', operatorId: op.id }, [{ type: 'filing_number', value: '浙ICP备2024000001号-1X' }]);
    const c = await makeCase({ subjectId: removed.id });
    await setCaseState(c.id, 'removed', '2026-03-01T09:00:00+08:00');
    const sibling = await makeSubject({ name: '鲜果外卖点单', operatorId: op.id }, [{ type: 'filing_number', value: '浙ICP备2024000001号-2X' }]);
    const renamed = await makeSubject({ name: '好停车智慧缴费Plus', operatorId: op.id }, [{ type: 'filing_number', value: '浙ICP备2024000001号-3X' }]);
    await refreshOffenderFlags(handle.db, { subjectIds: [sibling.id, renamed.id] });
    expect(await flagFor('evasion', `subject:${sibling.id}`)).toBeUndefined();
    const f = await flagFor('evasion', `subject:${renamed.id}`);
    expect((f!.explanation as { matches: { via: { type: string }[] }[] }).matches[0]!.via.map((v) => v.type).sort()).toEqual(['filing_number', 'operator_uscc']);
  });

  it('flags a still-listed subject of the same operator with a very similar name (USCC match)', async () => {
    const op = await makeOperator();
    const removed = await makeSubject({ name: '优学少儿英语', operatorId: op.id, createdAt: new Date('2025-01-01') });
    const c = await makeCase({ subjectId: removed.id });
    await setCaseState(c.id, 'removed', '2026-03-01T09:00:00+08:00');
    const listed = await makeSubject({ name: '优学少儿英语HD', operatorId: op.id, createdAt: new Date('2025-01-01') });
    await listStore(listed.id, 'xiaomi', '2026-04-01');
    await refreshOffenderFlags(handle.db, { subjectIds: [removed.id] });
    const f = await flagFor('evasion', `subject:${listed.id}`);
    expect((f!.explanation as { matches: { registeredAfter: boolean }[] }).matches[0]!.registeredAfter).toBe(false);
  });
  it('counts a filing root shared between subjects without an operator only with a similar name, and always across operators', async () => {
    const filing = (n: number) => `浙ICP备2024000009号-${n}X`;
    const removed = await makeSubject({ name: '智慧停车缴费助手', operatorId: null }, [{ type: 'filing_number', value: filing(1) }]);
    const c = await makeCase({ subjectId: removed.id });
    await setCaseState(c.id, 'removed', '2026-03-01T09:00:00+08:00');
    const unrelated = await makeSubject({ name: '鲜果外卖点单', operatorId: null }, [{ type: 'filing_number', value: filing(2) }]);
    const owned = await makeSubject({ name: '海鲜市场' }, [{ type: 'filing_number', value: filing(3) }]);
    const renamed = await makeSubject({ name: '智慧停车缴费助手Pro', operatorId: null }, [{ type: 'filing_number', value: filing(4) }]);
    const expectFlags = async () => {
      expect(await flagFor('evasion', `subject:${unrelated.id}`)).toBeUndefined();
      for (const s of [owned, renamed]) {
        const f = await flagFor('evasion', `subject:${s.id}`);
        expect(f?.resolvedAt).toBeNull();
        expect((f!.explanation as { matches: { subjectId: number; via: { type: string }[] }[] }).matches).toMatchObject([{ subjectId: removed.id, via: [{ type: 'filing_number' }] }]);
      }
    };
    await refreshOffenderFlags(handle.db, { subjectIds: [removed.id] });
    await expectFlags();
    const again = await recomputeOffenderFlags(handle.db);
    expect(again.find((o) => o.rule === 'evasion')).toMatchObject({ changed: 0, resolved: 0 });
    await expectFlags();
  });
});

describe('multi_line', () => {
  it('flags an operator with cases on 3 distinct products in one campaign (the default), not 2, not 2 cases on one subject', async () => {
    const op = await makeOperator();
    const a = await makeSubject({ operatorId: op.id });
    const b = await makeSubject({ operatorId: op.id });
    const c = await makeSubject({ operatorId: op.id });
    await makeCase({ subjectId: a.id, campaignId, inspectedOn: '2026-03-01' });
    await makeCase({ subjectId: a.id, campaignId, inspectedOn: '2026-04-01' });
    await makeCase({ subjectId: b.id, campaignId, inspectedOn: '2026-05-01' });
    await refreshOffenderFlags(handle.db, { subjectIds: [a.id, b.id] });
    expect(await flagFor('multi_line', `operator:${op.id}/campaign:${campaignId}`)).toBeUndefined();
    await makeCase({ subjectId: c.id, campaignId, inspectedOn: '2026-05-02' });
    await refreshOffenderFlags(handle.db, { subjectIds: [c.id] });
    const f = await flagFor('multi_line', `operator:${op.id}/campaign:${campaignId}`);
    expect(f!.campaignId).toBe(campaignId);
    expect(f!.explanation).toMatchObject({ threshold: 3, productCount: 3, subjectCount: 3, caseCount: 4, campaign: { code: 'c-2026' } });
  });

  it('counts one product for an app on Android and iOS, its HD edition and its mini program (by name or filing number)', async () => {
    const op = await makeOperator();
    const android = await makeSubject({ operatorId: op.id, kind: 'app', platform: 'android', name: '悦读小说' }, [{ type: 'filing_number', value: '京ICP备20240001号-3A' }]);
    const ios = await makeSubject({ operatorId: op.id, kind: 'app', platform: 'ios', name: '悦读小说-阅读神器' }, [{ type: 'filing_number', value: '京ICP备20240001号－3a' }]);
    const hd = await makeSubject({ operatorId: op.id, kind: 'app', platform: 'android', name: '悦读小说HD' });
    const mini = await makeSubject({ operatorId: op.id, name: '悦读小说 小程序' }, [{ type: 'filing_number', value: '京ICP备20240001号-4X' }]);
    for (const s of [android, ios, hd, mini]) await makeCase({ subjectId: s.id, campaignId, inspectedOn: '2026-06-01' });
    // A second product under the same filer's root: still only two products.
    const other = await makeSubject({ operatorId: op.id, kind: 'app', platform: 'android', name: '悦听音乐' }, [{ type: 'filing_number', value: '京ICP备20240001号-5A' }]);
    await makeCase({ subjectId: other.id, campaignId, inspectedOn: '2026-06-02' });
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    expect(await flagFor('multi_line', `operator:${op.id}/campaign:${campaignId}`)).toBeUndefined();

    await handle.db.update(offenderRules).set({ threshold: 2 }).where(eq(offenderRules.rule, 'multi_line'));
    try {
      await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
      const f = await flagFor('multi_line', `operator:${op.id}/campaign:${campaignId}`);
      expect(f!.explanation).toMatchObject({ threshold: 2, productCount: 2, subjectCount: 5, caseCount: 5 });
    } finally {
      await handle.db.update(offenderRules).set({ threshold: 3 }).where(eq(offenderRules.rule, 'multi_line'));
    }
  });

  it('counts subjects without a filing number as products of their own beside the filing numbers', async () => {
    const op = await makeOperator();
    const a = await makeSubject({ operatorId: op.id, kind: 'app', platform: 'android', name: '甲乙记账' }, [{ type: 'filing_number', value: '沪ICP备20250001号-1A' }]);
    const b = await makeSubject({ operatorId: op.id, kind: 'app', platform: 'android', name: '丙丁天气' }, [{ type: 'filing_number', value: '沪ICP备20250001号-2A' }]);
    const c = await makeSubject({ operatorId: op.id, name: '戊己打车' });
    // Two filing numbers and a subject without one: three products.
    for (const s of [a, b, c]) await makeCase({ subjectId: s.id, campaignId, inspectedOn: '2026-07-01' });
    await recomputeOffenderFlags(handle.db);
    expect((await flagFor('multi_line', `operator:${op.id}/campaign:${campaignId}`))!.explanation).toMatchObject({ productCount: 3, subjectCount: 3 });
    // Three subjects of one filing number: one product, however different their names.
    const op2 = await makeOperator();
    for (const name of ['庚辛阅读', '壬癸音乐', '子丑视频']) {
      const s = await makeSubject({ operatorId: op2.id, kind: 'app', platform: 'ios', name }, [{ type: 'filing_number', value: '沪ICP备20250002号-1A' }]);
      await makeCase({ subjectId: s.id, campaignId, inspectedOn: '2026-07-02' });
    }
    await recomputeOffenderFlags(handle.db);
    expect(await flagFor('multi_line', `operator:${op2.id}/campaign:${campaignId}`)).toBeUndefined();
  });

  it('filing_number_key() is the SQL twin of normaliseFiling, product_name_key() drops platform and edition markers', async () => {
    const filings = ['京ICP备12345678号-3A', ' 京ICP备12345678号－3A ', '京ICP备１２３４５６７８号—3a', '京icp备12345678号 - 3A', '粤ICP备2023012345号\u22122X'];
    const rows = await queryRows<{ v: string; k: string }>(handle.db, sql`SELECT v, filing_number_key(v) AS k FROM jsonb_array_elements_text(${JSON.stringify(filings)}::jsonb) AS v`);
    for (const r of rows) expect(r.k).toBe(normaliseFiling(r.v));
    const names = ['悦读小说', '悦读小说HD', '悦读小说 Lite', '悦读小说（安卓版）', '悦读小说 小程序', '悦读小说iOS版', '悦读小说 App', '悦读·小说'];
    const keys = await queryRows<{ k: string }>(handle.db, sql`SELECT DISTINCT product_name_key(v) AS k FROM jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) AS v`);
    expect(keys).toEqual([{ k: '悦读小说' }]);
    const [distinct] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(DISTINCT product_name_key(v))::int AS n FROM jsonb_array_elements_text(${JSON.stringify(['悦读小说', '悦听音乐', '小程序', 'HD'])}::jsonb) AS v`);
    expect(distinct!.n).toBe(4);
  });
});

describe('at volume', () => {
  it('120 operators with ≥ 3 cases and 1,000 with at most 2 give exactly 120 operator_recurrence flags', async () => {
    const db = handle.db;
    await db.execute(sql`DELETE FROM offender_flags`);
    await db.execute(sql`
      INSERT INTO operators (name, uscc, region_code)
      SELECT '批量运营者' || g, '92' || lpad(g::text, 16, '0'), '330100' FROM generate_series(1, 1120) g`);
    await db.execute(sql`
      INSERT INTO subjects (kind, platform, name, sector, operator_id)
      SELECT 'mini_program', 'wechat', '批量小程序' || o.uscc, 'parking', o.id FROM operators o WHERE o.uscc LIKE '92%'`);
    // Operators 1..120: 3 inspections a month apart; 121..1120: 1 or 2.
    await db.execute(sql`
      INSERT INTO inspections (subject_id, version, inspected_on, method)
      SELECT s.id, '1.0.' || k, date '2026-01-01' + (k * 30), 'technical_test'
      FROM subjects s JOIN operators o ON o.id = s.operator_id AND o.uscc LIKE '92%'
      CROSS JOIN LATERAL generate_series(1, CASE WHEN right(o.uscc, 16)::int <= 120 THEN 3 ELSE 1 + right(o.uscc, 16)::int % 2 END) k`);
    await db.execute(sql`
      INSERT INTO cases (subject_id, inspection_id, found_version)
      SELECT i.subject_id, i.id, i.version FROM inspections i LEFT JOIN cases c ON c.inspection_id = i.id WHERE c.id IS NULL`);
    const outcomes = await recomputeOffenderFlags(db);
    const [{ n }] = (await queryRows<{ n: number }>(db, sql`
      SELECT count(*)::int AS n FROM offender_flags f JOIN operators o ON o.id = f.operator_id
      WHERE f.rule = 'operator_recurrence' AND o.uscc LIKE '92%' AND f.resolved_at IS NULL`)) as [{ n: number }];
    expect(n).toBe(120);
    expect(outcomes.find((o) => o.rule === 'operator_recurrence')!.changed).toBeGreaterThanOrEqual(120);
    // A second recompute changes nothing.
    const again = await recomputeOffenderFlags(db);
    expect(again.every((o) => o.changed === 0 && o.resolved === 0)).toBe(true);
  });
});
