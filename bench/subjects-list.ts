/**
 * Benchmark (not a test) of the subject list at DESIGN §8 scale: 1,000,000 subjects on a real Postgres.
 *
 *   npx tsx bench/subjects-list.ts
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/rectify_bench_list) is dropped and
 * created fresh, migrated, and filled set-based (INSERT … SELECT generate_series): 20,000 operators,
 * 1,000,000 subjects with their name rows and one identifier each, 50,000 inspections with a finding
 * and a case each. Then the real list query (lib/registry/subject-list.ts) is timed on a filtered list
 * (sector = parking, newest first, 50 a page) at page 1 and page 1,000 (keyset: the cursor of page
 * 999), and OFFSET pagination's page 1,000 as the baseline. Figures go to bench/results/subjects-list.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPostgres, queryRows } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { subjectListQuerySchema } from '../lib/registry/list-schemas';
import { listSubjects, subjectListSql } from '../lib/registry/subject-list';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rectify_bench_list';
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const PAGE = 50;
const TARGET_PAGE = 1000;
const RUNS = 7;

async function recreate(target: string) {
  const { Client } = await import('pg');
  const u = new URL(target);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unusual database name ${name}`);
  u.pathname = '/postgres';
  const admin = new Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return Math.round(median(xs) * 100) / 100;
}

async function main() {
  const started = Date.now();
  await recreate(url);
  const handle = await openPostgres(url, { max: 2 });
  const db = handle.db;
  await migrateDatabase(handle);
  await seedTaxonomies(db);
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t0 = Date.now();
    await db.execute(q);
    console.log(`[bench] ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };
  await step('20,000 operators', sql`INSERT INTO operators (name, uscc, region)
    SELECT '基准运营公司' || i, '91110000' || lpad(i::text, 10, '0'), (ARRAY['北京市','上海市','广东省深圳市','浙江省杭州市'])[1 + i % 4]
    FROM generate_series(1, 20000) i`);
  await step(`${SUBJECTS.toLocaleString()} subjects`, sql`INSERT INTO subjects (kind, platform, name, sector, operator_id, created_at)
    SELECT k.kind::subject_kind, k.platform::platform,
      (ARRAY['智慧','云','优','易','快','乐','星','悦','惠','安'])[1 + i % 10] || (ARRAY['停车','点餐','充电','学堂','借款','短剧','租房','出行','商城','直播'])[1 + (i / 10) % 10] || (ARRAY['助手','服务','平台','小程序','管家'])[1 + (i / 100) % 5] || i,
      (ARRAY['restaurant','parking','training','retail','finance','real_estate','auto_dealer','power_bank','live_commerce','short_drama','transport','other'])[1 + i % 12],
      1 + i % 20000, now() - make_interval(mins => ${SUBJECTS} - i)
    FROM generate_series(1, ${SUBJECTS}) i
    CROSS JOIN LATERAL (SELECT CASE (i / 12) % 3 WHEN 0 THEN 'mini_program' ELSE 'app' END AS kind,
      CASE (i / 12) % 3 WHEN 0 THEN 'wechat' WHEN 1 THEN 'android' ELSE 'ios' END AS platform) k`);
  await step('name rows', sql`INSERT INTO subject_names (subject_id, name, valid_from) SELECT id, name, created_at FROM subjects`);
  await step('identifiers', sql`INSERT INTO subject_identifiers (subject_id, type, value, match_value)
    SELECT id, t.type::identifier_type, t.value, t.value FROM subjects
    CROSS JOIN LATERAL (SELECT CASE kind WHEN 'mini_program' THEN 'mini_program_appid' ELSE CASE platform WHEN 'ios' THEN 'bundle_id' ELSE 'package_name' END END AS type,
      CASE kind WHEN 'mini_program' THEN 'wx' || substr(md5(id::text), 1, 16) ELSE 'com.bench.app' || id END AS value) t`);
  await step('50,000 inspections', sql`INSERT INTO inspections (subject_id, version, inspected_on, method)
    SELECT id, '1.0.' || (id % 9), (now() - make_interval(days => id % 365))::date, 'technical_test' FROM subjects WHERE id % 20 = 0`);
  await step('findings', sql`INSERT INTO findings (inspection_id, category, severity, description) SELECT id, 'collect_excessive', 'high', '基准问题' FROM inspections`);
  await step('cases', sql`INSERT INTO cases (subject_id, inspection_id, state, found_version, deadline, closed_at)
    SELECT subject_id, id, s.state::case_state, version,
      CASE WHEN s.state IN ('ordered','notified') THEN (now() + make_interval(days => id % 30 - 10))::date END,
      CASE WHEN s.state IN ('verified','reinstated','withdrawn') THEN now() END
    FROM inspections CROSS JOIN LATERAL (SELECT (ARRAY['open','ordered','rectified','verified','notified','removed','reinstated','withdrawn'])[1 + id % 8] AS state) s`);
  await step('ANALYZE', sql`ANALYZE`);
  const generatedSeconds = Math.round((Date.now() - started) / 100) / 10;

  const query = subjectListQuerySchema.parse({ sector: 'parking', limit: String(PAGE) });
  const [{ n: filtered }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM subjects WHERE sector = 'parking'`) as [{ n: number }];
  let cursor: string | null = null;
  const walkStart = performance.now();
  for (let p = 1; p < TARGET_PAGE; p++) {
    const page = await listSubjects(db, { ...query, cursor: cursor ?? undefined });
    cursor = page.nextCursor;
    if (!cursor) throw new Error(`the filtered list ended at page ${p}`);
  }
  const walkMs = Math.round(performance.now() - walkStart);
  const page1Ms = await time(() => listSubjects(db, query));
  const page1000Ms = await time(() => listSubjects(db, { ...query, cursor: cursor! }));
  const offsetPage1000Ms = await time(() => db.execute(subjectListSql(query, { offset: (TARGET_PAGE - 1) * PAGE })));
  // The same page both ways (sanity): the keyset page equals the OFFSET page.
  const keysetIds = (await listSubjects(db, { ...query, cursor: cursor! })).items.map((r) => r.id);
  const offsetIds = ((await db.execute(subjectListSql(query, { offset: (TARGET_PAGE - 1) * PAGE }))) as unknown as { rows: { id: number }[] }).rows.slice(0, PAGE).map((r) => r.id);
  const q2Ms = await time(() => listSubjects(db, subjectListQuerySchema.parse({ q: '停车', limit: String(PAGE) })));

  const result = {
    measuredAt: new Date().toISOString(),
    database: url.replace(/\/\/[^@]*@/, '//'),
    subjects: SUBJECTS,
    filter: 'sector=parking, sort=created (newest first)',
    filteredRows: filtered,
    pageSize: PAGE,
    generatedSeconds,
    keyset: { page1Ms, page1000Ms, ratioPage1000ToPage1: Math.round((page1000Ms / page1Ms) * 100) / 100, walk999PagesMs: walkMs },
    offsetBaseline: { page1000Ms: offsetPage1000Ms, ratioToKeysetPage1000: Math.round((offsetPage1000Ms / page1000Ms) * 10) / 10 },
    samePageBothWays: JSON.stringify(keysetIds) === JSON.stringify(offsetIds),
    textSearch: { q: '停车 (2 Chinese characters, names and identifiers, no other filter)', page1Ms: q2Ms },
    runsPerFigure: RUNS,
    statistic: 'median',
  };
  fs.mkdirSync(path.join(process.cwd(), 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), 'bench', 'results', 'subjects-list.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
