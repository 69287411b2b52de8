import type { Queryable } from '@/db/client';
import type { CsvValue } from '@/lib/csv';
import { listRejections } from './jobs';

const PAGE = 1000;

/** A job's rejections in line order, fetched a page at a time as the download is read. */
export async function* rejectionRows(db: Queryable, jobId: number): AsyncGenerator<CsvValue[]> {
  let after: { line: number; id: number } | undefined;
  for (;;) {
    const page = await listRejections(db, jobId, PAGE, after);
    for (const r of page) yield [r.line, r.column, r.reason, r.raw];
    if (page.length < PAGE) return;
    const last = page[page.length - 1]!;
    after = { line: last.line, id: last.id };
  }
}
