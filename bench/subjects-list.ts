/**
 * The subject list at DESIGN §8 scale (1,000,000 subjects): the real list query
 * (lib/registry/subject-list.ts) on a filtered list (sector = parking, newest first, 50 a page) at page 1
 * and page 1,000 (keyset: the cursor of page 999), with OFFSET's page 1,000 as the baseline; and a
 * 2-character Chinese name search. Part of `npm run bench` (bench/run.ts); alone:
 *
 *   npx tsx bench/subjects-list.ts    # BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/rectify_bench
 *
 * Writes bench/results/subjects-list.json. Not a test: the numbers depend on the machine.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { subjectListQuerySchema } from '../lib/registry/list-schemas';
import { listSubjects, subjectListSql } from '../lib/registry/subject-list';
import { runAloneIfMain } from './lib/alone';
import { timeMedian } from './lib/timing';

const PAGE = 50;
const TARGET_PAGE = 1000;
const medianOf = async (fn: () => Promise<unknown>) => (await timeMedian(fn)).medianMs;

/** Times the subject list on a database holding the bench data set. */
export async function benchSubjectList(db: Db) {
  const query = subjectListQuerySchema.parse({ sector: 'parking', limit: String(PAGE) });
  const [{ n: filtered }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM subjects WHERE sector = 'parking'`) as [{ n: number }];
  let cursor: string | null = null;
  const walkStart = performance.now();
  for (let p = 1; p < TARGET_PAGE; p++) {
    const page = await listSubjects(db, { ...query, cursor: cursor ?? undefined });
    cursor = page.nextCursor;
    if (!cursor) throw new Error(`the filtered list ended at page ${p}`);
  }
  const walkMs = Math.round(performance.now() - walkStart);
  const page1Ms = await medianOf(() => listSubjects(db, query));
  const page1000Ms = await medianOf(() => listSubjects(db, { ...query, cursor: cursor! }));
  const offsetPage1000Ms = await medianOf(() => db.execute(subjectListSql(query, { offset: (TARGET_PAGE - 1) * PAGE })));
  // The same page both ways (sanity): the keyset page equals the OFFSET page.
  const keysetIds = (await listSubjects(db, { ...query, cursor: cursor! })).items.map((r) => r.id);
  const offsetIds = ((await db.execute(subjectListSql(query, { offset: (TARGET_PAGE - 1) * PAGE }))) as unknown as { rows: { id: number }[] }).rows.slice(0, PAGE).map((r) => r.id);
  const q2Ms = await medianOf(() => listSubjects(db, subjectListQuerySchema.parse({ q: '停车', limit: String(PAGE) })));

  const result = {
    filter: 'sector=parking, sort=created (newest first)',
    filteredRows: filtered,
    pageSize: PAGE,
    keyset: { page1Ms, page1000Ms, ratioPage1000ToPage1: Math.round((page1000Ms / page1Ms) * 100) / 100, walk999PagesMs: walkMs },
    offsetBaseline: { page1000Ms: offsetPage1000Ms, ratioToKeysetPage1000: Math.round((offsetPage1000Ms / page1000Ms) * 10) / 10 },
    samePageBothWays: JSON.stringify(keysetIds) === JSON.stringify(offsetIds),
    textSearch: { q: '停车 (2 Chinese characters, names and identifiers, no other filter)', page1Ms: q2Ms },
    statistic: 'median of 5 after a warm-up',
  };
  return result;
}

runAloneIfMain(import.meta.url, 'subjects-list', benchSubjectList);
