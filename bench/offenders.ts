/**
 * Benchmark (not a test): the repeat-offender rules at DESIGN §8 scale — 1M subjects, 5M findings on
 * one Postgres (the shared data set of bench/dataset.ts) — in one run:
 *  - the baseline: ONE aggregate scan over the findings (joined to their inspections and subjects), the
 *    median of 5 after a warm-up (every sample in the JSON);
 *  - the full recompute (`recomputeOffenderFlags`), cold (empty flag table) and warm (nothing changed);
 *  - the incremental refresh after a 1,000-row change: 1,000 new inspections, each with a finding and a
 *    case, on 1,000 subjects spread over the data set, then `refreshOffenderFlags` scoped to them
 *    (three times, each rolled back, so the data set stays the same from run to run).
 *
 *   npm run bench:offenders     (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/rectify_bench;
 *                                the data set is generated when missing and reused afterwards)
 *
 * `benchOffenders(db)` is the measurement alone, for the `npm run bench` harness. Writes bench/results/offenders.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { recomputeOffenderFlags, refreshOffenderFlags, type TimedOutcome } from '../lib/offenders/refresh';
import { ensureBenchDataset, readCounts } from './dataset';
import { BENCH_URL } from './lib/output';

const log = (m: string) => console.log(`[bench] ${m}`);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  const ms = Math.round(performance.now() - started);
  log(`${label}: ${ms} ms`);
  return { ms, result };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ROLLBACK = new Error('bench rollback');
const SCAN_RUNS = 5;

/** One 1,000-row change and the scoped refresh, in a transaction rolled back afterwards. */
async function incrementalOnce(db: Db, round: number): Promise<{ writeMs: number; refreshMs: number; outcomes: TimedOutcome[] }> {
  let out: { writeMs: number; refreshMs: number; outcomes: TimedOutcome[] } | null = null;
  await db
    .transaction(async (tx) => {
      // 1,000 subjects spread over the whole data set (both tiers), a different set each round.
      const write = await timed(`  round ${round}: 1,000 inspections + findings + cases`, () => queryRows<{ id: number }>(tx, sql`
        WITH pick AS (SELECT id FROM subjects WHERE id % 1000 = ${7 + round * 101} ORDER BY id LIMIT 1000),
        ins AS (INSERT INTO inspections (subject_id, version, inspected_on, method)
                SELECT id, '9.9.' || ${round}::int, date '2026-11-01', 'technical_test' FROM pick RETURNING id, subject_id, version),
        fnd AS (INSERT INTO findings (inspection_id, category, severity, description) SELECT id, 'autostart', 'high', '基准增量' FROM ins),
        cs AS (INSERT INTO cases (subject_id, inspection_id, found_version) SELECT subject_id, id, version FROM ins)
        SELECT subject_id AS id FROM ins`));
      const ids = write.result.map((r) => Number(r.id));
      const refresh = await timed(`  round ${round}: refreshOffenderFlags({ subjectIds: ${ids.length} })`, () => refreshOffenderFlags(tx, { subjectIds: ids }));
      out = { writeMs: write.ms, refreshMs: refresh.ms, outcomes: refresh.result };
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
  return out!;
}

/** The measurements on a database already holding the data set (bench/dataset.ts). Leaves the flags recomputed. */
export async function benchOffenders(db: Db) {
  const loadBefore = os.loadavg();
  // The baseline moves with the shared machine's load from run to run: the median of SCAN_RUNS scans
  // after one warm-up scan, every sample kept.
  const scan = () => queryRows(db, sql`
    SELECT count(*) AS findings, count(DISTINCT i.subject_id) AS subjects, count(DISTINCT s.operator_id) AS operators
    FROM findings f JOIN inspections i ON i.id = f.inspection_id JOIN subjects s ON s.id = i.subject_id`);
  await timed('baseline warm-up: one aggregate scan over findings', scan);
  const scanSamplesMs: number[] = [];
  for (let i = 0; i < SCAN_RUNS; i++) scanSamplesMs.push((await timed(`baseline ${i + 1}/${SCAN_RUNS}: one aggregate scan over findings`, scan)).ms);
  const baseline = { ms: median(scanSamplesMs) };

  await db.execute(sql`DELETE FROM offender_flags`);
  // The deleted rows are dead until vacuumed: the cold recompute starts from a really empty table.
  await db.execute(sql`VACUUM (ANALYZE) offender_flags`);
  const cold = await timed('full recompute, empty flag table', () => db.transaction((tx) => recomputeOffenderFlags(tx)));
  const warm = await timed('full recompute, nothing changed', () => db.transaction((tx) => recomputeOffenderFlags(tx)));
  const flags = await queryRows<{ rule: string; n: number; max_bytes: number }>(db, sql`
    SELECT rule, count(*)::int AS n, max(pg_column_size(explanation))::int AS max_bytes FROM offender_flags WHERE resolved_at IS NULL GROUP BY rule ORDER BY rule`);
  const operatorsFlagged = await queryRows<{ n: number }>(db, sql`SELECT count(DISTINCT operator_id)::int AS n FROM offender_flags WHERE resolved_at IS NULL AND rule = 'operator_recurrence'`);

  const rounds = [];
  for (let r = 0; r < 3; r++) rounds.push(await incrementalOnce(db, r));
  const incrementalMs = median(rounds.map((r) => r.refreshMs));
  const loadAfter = os.loadavg();

  const [pg] = await queryRows<{ version: string; shared_buffers: string; work_mem: string }>(db, sql`
    SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem`);
  const round2 = (n: number) => +n.toFixed(2);
  return {
    at: new Date().toISOString(),
    postgres: pg,
    machine: { cpus: os.cpus().length, loadAverage1m5m15mBefore: loadBefore.map(round2), loadAverage1m5m15mAfter: loadAfter.map(round2), note: 'shared by several engineers; figures vary with their load' },
    baselineAggregateScanMs: baseline.ms,
    baselineAggregateScanSamplesMs: scanSamplesMs,
    fullRecomputeColdMs: cold.ms,
    fullRecomputeWarmMs: warm.ms,
    incrementalAfter1000RowsMs: incrementalMs,
    ratios: {
      recomputeColdToScan: round2(cold.ms / baseline.ms),
      recomputeWarmToScan: round2(warm.ms / baseline.ms),
      incrementalToScan: +(incrementalMs / baseline.ms).toFixed(4),
    },
    // The cold recompute against the slowest and the fastest baseline sample: the baseline's own noise.
    recomputeColdToScanSpread: [round2(cold.ms / Math.max(...scanSamplesMs)), round2(cold.ms / Math.min(...scanSamplesMs))],
    perRuleColdMs: Object.fromEntries(cold.result.map((o) => [o.rule, o.ms])),
    perRuleWarmMs: Object.fromEntries(warm.result.map((o) => [o.rule, o.ms])),
    outcomesCold: cold.result,
    outcomesWarm: warm.result,
    incrementalRounds: rounds.map((r) => ({ writeMs: r.writeMs, refreshMs: r.refreshMs, perRuleMs: Object.fromEntries(r.outcomes.map((o) => [o.rule, o.ms])), changed: r.outcomes.reduce((n, o) => n + o.changed, 0) })),
    liveFlags: Object.fromEntries(flags.map((f) => [f.rule, f.n])),
    largestExplanationBytes: Object.fromEntries(flags.map((f) => [f.rule, f.max_bytes])),
    operatorsUnderOperatorRecurrence: operatorsFlagged[0]?.n ?? 0,
  };
}

async function main() {
  const { db, close, counts, generatedSeconds } = await ensureBenchDataset(BENCH_URL);
  try {
    log(`data: ${JSON.stringify(counts)}`);
    const [gen] = await queryRows<{ seconds: number }>(db, sql`SELECT seconds FROM bench_dataset ORDER BY generated_at DESC LIMIT 1`);
    const measured = await benchOffenders(db);
    const results = {
      command: 'npm run bench:offenders',
      database: BENCH_URL.replace(/\/\/[^@]*@/, '//'),
      counts: await readCounts(db),
      datasetGeneratedSeconds: generatedSeconds ?? gen?.seconds ?? null,
      ...measured,
    };
    fs.mkdirSync(path.join(process.cwd(), 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), 'bench', 'results', 'offenders.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(results);
  } finally {
    await close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
