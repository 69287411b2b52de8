/**
 * Benchmark (not a test): the case list on a real Postgres with ~1M cases.
 *
 *   npx tsx bench/cases-list.ts [--fresh]
 *
 * Uses BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/rectify_bench_cases; creates the
 * database if missing, migrates it, and generates the data set-based (generate_series) unless it is
 * already there (--fresh drops and regenerates). Times, in one run, the product's listCases with a
 * filter matching ~half the cases: page 1, page 10,000 by keyset (cursor), and page 10,000 by OFFSET
 * as the baseline; plus page 1 of a few narrower filters. Writes bench/results/cases-list.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPostgres, queryRows, type Db } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { listCases } from '../lib/cases/list';
import type { CaseListQuery } from '../lib/cases/list-schema';
import { databaseUrl, quoteIdent, withAdmin } from '../tests/support/pg-admin';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rectify_bench_cases';
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const SUBJECTS = Math.max(1000, Math.round(CASES / 5));
const OPERATORS = Math.max(100, Math.round(CASES / 50));
const LIMIT = 50;
const PAGE = 10_000;
const RUNS = 5;

async function ensureDatabase(fresh: boolean) {
  const name = new URL(URL_).pathname.slice(1);
  const admin = databaseUrl(URL_, 'postgres');
  await withAdmin(admin, async (c) => {
    if (fresh) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/** The whole data set in a few set-based statements. */
async function generate(db: Db) {
  const t0 = Date.now();
  await seedTaxonomies(db);
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const s = Date.now();
    await db.execute(q);
    console.log(`  ${label} (${((Date.now() - s) / 1000).toFixed(1)} s)`);
  };
  await step('operators', sql`INSERT INTO operators (id, name, uscc, region) OVERRIDING SYSTEM VALUE
    SELECT g, '测试运营主体' || g || '科技有限公司', '91' || lpad(g::text, 16, '0'), (ARRAY['北京市','上海市','广东省深圳市','浙江省杭州市','四川省成都市'])[1 + g % 5]
    FROM generate_series(1, ${OPERATORS}) g`);
  await step('subjects', sql`INSERT INTO subjects (id, kind, platform, name, sector, operator_id) OVERRIDING SYSTEM VALUE
    SELECT g, CASE WHEN g % 3 = 0 THEN 'mini_program'::subject_kind ELSE 'app'::subject_kind END,
      CASE WHEN g % 3 = 0 THEN 'wechat'::platform WHEN g % 3 = 1 THEN 'android'::platform ELSE 'ios'::platform END,
      (ARRAY['停车','点餐','优选','学堂','钱包','找房','汽车','充电','直播','短剧','出行','生鲜'])[1 + g % 12] || (ARRAY['宝','通','家','帮','汇','星','云','易'])[1 + (g / 12) % 8] || g,
      (ARRAY['parking','restaurant','retail','training','finance','real_estate','auto_dealer','power_bank','live_commerce','short_drama','transport','other'])[1 + g % 12],
      1 + g % ${OPERATORS}
    FROM generate_series(1, ${SUBJECTS}) g`);
  await step('subject_names', sql`INSERT INTO subject_names (subject_id, name) SELECT id, name FROM subjects`);
  await step('campaigns', sql`INSERT INTO campaigns (id, code, name_zh, name_en, starts_on, ends_on) OVERRIDING SYSTEM VALUE
    SELECT g, 'bench-' || g, '专项行动' || g, 'Campaign ' || g, date '2024-01-01' + g * 60, date '2024-01-01' + g * 60 + 180 FROM generate_series(1, 10) g`);
  await step('inspections', sql`INSERT INTO inspections (id, subject_id, version, inspected_on, method, campaign_id) OVERRIDING SYSTEM VALUE
    SELECT g, 1 + (g::bigint * 7919) % ${SUBJECTS}, '1.' || (g % 20) || '.' || (g % 7), date '2024-01-01' + (g % 1050), 'technical_test',
      CASE WHEN g % 3 = 0 THEN 1 + g % 10 END
    FROM generate_series(1, ${CASES}) g`);
  await step('findings', sql`INSERT INTO findings (inspection_id, category, severity, description)
    SELECT g, (ARRAY['collect_illegal','collect_excessive','use_illegal','permission_forced','rules_undisclosed','popup_harassment','autostart','deceptive','account_deletion','insecure_storage','key_exposure','privilege_overreach','data_fraud','store_duty'])[1 + (g + k * 5) % 14],
      (ARRAY['low','medium','high','critical'])[1 + g % 4]::severity, '基准测试问题描述'
    FROM generate_series(1, ${CASES}) g, generate_series(0, 1) k WHERE k = 0 OR g % 2 = 0`);
  // States: open 15, ordered 20, rectified 10, notified 5, removed 3 (active: 53%), verified 35, reinstated 2, withdrawn 10.
  await step('cases', sql`INSERT INTO cases (id, subject_id, inspection_id, state, revision, deadline, found_version, opened_at, closed_at, first_ordered_at)
    OVERRIDING SYSTEM VALUE
    SELECT g, i.subject_id, i.id, s.state, 1,
      CASE WHEN s.state <> 'open' THEN i.inspected_on + 7 + (g % 40) END,
      i.version, i.inspected_on + make_interval(secs => g % 86400),
      CASE WHEN s.state IN ('verified','reinstated','withdrawn') THEN i.inspected_on + 30 END,
      CASE WHEN s.state NOT IN ('open','withdrawn') THEN i.inspected_on + 1 END
    FROM inspections i
    CROSS JOIN LATERAL (SELECT (CASE
      WHEN i.id % 100 < 15 THEN 'open' WHEN i.id % 100 < 35 THEN 'ordered' WHEN i.id % 100 < 45 THEN 'rectified'
      WHEN i.id % 100 < 50 THEN 'notified' WHEN i.id % 100 < 53 THEN 'removed' WHEN i.id % 100 < 88 THEN 'verified'
      WHEN i.id % 100 < 90 THEN 'reinstated' ELSE 'withdrawn' END)::case_state AS state) s
    CROSS JOIN LATERAL (SELECT i.id AS g) gg`);
  for (const t of ['operators', 'subjects', 'subject_names', 'inspections', 'findings', 'cases', 'campaigns']) {
    await db.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`));
  }
  await step('analyze', sql`ANALYZE`);
  console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function time(fn: () => Promise<unknown>): Promise<{ medianMs: number; runsMs: number[] }> {
  await fn(); // warm the cache and the plan
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = process.hrtime.bigint();
    await fn();
    runsMs.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: Number(sorted[Math.floor(RUNS / 2)]!.toFixed(2)), runsMs: runsMs.map((r) => Number(r.toFixed(2))) };
}

async function main() {
  const fresh = process.argv.includes('--fresh');
  await ensureDatabase(fresh);
  const handle = await openPostgres(URL_, { max: 2 });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    const [{ n }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cases`)) as [{ n: number }];
    if (n < CASES) {
      if (n > 0) throw new Error(`the bench database holds ${n} cases, fewer than ${CASES}: run with --fresh`);
      console.log(`generating ${CASES.toLocaleString()} cases …`);
      await generate(db);
    }
    const base: Omit<CaseListQuery, 'format'> = { state: ['open', 'ordered', 'rectified', 'notified', 'removed'], sort: 'opened', limit: LIMIT };
    const [{ matching }] = (await queryRows<{ matching: number }>(db, sql`SELECT count(*)::int AS matching FROM cases WHERE state IN ('open','ordered','rectified','notified','removed')`)) as [{ matching: number }];
    if (matching < PAGE * LIMIT) throw new Error(`only ${matching} cases match the filter; page ${PAGE} does not exist`);

    // The cursor that leads to page 10,000 (as a client would hold it after 9,999 pages).
    // The last row of page 9,999, as a one-row page: its nextCursor is page 10,000's cursor.
    const anchor = (await listCases(db, { ...base, limit: 1 }, { offset: (PAGE - 1) * LIMIT - 1 })).nextCursor!;
    const viaCursor = await listCases(db, { ...base, cursor: anchor });
    const viaOffset = await listCases(db, base, { offset: (PAGE - 1) * LIMIT });
    if (!viaCursor.items.length || viaCursor.items.map((i) => i.id).join() !== viaOffset.items.map((i) => i.id).join()) throw new Error('keyset and OFFSET disagree on page 10,000');

    const results = {
      keysetPage1: await time(() => listCases(db, base)),
      keysetPage10000: await time(() => listCases(db, { ...base, cursor: anchor })),
      offsetPage10000Baseline: await time(() => listCases(db, base, { offset: (PAGE - 1) * LIMIT })),
      page1Sector: await time(() => listCases(db, { sector: 'parking', sort: 'opened', limit: LIMIT })),
      page1SectorOverdueByDeadline: await time(() => listCases(db, { sector: 'parking', overdue: true, sort: 'deadline', limit: LIMIT })),
      page1Category: await time(() => listCases(db, { category: 'permission_forced', sort: 'opened', limit: LIMIT })),
      page1CampaignOrdered: await time(() => listCases(db, { campaign: 3, state: ['ordered'], sort: 'opened', limit: LIMIT })),
      page1NameSearch: await time(() => listCases(db, { q: '停车宝1234', sort: 'opened', limit: LIMIT })),
    };
    const [{ version }] = (await queryRows<{ version: string }>(db, sql`SELECT version()`)) as [{ version: string }];
    const out = {
      ranAt: new Date().toISOString(),
      postgres: version,
      cases: Math.max(n, CASES),
      subjects: SUBJECTS,
      limit: LIMIT,
      page: PAGE,
      filter: 'state=open,ordered,rectified,notified,removed (active cases), sort=opened',
      matching,
      runsPerQuery: RUNS,
      results,
      keysetSpeedupAtPage10000: Number((results.offsetPage10000Baseline.medianMs / results.keysetPage10000.medianMs).toFixed(1)),
    };
    const file = path.join(process.cwd(), 'bench', 'results', 'cases-list.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
