/**
 * The SIGKILL check at scale (tests/integration/imports-kill.test.ts does it with a small file):
 * a 1M-row import in a child process is killed while validating and again inside the apply
 * transaction; after each kill no domain row exists and boot recovery fails the job and clears its
 * staging rows; then a new run of the same file completes.
 *
 *   npx tsx scripts/import-kill-check.ts      # KILL_CHECK_ROWS (1,000,000), KILL_CHECK_URL
 *
 * Uses (drops and re-creates) the database `imports_killcheck`; writes bench/results/import-kill-check.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openPostgres } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { writeCsvFile } from '../tests/support/import-file';
import { completeRun, domainRows, killRound } from '../tests/support/kill-check';
import { databaseUrl, withAdmin } from '../tests/support/pg-admin';

const ROWS = Number(process.env.KILL_CHECK_ROWS ?? 1_000_000);
const URL_ = process.env.KILL_CHECK_URL ?? 'postgres://postgres@127.0.0.1:5432/imports_killcheck';

async function main() {
  const name = new URL(URL_).pathname.slice(1);
  await withAdmin(databaseUrl(URL_, 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const handle = await openPostgres(URL_, { max: 2 });
  const file = path.join(os.tmpdir(), `rectify-kill-check-${ROWS}.csv`);
  try {
    await migrateDatabase(handle);
    await seedTaxonomies(handle.db);
    if (!fs.existsSync(file)) await writeCsvFile(file, ROWS);
    const rounds = [];
    for (const phase of ['validating', 'applying'] as const) {
      const round = await killRound(handle, URL_, file, phase);
      console.log(`[kill-check] killed while ${phase} after ${(round.afterMs / 1000).toFixed(1)} s:`, JSON.stringify(round));
      rounds.push(round);
    }
    const next = await completeRun(URL_, file);
    const ok = rounds.every((r) => r.domainRowsAfterKill === 0 && r.stagingRowsAfterRecovery === 0 && r.jobError?.startsWith('interrupted'))
      && (next.counts as { created: { findings: number } }).created.findings === ROWS;
    const result = { rows: ROWS, rounds, nextRun: { seconds: next.ms / 1000, counts: next.counts }, domainRowsAfter: await domainRows(handle), ok, at: new Date().toISOString() };
    fs.writeFileSync(path.join(process.cwd(), 'bench', 'results', 'import-kill-check.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`[kill-check] ${ok ? 'OK' : 'FAILED'}`, JSON.stringify(result));
    if (!ok) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
