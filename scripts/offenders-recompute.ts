/**
 * `npm run offenders:recompute`: recomputes every repeat-offender rule over the whole database in one
 * transaction (flags that no longer hold are resolved; dismissed flags reopen only on new evidence).
 */
import { closeDatabase, getDatabase } from '../db/client';
import { DataFolderLockedError } from '../db/lock';
import { recomputeOffenderFlags } from '../lib/offenders/refresh';

async function main() {
  const started = Date.now();
  const { db, kind } = await getDatabase();
  const outcomes = await db.transaction((tx) => recomputeOffenderFlags(tx));
  for (const o of outcomes) console.log(`[offenders] ${o.rule.padEnd(20)} changed ${o.changed}, resolved ${o.resolved}, reopened ${o.reopened} (${o.ms} ms)`);
  console.log(`[offenders] ${kind}: recomputed in ${Date.now() - started} ms`);
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof DataFolderLockedError ? `[offenders] ${err.message}` : err);
  process.exit(1);
});
