/**
 * Benchmark (not a test): the repeat-offender recompute at the scale of DESIGN §8 — 1M subjects and
 * 5M findings on one Postgres — compared in the same run with one aggregate scan over the findings,
 * plus the incremental refresh after a 1,000-row change. Writes bench/results/offenders.json.
 *
 *   npm run bench:offenders          (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432)
 *
 * The data is generated set-based into `rectify_bench_offenders` and reused when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { migrateDatabase, openPostgres, queryRows, type Db } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { recomputeOffenderFlags, refreshOffenderFlags } from '../lib/offenders/refresh';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'rectify_bench_offenders';
const SUBJECTS = 1_000_000;
const OPERATORS = 200_000;

const dbUrl = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  const ms = Math.round(performance.now() - started);
  console.log(`[bench] ${label}: ${ms} ms`);
  return { ms, result };
}

async function ensureDatabase() {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [NAME]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${NAME}`);
  await admin.end();
}

/** 200k operators, 1M subjects, 2M inspections and cases, 5M findings; a few hundred removals and re-registrations. */
async function generate(db: Db) {
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`INSERT INTO operators (name, uscc, region)
    SELECT '基准运营者' || g || '科技有限公司', '93' || lpad(g::text, 16, '0'), (ARRAY['广东省深圳市','浙江省杭州市','北京市海淀区','上海市浦东新区'])[1 + g % 4]
    FROM generate_series(1, ${OPERATORS}) g`);
  await run(sql`INSERT INTO campaigns (code, name_zh, name_en, starts_on, ends_on)
    SELECT 'bench-' || g, '基准专项' || g, 'Bench campaign ' || g, date '2025-01-01' + g * 60, date '2025-01-01' + g * 60 + 90 FROM generate_series(1, 10) g`);
  await run(sql`INSERT INTO subjects (kind, platform, name, sector, operator_id, created_at)
    SELECT 'app', 'android', '基准应用' || g || (ARRAY['钱包','停车','课堂','优选'])[1 + g % 4], (ARRAY['finance','parking','training','retail'])[1 + g % 4],
           (SELECT min(id) FROM operators) + (g % ${OPERATORS}), timestamptz '2024-01-01' + (g % 700) * interval '1 day'
    FROM generate_series(1, ${SUBJECTS}) g`);
  // Every 1,000th subject re-uses the package name of the one before it (a re-registration candidate).
  await run(sql`INSERT INTO subject_identifiers (subject_id, type, value, match_value)
    SELECT s.id, 'package_name', p, p FROM (SELECT id, 'com.bench.p' || (CASE WHEN id % 1000 = 0 THEN id - 1 ELSE id END) AS p FROM subjects) s`);
  await run(sql`INSERT INTO subject_identifiers (subject_id, type, value, match_value)
    SELECT s.id, 'filing_number', '粤ICP备' || s.operator_id || '号-' || s.id || 'A', '粤ICP备' || s.operator_id || '号' FROM subjects s`);
  await run(sql`INSERT INTO inspections (subject_id, version, inspected_on, method, campaign_id)
    SELECT s.id, '1.' || k, date '2025-01-01' + ((s.id * 7 + k * 131) % 690), 'technical_test',
           CASE WHEN (s.id + k) % 3 = 0 THEN (SELECT min(id) FROM campaigns) + (s.id % 10) END
    FROM subjects s CROSS JOIN generate_series(1, 2) k`);
  await run(sql`INSERT INTO findings (inspection_id, category, severity, description)
    SELECT i.id, (ARRAY['collect_illegal','collect_excessive','permission_forced','autostart','deceptive'])[1 + (i.id + k) % 5],
           (ARRAY['low','medium','high','critical'])[1 + (i.id * k) % 4]::severity, '基准问题'
    FROM inspections i CROSS JOIN generate_series(1, 3) k WHERE k < 3 OR i.id % 2 = 0`);
  await run(sql`INSERT INTO cases (subject_id, inspection_id, found_version, state, opened_at, closed_at, first_removed_at)
    SELECT i.subject_id, i.id, i.version, st, i.inspected_on + interval '10 hours',
           CASE WHEN st IN ('verified','withdrawn') THEN i.inspected_on + interval '20 days' END,
           CASE WHEN st = 'removed' THEN i.inspected_on + interval '40 days' END
    FROM (SELECT i.*, CASE WHEN i.subject_id % 1000 = 999 THEN 'removed'
                           WHEN i.id % 5 = 0 THEN 'verified' WHEN i.id % 50 = 1 THEN 'withdrawn' ELSE 'open' END::case_state AS st
          FROM inspections i) i`);
  await run(sql`ANALYZE`);
}

async function main() {
  await ensureDatabase();
  const handle = await openPostgres(dbUrl(NAME), { max: 4 });
  await migrateDatabase(handle);
  const db = handle.db;
  await seedTaxonomies(db);
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM subjects`)) as [{ n: number }];
  let generatedMs: number | null = null;
  if (n < SUBJECTS) {
    console.log('[bench] generating 1M subjects / 5M findings (once) …');
    await db.execute(sql`TRUNCATE offender_flags, findings, cases, inspections, subject_identifiers, subjects, operators, campaigns RESTART IDENTITY CASCADE`);
    generatedMs = (await timed('generate', () => generate(db))).ms;
  }
  const counts = (await queryRows<Record<string, number>>(db, sql`SELECT
    (SELECT count(*) FROM subjects)::int AS subjects, (SELECT count(*) FROM operators)::int AS operators,
    (SELECT count(*) FROM inspections)::int AS inspections, (SELECT count(*) FROM findings)::int AS findings,
    (SELECT count(*) FROM cases)::int AS cases`))[0]!;
  console.log('[bench] data:', counts);

  const baseline = await timed('baseline: one aggregate scan over findings', () => queryRows(db, sql`
    SELECT count(*), count(DISTINCT i.subject_id), count(DISTINCT s.operator_id)
    FROM findings f JOIN inspections i ON i.id = f.inspection_id JOIN subjects s ON s.id = i.subject_id`));

  await db.execute(sql`DELETE FROM offender_flags`);
  const cold = await timed('full recompute, empty flag table', () => db.transaction((tx) => recomputeOffenderFlags(tx)));
  const warm = await timed('full recompute, nothing changed', () => db.transaction((tx) => recomputeOffenderFlags(tx)));
  const flags = await queryRows<{ rule: string; n: number }>(db, sql`SELECT rule, count(*)::int AS n FROM offender_flags WHERE resolved_at IS NULL GROUP BY rule ORDER BY rule`);

  // A 1,000-row change: 1,000 new inspections with a finding and a case on 1,000 subjects, then the scoped refresh.
  // Rolled back afterwards, so the data set stays the same from run to run.
  let incremental: { ms: number } | null = null;
  const ROLLBACK = new Error('bench rollback');
  await db
    .transaction(async (tx) => {
      const touched = await queryRows<{ id: number }>(tx, sql`
        WITH pick AS (SELECT id FROM subjects ORDER BY id DESC LIMIT 1000 OFFSET ${Math.floor(Math.random() * 900_000)}),
        ins AS (INSERT INTO inspections (subject_id, version, inspected_on, method) SELECT id, '9.9', current_date, 'technical_test' FROM pick RETURNING id, subject_id, version),
        fnd AS (INSERT INTO findings (inspection_id, category, severity, description) SELECT id, 'autostart', 'high', '基准增量' FROM ins),
        cs AS (INSERT INTO cases (subject_id, inspection_id, found_version) SELECT subject_id, id, version FROM ins)
        SELECT subject_id AS id FROM ins`);
      incremental = await timed('incremental refresh after a 1,000-row change', () => refreshOffenderFlags(tx, { subjectIds: touched.map((r) => Number(r.id)) }));
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });

  const results = {
    at: new Date().toISOString(),
    database: dbUrl(NAME).replace(/\/\/[^@]*@/, '//'),
    generatedMs,
    counts,
    baselineAggregateScanMs: baseline.ms,
    fullRecomputeColdMs: cold.ms,
    fullRecomputeWarmMs: warm.ms,
    ratioColdToBaseline: +(cold.ms / baseline.ms).toFixed(2),
    ratioWarmToBaseline: +(warm.ms / baseline.ms).toFixed(2),
    incrementalAfter1000RowsMs: (incremental as { ms: number } | null)?.ms ?? null,
    outcomesCold: cold.result,
    liveFlags: Object.fromEntries(flags.map((f) => [f.rule, f.n])),
  };
  fs.mkdirSync(path.join(process.cwd(), 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), 'bench', 'results', 'offenders.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(results);
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
