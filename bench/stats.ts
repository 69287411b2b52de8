/**
 * Dashboard stats at DESIGN §8 scale: 1M subjects, 5M findings on one Postgres.
 *
 *   npx tsx bench/stats.ts            # postgres://postgres@127.0.0.1:5432/rectify_bench_stats
 *   BENCH_DATABASE_URL=… npx tsx bench/stats.ts
 *
 * Creates the database when missing, migrates it, generates the data set-based (generate_series,
 * through the same triggers an import goes through) unless it is already there, then times every
 * stats endpoint's query against the naive GROUP BY over the base tables (tests/support/stats-truth.ts)
 * in the same run, and writes bench/results/stats.json. Not a test: numbers depend on the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPostgres, queryRows, type Db } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { getBreakdown } from '../lib/stats/breakdown';
import type { StatsFilters } from '../lib/stats/filters';
import { getByCategory, getBySector, getTrend } from '../lib/stats/series';
import { getSummary } from '../lib/stats/summary';
import { truthBreakdown, truthByCategory, truthBySector, truthSummary, truthTrend } from '../tests/support/stats-truth';
import { databaseUrl, quoteIdent, withAdmin } from '../tests/support/pg-admin';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rectify_bench_stats';
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 5_000_000);
const INSPECTIONS = Math.round(FINDINGS / 2.5);
const OPERATORS = Math.round(SUBJECTS / 5);
const RUNS = 5;

/** A generated count, inlined into the SQL (parameters would leave generate_series untyped). */
const N = (n: number) => sql.raw(String(Math.trunc(n)));
const log = (m: string) => console.log(`[bench] ${m}`);

async function ensureDatabase(): Promise<void> {
  const name = new URL(URL_).pathname.slice(1);
  await withAdmin(databaseUrl(URL_, 'postgres'), async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      log(`created database ${name}`);
    }
  });
}

/** Runs one generation step unless `done` (a count query) shows it ran before: a killed run resumes. */
async function step(db: Db, label: string, query: ReturnType<typeof sql>, done?: ReturnType<typeof sql>) {
  if (done) {
    const [row] = await queryRows<{ ok: boolean }>(db, done);
    if (row?.ok) return log(`  ${label}: already there`);
  }
  const t = Date.now();
  await db.execute(query);
  // Fresh statistics before the next step's triggers plan their joins, as a very large import should do.
  await db.execute(sql`ANALYZE`);
  log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s (with ANALYZE)`);
}

/** Generates the data set in dependency order; every insert goes through the rollup triggers. */
async function generate(db: Db): Promise<void> {
  log(`generating ${SUBJECTS} subjects, ${INSPECTIONS} inspections/cases, ${FINDINGS} findings …`);
  await seedTaxonomies(db);
  await db.execute(sql`SET synchronous_commit = off`);
  await step(db, 'campaigns', sql`INSERT INTO campaigns (code, name_zh, name_en, starts_on, ends_on)
    SELECT 'bench-' || g, '专项行动' || g, 'Campaign ' || g, current_date - (g * 120), current_date - (g * 120) + 180 FROM generate_series(1, 6) g`, sql`SELECT EXISTS (SELECT 1 FROM campaigns) AS ok`);
  await step(db, 'operators', sql`INSERT INTO operators (name, uscc, region)
    SELECT '基准科技有限公司' || g, '91' || lpad(g::text, 16, '0'), '北京市' FROM generate_series(1, ${N(OPERATORS)}) g`, sql`SELECT EXISTS (SELECT 1 FROM operators) AS ok`);
  await step(db, 'subjects', sql`INSERT INTO subjects (kind, platform, name, sector, operator_id)
    SELECT CASE WHEN g % 10 < 6 THEN 'mini_program' ELSE 'app' END::subject_kind,
      CASE WHEN g % 10 < 6 THEN (ARRAY['wechat','alipay','douyin','baidu','kuaishou','qq'])[1 + g % 6]
           ELSE (ARRAY['android','ios','harmony'])[1 + (g / 10) % 3] END::platform,
      '基准应用' || g,
      (ARRAY['restaurant','parking','training','retail','finance','real_estate','auto_dealer','power_bank','live_commerce','short_drama','transport','other'])[1 + (g * 7) % 12],
      (SELECT min(id) FROM operators) + g % ${N(OPERATORS)}
    FROM generate_series(1, ${N(SUBJECTS)}) g`, sql`SELECT EXISTS (SELECT 1 FROM subjects) AS ok`);
  await step(db, 'store listings', sql`INSERT INTO store_listings (subject_id, store)
    SELECT s.id, CASE WHEN s.kind = 'mini_program' THEN s.platform::text
      WHEN s.platform = 'ios' THEN 'apple' ELSE (ARRAY['huawei','xiaomi','oppo','vivo','honor','tencent'])[1 + (s.id + k) % 6] END
    FROM subjects s CROSS JOIN generate_series(0, 1) k WHERE k = 0 OR (s.kind = 'app' AND s.platform <> 'ios')`, sql`SELECT EXISTS (SELECT 1 FROM store_listings) AS ok`);
  await step(db, 'inspections', sql`INSERT INTO inspections (subject_id, version, inspected_on, method, campaign_id)
    SELECT (SELECT min(id) FROM subjects) + (g::bigint * 7919) % ${N(SUBJECTS)}, '1.' || (g % 20), current_date - (g % 730), 'technical_test',
      CASE WHEN g % 4 = 0 THEN 1 + (g / 4) % 6 END
    FROM generate_series(1, ${N(INSPECTIONS)}) g`, sql`SELECT EXISTS (SELECT 1 FROM inspections) AS ok`);
  // Identity ids need not start at 1 (a failed statement still consumes them): count from the first.
  const [first] = await queryRows<{ id: number }>(db, sql`SELECT min(id) AS id FROM inspections`);
  for (let from = 1; from <= FINDINGS; from += 1_000_000) {
    const to = Math.min(FINDINGS, from + 999_999);
    await step(db, `findings ${from}–${to}`, sql`INSERT INTO findings (inspection_id, category, severity, description, detected_at)
      SELECT ${N(first!.id)} + g % ${N(INSPECTIONS)},
        (ARRAY['collect_illegal','collect_excessive','use_illegal','permission_forced','rules_undisclosed','popup_harassment','autostart',
               'deceptive','account_deletion','insecure_storage','key_exposure','privilege_overreach','data_fraud','store_duty'])[1 + (g * 13 + g / 7) % 14],
        (ARRAY['low','medium','high','critical'])[1 + g % 4]::severity, '自动化检测发现问题', now()
      FROM generate_series(${N(from)}, ${N(to)}) g`, sql`SELECT (SELECT count(*) FROM findings) >= ${N(to)} AS ok`);
  }
  // One case per inspection; the state is spread deterministically over the ladder.
  await step(db, 'cases', sql`INSERT INTO cases (subject_id, inspection_id, state, deadline, found_version, opened_at,
      first_ordered_at, first_notified_at, first_removed_at, closed_at)
    SELECT i.subject_id, i.id, x.state::case_state,
      CASE WHEN x.state IN ('ordered','notified') THEN i.inspected_on + 7 + (i.id % 30) END,
      i.version, i.inspected_on::timestamptz,
      CASE WHEN x.state NOT IN ('open','withdrawn') THEN i.inspected_on + 1 END,
      CASE WHEN x.state IN ('notified','removed') THEN i.inspected_on + 20 END,
      CASE WHEN x.state = 'removed' THEN i.inspected_on + 40 END,
      CASE WHEN x.state IN ('verified','reinstated','withdrawn') THEN i.inspected_on + 2 + (i.id % 97) END
    FROM inspections i
    CROSS JOIN LATERAL (SELECT (ARRAY['open','ordered','ordered','rectified','verified','verified','verified','notified','removed','reinstated','withdrawn','open'])[1 + i.id % 12] AS state) x`, sql`SELECT EXISTS (SELECT 1 FROM cases) AS ok`);
  await step(db, 'case events (ordered)', sql`INSERT INTO case_events (case_id, from_state, to_state, revision, at, deadline)
    SELECT c.id, 'open', 'ordered', 2, c.first_ordered_at, c.first_ordered_at::date + 7 FROM cases c WHERE c.first_ordered_at IS NOT NULL`, sql`SELECT EXISTS (SELECT 1 FROM case_events WHERE to_state = 'ordered') AS ok`);
  await step(db, 'case events (verified)', sql`INSERT INTO case_events (case_id, from_state, to_state, revision, at, version)
    SELECT c.id, 'rectified', 'verified', 4, c.closed_at, '2.0' FROM cases c WHERE c.state = 'verified'`, sql`SELECT EXISTS (SELECT 1 FROM case_events WHERE to_state = 'verified') AS ok`);
  await step(db, 'analyze', sql`ANALYZE`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_meta (generated_at timestamptz NOT NULL DEFAULT now(), findings bigint NOT NULL)`);
  await db.execute(sql`INSERT INTO bench_meta (findings) VALUES (${FINDINGS})`);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main() {
  await ensureDatabase();
  const handle = await openPostgres(URL_, { max: 2 });
  const db = handle.db;
  try {
    await migrateDatabase(handle);
    const [meta] = await queryRows<{ n: string }>(db, sql`SELECT (SELECT count(*) FROM subjects) AS n`);
    const [done] = await queryRows<{ ok: boolean }>(db, sql`SELECT to_regclass('bench_meta') IS NOT NULL AS ok`);
    if (!done!.ok || Number(meta!.n) === 0) {
      const t = Date.now();
      await generate(db);
      log(`generated in ${Math.round((Date.now() - t) / 1000)} s`);
    } else {
      log('reusing the generated data set');
    }
    const [counts] = await queryRows<Record<string, string>>(
      db,
      sql`SELECT (SELECT count(*) FROM subjects) subjects, (SELECT count(*) FROM findings) findings, (SELECT count(*) FROM cases) cases,
        (SELECT count(*) FROM stats_findings) findings_rollup_rows, (SELECT count(*) FROM stats_cases) cases_rollup_rows`,
    );
    log(`data: ${JSON.stringify(counts)}`);
    const [camp] = await queryRows<{ id: number }>(db, sql`SELECT min(id) AS id FROM campaigns`);
    const filterSets: Record<string, StatsFilters> = {
      all: {},
      'parking+campaign': { sector: 'parking', campaign: camp!.id },
      'wechat+6 months': { platform: 'wechat', from: new Date(Date.now() - 183 * 864e5).toISOString().slice(0, 10) },
    };
    const endpoints = {
      summary: [getSummary, truthSummary],
      'by-sector': [getBySector, truthBySector],
      'by-category': [getByCategory, truthByCategory],
      trend: [getTrend, truthTrend],
      breakdown: [getBreakdown, truthBreakdown],
    } as const;
    const results: { endpoint: string; filters: string; rollupMs: number; naiveMs: number; ratio: number }[] = [];
    for (const [endpoint, [fast, naive]] of Object.entries(endpoints)) {
      for (const [label, f] of Object.entries(filterSets)) {
        const rollupMs = await time(() => fast(db, f));
        const naiveMs = await time(() => naive(db, f));
        const ratio = rollupMs / naiveMs;
        results.push({ endpoint, filters: label, rollupMs: +rollupMs.toFixed(1), naiveMs: +naiveMs.toFixed(1), ratio: +ratio.toFixed(4) });
        log(`${endpoint.padEnd(12)} ${label.padEnd(18)} rollup ${rollupMs.toFixed(1).padStart(8)} ms  naive ${naiveMs.toFixed(1).padStart(9)} ms  ratio ${ratio.toFixed(3)}${ratio <= 0.2 ? '' : '  (above the 0.2 goal)'}`);
      }
    }
    const out = path.join(process.cwd(), 'bench', 'results', 'stats.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), database: URL_.replace(/\/\/[^@]*@/, '//'), counts, runs: RUNS, statistic: 'median', results }, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
