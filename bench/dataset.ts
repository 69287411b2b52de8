/**
 * The ONE benchmark data set at DESIGN §8 scale, shared by every benchmark (`npm run bench`):
 * 1M subjects, ~5M findings, 2M inspections, ~1.3M cases on one Postgres, deterministic (no random()).
 *
 *   const { db, close, counts } = await ensureBenchDataset(url);
 *
 * Creates the database when missing, migrates it, seeds the taxonomies and generates the data
 * set-based (INSERT … SELECT generate_series, through the product's statement-level triggers, so the
 * stats rollups are filled the way an import fills them) unless it is already complete. Each step is
 * skipped when its rows are there, so a killed run resumes. Layout:
 *
 *  - 500,000 operators. Operators 1–2,500 are the repeat offenders: 40 subjects each (subjects
 *    1–100,000), every subject inspected 4 times over the two years, every inspection a case — they
 *    hold ~400k cases. The other 497,500 operators own 1 or 2 subjects (subjects 100,001–1,000,000);
 *    each subject is inspected once or twice, only the first inspection finds problems, so those
 *    operators have 0–2 cases (no operator_recurrence, and their two subjects never share a campaign).
 *  - Categories rotate per inspection round, so a subject sees the same category again only on the
 *    1,000 designated recidivists (repeat-tier subjects with id % 100 = 37; the 500 of them whose
 *    cases are verified are the subject_recidivism flags — a repeat-tier subject's cases share a state).
 *  - Case states by inspection id: open 15%, ordered 20%, rectified 10%, notified 5%, removed 0.5%,
 *    verified 37%, reinstated 2%, withdrawn 10.5% — the active states (≥ 650k cases) give the case
 *    list its page 10,000. 300 subjects re-register a removed subject's package name / appid later.
 *  - 10 campaigns over two years (a third of the inspections belong to one), 12 sectors, 14
 *    categories; inspection dates from 2024-11-01 to 2026-10-31.
 */
import { sql, type SQL } from 'drizzle-orm';
import { migrateDatabase, openPostgres, queryRows, type Db } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { databaseUrl, quoteIdent, withAdmin } from '../tests/support/pg-admin';

export const DATASET = {
  operators: 500_000,
  repeatOperators: 2_500,
  subjects: 1_000_000,
  repeatSubjects: 100_000,
  inspections: 2_000_000,
  reRegistrations: 300,
  start: '2024-11-01',
} as const;

/** A constant inlined into the SQL (parameters would leave generate_series and arithmetic untyped). */
const N = (n: number | string) => sql.raw(String(n));
const log = (m: string) => console.log(`[dataset] ${m}`);

const D = DATASET;
const START = sql.raw(`date '${D.start}'`);
const REPEAT_INSPECTIONS = D.repeatSubjects * 4;
const NORMAL_SUBJECTS = D.subjects - D.repeatSubjects;
const NORMAL_OPERATORS = D.operators - D.repeatOperators;
/** Inspections that found problems (and so have findings and a case): the repeat tier and the first round of the rest. */
const PROBLEM = sql.raw(`(i.id <= ${REPEAT_INSPECTIONS + NORMAL_SUBJECTS})`);
const CATEGORIES = sql.raw(`ARRAY['collect_illegal','collect_excessive','use_illegal','permission_forced','rules_undisclosed','popup_harassment',
  'autostart','deceptive','account_deletion','insecure_storage','key_exposure','privilege_overreach','data_fraud','store_duty']`);
const SECTORS = sql.raw(`ARRAY['restaurant','parking','training','retail','finance','real_estate','auto_dealer','power_bank','live_commerce','short_drama','transport','other']`);

export interface BenchDatasetCounts {
  operators: number;
  subjects: number;
  inspections: number;
  findings: number;
  cases: number;
}

async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin(databaseUrl(url, 'postgres'), async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      log(`created database ${name}`);
    }
  });
}

/** One generation step; `done` (a boolean query) says its rows are already there. */
type Step = { label: string; table: string; insert: SQL; done?: SQL };

/** Operator of subject `s`: the repeat tier cycles 2,500 operators over 100k subjects; the rest cycles 497,500. */
const operatorOf = (s: SQL) =>
  sql`CASE WHEN ${s} <= ${N(D.repeatSubjects)} THEN 1 + (${s} - 1) % ${N(D.repeatOperators)}
      ELSE ${N(D.repeatOperators + 1)} + (${s} - ${N(D.repeatSubjects + 1)}) % ${N(NORMAL_OPERATORS)} END`;

/** 300 subjects of the ordinary tier carry, later, the package name / appid of a removed repeat-tier subject. */
const reRegister = sql`
WITH pairs AS (
  SELECT t, (SELECT c.subject_id FROM cases c WHERE c.id = 100 + 200 * t) AS y, ${N(D.repeatSubjects + 1)} + 3000 * t AS x
  FROM generate_series(0, ${N(D.reRegistrations - 1)}) t
),
ids AS (
  INSERT INTO subject_identifiers (subject_id, type, value, match_value)
  SELECT p.x, yi.type, yi.value, yi.match_value FROM pairs p JOIN subject_identifiers yi ON yi.subject_id = p.y AND yi.type <> 'filing_number'
  ON CONFLICT DO NOTHING RETURNING subject_id
)
UPDATE subjects s SET created_at = c.first_removed_at + interval '12 days'
FROM pairs p JOIN cases c ON c.id = 100 + 200 * p.t
WHERE s.id = p.x`;

function steps(): Step[] {
  return [
    {
      label: 'campaigns',
      table: 'campaigns',
      insert: sql`INSERT INTO campaigns (id, code, name_zh, name_en, starts_on, ends_on) OVERRIDING SYSTEM VALUE
        SELECT g, 'bench-' || g, '专项行动' || g, 'Campaign ' || g, ${START} + (g - 1) * 73, ${START} + (g - 1) * 73 + 120
        FROM generate_series(1, 10) g`,
    },
    {
      label: 'operators',
      table: 'operators',
      insert: sql`INSERT INTO operators (id, name, uscc, region_code) OVERRIDING SYSTEM VALUE
        SELECT g, (ARRAY['星','云','易','汇','通','达','联','创'])[1 + g % 8] || (ARRAY['辰','海','川','启','润','恒','瑞'])[1 + g % 7] || g || '科技有限公司',
          '91' || lpad(g::text, 16, '0'),
          (ARRAY['110108','310115','440300','330100','510100','320100','420100','440100'])[1 + g % 8]
        FROM generate_series(1, ${N(D.operators)}) g`,
    },
    {
      label: 'subjects',
      table: 'subjects',
      insert: sql`INSERT INTO subjects (id, kind, platform, name, sector, operator_id, created_at) OVERRIDING SYSTEM VALUE
        SELECT g, CASE WHEN g % 10 < 6 THEN 'mini_program' ELSE 'app' END::subject_kind,
          CASE WHEN g % 10 < 6 THEN (ARRAY['wechat','alipay','douyin','baidu','kuaishou','qq'])[1 + g % 6]
               ELSE (ARRAY['android','ios','harmony'])[1 + (g / 10) % 3] END::platform,
          (ARRAY['停车','点餐','优选','学堂','钱包','找房','汽车','充电','直播','短剧','出行','生鲜'])[1 + g % 12] || (ARRAY['宝','通','家','帮','汇','星','云','易'])[1 + (g / 12) % 8] || g,
          (${SECTORS})[1 + (g * 7) % 12], ${operatorOf(sql`g`)},
          ${START}::timestamptz - make_interval(days => 30 + g % 700)
        FROM generate_series(1, ${N(D.subjects)}) g`,
    },
    {
      label: 'subject names',
      table: 'subject_names',
      insert: sql`INSERT INTO subject_names (subject_id, name, valid_from) SELECT id, name, created_at FROM subjects`,
    },
    {
      label: 'identifiers',
      table: 'subject_identifiers',
      insert: sql`INSERT INTO subject_identifiers (subject_id, type, value, match_value, created_at)
        SELECT s.id, t.type::identifier_type, t.value, t.match_value, s.created_at
        FROM subjects s CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.kind = 'mini_program' THEN 'mini_program_appid' ELSE 'package_name' END,
           CASE WHEN s.kind = 'mini_program' THEN 'wx' || lpad(to_hex(s.id), 16, '0') ELSE 'com.bench.app' || s.id END,
           CASE WHEN s.kind = 'mini_program' THEN 'wx' || lpad(to_hex(s.id), 16, '0') ELSE 'com.bench.app' || s.id END),
          ('filing_number', '粤ICP备' || (10000000 + s.operator_id) || '号-' || (1 + s.id % 9) || 'A', '粤ICP备' || (10000000 + s.operator_id) || '号')
        ) AS t(type, value, match_value)`,
    },
    {
      label: 'store listings',
      table: 'store_listings',
      insert: sql`INSERT INTO store_listings (subject_id, store, version_seen, seen_on)
        SELECT s.id, CASE WHEN s.kind = 'mini_program' THEN s.platform::text WHEN s.platform = 'ios' THEN 'apple'
                          ELSE (ARRAY['huawei','xiaomi','oppo','vivo','honor','tencent'])[1 + s.id % 6] END,
          '1.' || (s.id % 20), ${START} + 640 + s.id % 90
        FROM subjects s`,
    },
    {
      label: 'inspections',
      table: 'inspections',
      // Repeat tier: round j = 0..3 half a year apart. Others: a first inspection in the first 400 days,
      // a clean re-test for 700k of them later. A third of the inspections belong to the campaign running that day.
      insert: sql`INSERT INTO inspections (id, subject_id, version, inspected_on, method, campaign_id) OVERRIDING SYSTEM VALUE
        SELECT g, x.s, '1.' || (x.j + 1) || '.' || (g % 7), ${START} + x.d,
          (ARRAY['technical_test','technical_test','technical_test','manual_review'])[1 + g % 4]::inspection_method,
          CASE WHEN g % 3 = 0 THEN 1 + x.d / 73 END
        FROM generate_series(1, ${N(D.inspections)}) g
        CROSS JOIN LATERAL (SELECT
          CASE WHEN g <= ${N(REPEAT_INSPECTIONS)} THEN 1 + (g - 1) % ${N(D.repeatSubjects)}
               ELSE ${N(D.repeatSubjects + 1)} + (g - ${N(REPEAT_INSPECTIONS + 1)}) % ${N(NORMAL_SUBJECTS)} END AS s,
          CASE WHEN g <= ${N(REPEAT_INSPECTIONS)} THEN (g - 1) / ${N(D.repeatSubjects)}
               ELSE (g - ${N(REPEAT_INSPECTIONS + 1)}) / ${N(NORMAL_SUBJECTS)} END AS j) y
        CROSS JOIN LATERAL (SELECT y.s, y.j, CASE WHEN g <= ${N(REPEAT_INSPECTIONS)} THEN y.j * 182 + (y.s * 7) % 180
               WHEN y.j = 0 THEN (y.s * 11) % 400 ELSE 400 + (y.s * 11) % 330 END AS d) x`,
    },
    ...[0, 1, 2, 3].map((part) => {
      const lo = 1 + part * 325_000;
      const hi = (part + 1) * 325_000;
      return {
        label: `findings, inspections ${lo}–${hi}`,
        table: 'findings',
        // Round j of subject s uses categories s+3j+1 … s+3j+3 (disjoint across rounds) except on the recidivists.
        insert: sql`INSERT INTO findings (inspection_id, category, severity, description, detected_at)
          SELECT i.id, (${CATEGORIES})[1 + (i.subject_id + CASE WHEN i.subject_id <= ${N(D.repeatSubjects)} AND i.subject_id % 100 = 37 THEN 0 ELSE 3 * r.j END + (k - 1) % 3 + 1) % 14],
            (ARRAY['low','medium','high','critical'])[1 + (i.id * k) % 4]::severity, '自动化检测发现问题' || k, i.inspected_on::timestamptz + interval '9 hours'
          FROM inspections i
          CROSS JOIN LATERAL (SELECT CASE WHEN i.id <= ${N(REPEAT_INSPECTIONS)} THEN (i.id - 1) / ${N(D.repeatSubjects)} ELSE 0 END AS j) r
          CROSS JOIN generate_series(1, 4) k
          WHERE i.id BETWEEN ${N(lo)} AND ${N(hi)} AND ${PROBLEM} AND (k <= 3 OR i.id % 20 < 17)`,
        done: sql`SELECT EXISTS (SELECT 1 FROM findings WHERE inspection_id BETWEEN ${N(lo)} AND ${N(hi)}) AS ok`,
      };
    }),
    {
      label: 'cases',
      table: 'cases',
      insert: sql`INSERT INTO cases (id, subject_id, inspection_id, state, revision, deadline, found_version, opened_at,
          first_ordered_at, first_notified_at, first_removed_at, closed_at, updated_at) OVERRIDING SYSTEM VALUE
        SELECT i.id, i.subject_id, i.id, st.state, CASE WHEN st.state = 'open' THEN 1 WHEN st.state IN ('verified','reinstated') THEN 4 ELSE 2 END,
          CASE WHEN st.state IN ('ordered','notified') THEN i.inspected_on + 7 + i.id % 40 END,
          i.version, i.inspected_on::timestamptz + make_interval(secs => 36000 + i.id % 20000),
          CASE WHEN st.state NOT IN ('open','withdrawn') THEN i.inspected_on::timestamptz + interval '1 day 10 hours' END,
          CASE WHEN st.state IN ('notified','removed') THEN i.inspected_on::timestamptz + interval '20 days 10 hours' END,
          CASE WHEN st.state = 'removed' THEN i.inspected_on::timestamptz + interval '40 days 10 hours' END,
          CASE WHEN st.state IN ('verified','reinstated','withdrawn') THEN i.inspected_on::timestamptz + make_interval(days => 5 + i.id % 20, hours => 16) END,
          i.inspected_on::timestamptz + interval '45 days'
        FROM inspections i
        CROSS JOIN LATERAL (SELECT (CASE WHEN i.id % 200 < 30 THEN 'open' WHEN i.id % 200 < 70 THEN 'ordered' WHEN i.id % 200 < 90 THEN 'rectified'
          WHEN i.id % 200 < 100 THEN 'notified' WHEN i.id % 200 = 100 THEN 'removed' WHEN i.id % 200 < 175 THEN 'verified'
          WHEN i.id % 200 < 179 THEN 'reinstated' ELSE 'withdrawn' END)::case_state AS state) st
        WHERE ${PROBLEM}`,
    },
    {
      label: 'case events (ordered)',
      table: 'case_events',
      insert: sql`INSERT INTO case_events (case_id, from_state, to_state, revision, at, deadline)
        SELECT c.id, 'open', 'ordered', 2, c.first_ordered_at, c.first_ordered_at::date + 7 FROM cases c WHERE c.first_ordered_at IS NOT NULL`,
    },
    {
      label: 'case events (verified)',
      table: 'case_events',
      insert: sql`INSERT INTO case_events (case_id, from_state, to_state, revision, at, version)
        SELECT c.id, 'rectified', 'verified', 4, c.closed_at, '2.0' FROM cases c WHERE c.state = 'verified'`,
      done: sql`SELECT EXISTS (SELECT 1 FROM case_events WHERE to_state = 'verified') AS ok`,
    },
    {
      label: 're-registrations after removal',
      table: 'subjects',
      insert: reRegister,
      done: sql`SELECT (SELECT count(*) FROM subject_identifiers WHERE subject_id = ${N(D.repeatSubjects + 1)}) > 2 AS ok`,
    },
  ];
}

async function generate(db: Db): Promise<void> {
  const t0 = Date.now();
  await db.execute(sql`SET synchronous_commit = off`);
  await db.execute(sql`SET work_mem = '256MB'`);
  await db.execute(sql`SET maintenance_work_mem = '512MB'`);
  for (const s of steps()) {
    const [done] = await queryRows<{ ok: boolean }>(db, s.done ?? sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(s.table)}) AS ok`);
    if (done?.ok) {
      log(`${s.label}: already there`);
      continue;
    }
    const t = Date.now();
    await db.execute(s.insert);
    // Fresh statistics before the next step's triggers plan their joins, as a very large import should.
    await db.execute(sql.raw(`ANALYZE ${s.table}`));
    log(`${s.label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  for (const t of ['operators', 'subjects', 'inspections', 'cases', 'campaigns']) {
    await db.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`));
  }
  await db.execute(sql`VACUUM ANALYZE`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_dataset (generated_at timestamptz NOT NULL DEFAULT now(), seconds int NOT NULL)`);
  await db.execute(sql`INSERT INTO bench_dataset (seconds) VALUES (${Math.round((Date.now() - t0) / 1000)})`);
  log(`generated in ${Math.round((Date.now() - t0) / 1000)} s`);
}

export async function readCounts(db: Db): Promise<BenchDatasetCounts> {
  const [row] = await queryRows<Record<keyof BenchDatasetCounts, number>>(db, sql`SELECT
    (SELECT count(*) FROM operators)::int AS operators, (SELECT count(*) FROM subjects)::int AS subjects,
    (SELECT count(*) FROM inspections)::int AS inspections, (SELECT count(*) FROM findings)::int AS findings,
    (SELECT count(*) FROM cases)::int AS cases`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as unknown as BenchDatasetCounts;
}

/** Opens the bench database at `url`, creating, migrating and generating it first when it is not complete. */
export async function ensureBenchDataset(url: string): Promise<{ db: Db; close(): Promise<void>; counts: BenchDatasetCounts; generatedSeconds: number | null }> {
  await ensureDatabase(url);
  const handle = await openPostgres(url, { max: 4 });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    await seedTaxonomies(db);
    const [marker] = await queryRows<{ ok: boolean }>(db, sql`SELECT to_regclass('bench_dataset') IS NOT NULL AS ok`);
    let generatedSeconds: number | null = null;
    if (!marker?.ok) {
      // One connection for the whole generation: the session settings above apply to every step.
      const t = Date.now();
      const single = await openPostgres(url, { max: 1 });
      try {
        await generate(single.db);
      } finally {
        await single.close();
      }
      generatedSeconds = Math.round((Date.now() - t) / 1000);
    }
    return { db, close: () => handle.close(), counts: await readCounts(db), generatedSeconds };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
