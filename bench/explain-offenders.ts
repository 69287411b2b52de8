/**
 * EXPLAIN (ANALYZE, BUFFERS) of each repeat-offender rule's statement on the bench data set (not a
 * test): the full recompute, or with --scoped the refresh of 1,000 subjects, run inside a transaction
 * that is rolled back, so the data set does not change.
 *
 *   npx tsx bench/explain-offenders.ts [--scoped]      (BENCH_DATABASE_URL as bench/offenders.ts)
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { queryRows } from '../db/client';
import { recomputeOffenderFlags, refreshOffenderFlags } from '../lib/offenders/refresh';
import { ensureBenchDataset } from './dataset';
import { BENCH_URL } from './offenders';

/** The transaction, with every raw statement (each rule's one statement) run under EXPLAIN ANALYZE and its plan printed. */
function explaining(tx: Queryable): Queryable {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return async (query: SQL) => {
        const t = performance.now();
        const plan = await queryRows<{ 'QUERY PLAN': string }>(target, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
        console.log(`\n---- statement (${Math.round(performance.now() - t)} ms) ----\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        return { rows: [{ changed: 0, resolved: 0, reopened: 0 }] };
      };
    },
  }) as Queryable;
}

async function main() {
  const { db, close } = await ensureBenchDataset(BENCH_URL);
  const rollback = new Error('rollback');
  try {
    await (db as Db).transaction(async (tx) => {
      if (process.argv.includes('--scoped')) {
        const picked = await queryRows<{ id: number }>(tx, sql`SELECT id FROM subjects WHERE id % 1000 = 7 ORDER BY id LIMIT 1000`);
        await refreshOffenderFlags(explaining(tx), { subjectIds: picked.map((r) => Number(r.id)) });
      } else {
        await recomputeOffenderFlags(explaining(tx));
      }
      throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
