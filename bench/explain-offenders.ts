/**
 * EXPLAIN (ANALYZE, BUFFERS) of each repeat-offender rule's statement on the bench data set (not a
 * test): the full recompute, or with --scoped the refresh of 1,000 subjects, run inside a transaction
 * that is rolled back, so the data set does not change.
 *
 *   npx tsx bench/explain-offenders.ts [--scoped]      (BENCH_DATABASE_URL as bench/offenders.ts)
 *   npx tsx bench/explain-offenders.ts --lists         the subject list's first page with flagged=confirmed
 *                                                      (and without), page 1 and a later keyset page
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { queryRows } from '../db/client';
import { encodeCursor } from '../lib/http/cursor';
import { recomputeOffenderFlags, refreshOffenderFlags } from '../lib/offenders/refresh';
import { subjectListQuerySchema } from '../lib/registry/list-schemas';
import { subjectListSql } from '../lib/registry/subject-list';
import { ensureBenchDataset } from './dataset';
import { BENCH_URL } from './lib/output';

/** The transaction, with every raw statement (each rule's one statement) run under EXPLAIN ANALYZE and its plan printed. */
function explaining(tx: Queryable): Queryable {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return async (query: SQL) => {
        // Session settings (SET LOCAL), DROP and ANALYZE of the temporary tables run as they are.
        if (/\["(SET|DROP|ANALYZE) /.test(JSON.stringify(query.queryChunks[0]))) return target.execute(query);
        const t = performance.now();
        const plan = await queryRows<{ 'QUERY PLAN': string }>(target, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
        console.log(`\n---- statement (${Math.round(performance.now() - t)} ms) ----\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        return { rows: [{ changed: 0, resolved: 0, reopened: 0 }] };
      };
    },
  }) as Queryable;
}

/** The subject list with and without the filter, on page 1 and after a cursor deep in the list. */
async function explainLists(tx: Queryable) {
  const [{ n }] = (await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM offender_flags WHERE status = 'confirmed'`)) as [{ n: number }];
  console.log(`confirmed flags: ${n}`);
  const deep = encodeCursor([null, 500_000]);
  for (const [label, raw] of [
    ['flagged=confirmed, page 1', { flagged: 'confirmed' }],
    ['flagged=confirmed, after id 500,000', { flagged: 'confirmed', cursor: deep }],
    ['flagged=confirmed&sector=parking, page 1', { flagged: 'confirmed', sector: 'parking' }],
    ['no filter, page 1 (the marks only)', {}],
  ] as const) {
    const t = performance.now();
    const plan = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN (ANALYZE, BUFFERS) ${subjectListSql(subjectListQuerySchema.parse(raw))}`);
    console.log(`\n---- subjects: ${label} (${Math.round(performance.now() - t)} ms) ----\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

async function main() {
  const { db, close } = await ensureBenchDataset(BENCH_URL);
  const rollback = new Error('rollback');
  try {
    await (db as Db).transaction(async (tx) => {
      if (process.argv.includes('--lists')) {
        await explainLists(tx);
      } else if (process.argv.includes('--scoped')) {
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
