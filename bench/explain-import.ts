/**
 * The plans of a dry-run import's slow statements on the bench data set (not a test): the import of
 * one file runs as `bench/import.ts` runs it (a dry run when the database holds the data set), with
 * auto_explain (ANALYZE, BUFFERS, nested statements: the rollup deltas run inside plpgsql) printing
 * the plan of every statement slower than EXPLAIN_MIN_MS (default 200). Vacuums what it grew.
 *
 *   npx tsx bench/explain-import.ts <file.csv>      (BENCH_DATABASE_URL as bench/import.ts)
 */
import fs from 'node:fs';
import { openPostgres } from '../db/client';
import { createImportJob } from '../lib/imports/jobs';
import { runImportJob } from '../lib/imports/run';
import { vacuumGrownTables } from './import';
import { BENCH_URL } from './lib/output';

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/explain-import.ts <file.csv>');
  process.env.PGOPTIONS = [
    'session_preload_libraries=auto_explain',
    `auto_explain.log_min_duration=${Number(process.env.EXPLAIN_MIN_MS ?? 200)}`,
    'auto_explain.log_analyze=on',
    'auto_explain.log_buffers=on',
    'auto_explain.log_nested_statements=on',
    'client_min_messages=log',
  ].map((o) => `-c ${o}`).join(' ');
  const handle = await openPostgres(BENCH_URL, { max: 3 });
  handle.pool!.on('connect', (client) => client.on('notice', (n) => console.log(`\n${n.message}`)));
  try {
    const job = await createImportJob(handle.db, null, { format: 'csv', filename: 'explain.csv', dryRun: true, fileBytes: 0 }, fs.createReadStream(file));
    const t0 = Date.now();
    await runImportJob(handle, {
      jobId: job.id, format: 'csv', filename: 'explain.csv', dryRun: true, actor: null,
      onStep: (step) => console.log(`\n==== STEP ${step} at ${Date.now() - t0} ms ====`),
    });
  } finally {
    await handle.close();
  }
  await vacuumGrownTables(BENCH_URL);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
