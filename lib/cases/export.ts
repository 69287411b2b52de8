import type { Queryable } from '@/db/client';
import { csvStream, type CsvValue } from '@/lib/csv';
import { iterateCases } from './list';
import type { CaseFilters, CaseSort } from './filters';

export const CASE_CSV_HEADER = [
  'case_id', 'state', 'overdue', 'deadline', 'opened_at', 'subject_id', 'subject_name', 'subject_kind', 'platform', 'sector',
  'operator_id', 'operator_name', 'campaign', 'categories', 'found_version', 'revision', 'previous_case_id',
  'repeat_offender',
] as const;

async function* csvRows(db: Queryable, filters: CaseFilters & { sort: CaseSort }): AsyncGenerator<CsvValue[]> {
  for await (const c of iterateCases(db, filters)) {
    yield [
      c.id, c.state, c.overdue ? 'yes' : 'no', c.deadline, c.openedAt, c.subjectId, c.subjectName, c.subjectKind, c.platform, c.sector,
      c.operatorId, c.operatorName, c.campaignCode, c.categories.join(' '), c.foundVersion, c.revision, c.previousCaseId,
      c.repeatOffender ? 'yes' : 'no',
    ];
  }
}

/** The CSV export of a filter set, streamed (every matching case, whatever the page size). */
export function casesCsv(db: Queryable, filters: CaseFilters & { sort: CaseSort }): ReadableStream<Uint8Array> {
  return csvStream(CASE_CSV_HEADER, csvRows(db, filters));
}
