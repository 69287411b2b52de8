/**
 * Bulk import at DESIGN §8 scale: an N-row CSV (default 1,000,000) imported (validate + apply) next
 * to a raw COPY of the same file into an unindexed table (the floor any import pays). The baseline is
 * the median of 5 copies after a warm-up; every sample and the ratio against the slowest and the
 * fastest are kept in the JSON.
 *
 *   npx tsx bench/import.ts                      # BENCH_IMPORT_ROWS, BENCH_DATABASE_URL
 *   import { benchImport } from './bench/import'; await benchImport({ url, rows })
 *
 * `url` names the database to import into. When it already holds the bench data set (1M subjects,
 * 5M findings, made by bench/dataset.ts) the import is a DRY RUN —
 * the same transaction rolled back, then the tables it grew vacuumed — so the shared data set is left as it was; otherwise the
 * database is created when missing and the import commits. The import runs in a child process
 * (tests/support/import-child.ts) so its peak memory (VmHWM) is its own. Writes bench/results/import.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { migrateDatabase, openPostgres, queryRows } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { IMPORT_COLUMNS } from '../lib/imports/columns';
import { BENCH_URL } from './lib/output';
import type { Timing } from './lib/timing';
import { writeCsvFile } from '../tests/support/import-file';
import { startChild } from '../tests/support/kill-check';
import { databaseUrl, quoteIdent, withAdmin } from '../tests/support/pg-admin';
import { sql } from 'drizzle-orm';

const log = (m: string) => console.log(`[bench:import] ${m}`);

async function ensureDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  await withAdmin(databaseUrl(url, 'postgres'), async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/**
 * Raw COPY of the file into a fresh unindexed table: the baseline. One COPY of a 100k-row file moved
 * 0.33–0.81 s from run to run on the shared machine, so the baseline is the median of COPY_RUNS
 * copies after one warm-up copy (the table dropped and made anew each time), with every sample kept.
 */
const COPY_RUNS = 5;
async function rawCopy(url: string, file: string): Promise<Timing> {
  const { Client } = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const once = async () => {
      await client.query('DROP TABLE IF EXISTS bench_import_copy');
      await client.query(`CREATE TABLE bench_import_copy (${IMPORT_COLUMNS.map((c) => `${c} text`).join(', ')})`);
      const t = performance.now();
      await pipeline(fs.createReadStream(file), client.query(copyFrom(`COPY bench_import_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
      const ms = +(performance.now() - t).toFixed(1);
      await client.query('DROP TABLE bench_import_copy');
      return ms;
    };
    await once();
    const runsMs: number[] = [];
    for (let i = 0; i < COPY_RUNS; i++) runsMs.push(await once());
    return { medianMs: [...runsMs].sort((a, b) => a - b)[Math.floor(COPY_RUNS / 2)]!, runsMs };
  } finally {
    await client.end();
  }
}

/** The tables an import grows, vacuumed after a dry run (not timed). */
export async function vacuumGrownTables(url: string) {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE) operators, subjects, subject_names, subject_identifiers, store_listings, inspections, evidence,
      findings, finding_evidence, cases, case_events, import_staging, offender_flags, audit_events`);
  } finally {
    await client.end();
  }
}

export async function benchImport(opts: { url: string; rows: number }) {
  await ensureDatabase(opts.url);
  const handle = await openPostgres(opts.url, { max: 2 });
  let dataSet: { subjects: number; findings: number };
  try {
    await migrateDatabase(handle);
    await seedTaxonomies(handle.db);
    const [r] = await queryRows<{ subjects: string; findings: string }>(handle.db, sql`SELECT
      (SELECT count(*) FROM subjects) AS subjects, (SELECT count(*) FROM findings) AS findings`);
    dataSet = { subjects: Number(r!.subjects), findings: Number(r!.findings) };
  } finally {
    await handle.close();
  }
  const dryRun = dataSet.findings >= 1_000_000;
  const file = path.join(os.tmpdir(), `rectify-bench-import-${opts.rows}.csv`);
  if (!fs.existsSync(file)) {
    log(`generating ${opts.rows} rows → ${file}`);
    await writeCsvFile(file, opts.rows, { source: `bench-${Date.now().toString(36)}` });
  }
  const fileBytes = fs.statSync(file).size;
  log(`database ${new URL(opts.url).pathname.slice(1)}: ${dataSet.subjects} subjects, ${dataSet.findings} findings → ${dryRun ? 'dry run' : 'real import'}`);

  const copy = await rawCopy(opts.url, file);
  const copyMs = copy.medianMs;
  log(`raw COPY: median ${(copyMs / 1000).toFixed(2)} s of ${copy.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`);

  const t = Date.now();
  const child = startChild(opts.url, file, undefined, dryRun ? { IMPORT_DRY_RUN: '1' } : {});
  const done = JSON.parse((await child.waitFor('DONE ')).slice(5));
  const importMs = Date.now() - t;
  const peakKb = Number(child.seen.find((l) => l.startsWith('PEAK '))?.slice(5) ?? 0);
  const applyingAt = Number(child.seen.find((l) => l.startsWith('APPLYING '))?.slice(9) ?? 0);
  const steps = Object.fromEntries(child.seen.filter((l) => l.startsWith('STEP ')).map((l) => l.split(' ')).map(([, s, ms]) => [s, Number(ms)]));
  // A dry run's rolled-back inserts stay in the tables as dead rows until vacuumed (1M rows: 0.8M dead
  // cases, 3.3M dead identifiers), and every later scan of the shared data set reads them: vacuumed now.
  if (dryRun) await vacuumGrownTables(opts.url);

  const result = {
    rows: opts.rows,
    fileBytes,
    database: { name: new URL(opts.url).pathname.slice(1), ...dataSet },
    dryRun,
    rawCopySeconds: +(copyMs / 1000).toFixed(3),
    rawCopySamplesSeconds: copy.runsMs.map((ms) => +(ms / 1000).toFixed(3)),
    importSeconds: importMs / 1000,
    ratio: Math.round((importMs / copyMs) * 100) / 100,
    // The ratio against the fastest and the slowest baseline sample: how much of it is the baseline's noise.
    ratioSpread: [Math.round((importMs / Math.max(...copy.runsMs)) * 100) / 100, Math.round((importMs / Math.min(...copy.runsMs)) * 100) / 100],
    validatingSeconds: applyingAt / 1000,
    applyStepsAtSeconds: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Number(v) / 1000])),
    peakRssMB: Math.round(peakKb / 1024),
    counts: done,
    goals: { ratio: 2, peakRssMB: 512 },
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
    at: new Date().toISOString(),
  };
  fs.mkdirSync(path.join(process.cwd(), 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), 'bench', 'results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(JSON.stringify(result));
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  benchImport({
    url: BENCH_URL,
    rows: Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000),
  }).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
