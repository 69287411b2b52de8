import type { CaseListItem } from '@/lib/cases/list';

/**
 * What the case table shows of a case: its list item without what it never reads, `openedAt` as the
 * office's day (formatDay) it shows.
 */
export type CaseTableRow = Omit<CaseListItem, 'foundVersion' | 'campaignId' | 'campaignCode' | 'assigneeId'>;

/** The row's fields in the order a packed row holds them. */
const FIELDS = [
  'id', 'state', 'revision', 'deadline', 'openedAt', 'overdue', 'previousCaseId', 'subjectId', 'subjectName', 'subjectKind',
  'platform', 'sector', 'operatorId', 'operatorName', 'assigneeName', 'categories', 'repeatOffender', 'operatorRepeatOffender',
] as const satisfies readonly (keyof CaseTableRow)[];

/** Every field of a row is packed (a field added to CaseListItem and not here fails to compile). */
type Unpacked = Exclude<keyof CaseTableRow, (typeof FIELDS)[number]>;
const everyField: [Unpacked] extends [never] ? true : never = true;
void everyField;

/**
 * A row as the page sends it to the client table: its values without the names, which the RSC payload
 * would otherwise repeat on each of the page's rows, 45 % of its bytes (issue #18).
 */
export type PackedCaseRow = { -readonly [I in keyof typeof FIELDS]: CaseTableRow[(typeof FIELDS)[I] & keyof CaseTableRow] };

export function packCaseRow(row: CaseTableRow): PackedCaseRow {
  return FIELDS.map((f) => row[f]) as unknown as PackedCaseRow;
}

export function unpackCaseRow(packed: PackedCaseRow): CaseTableRow {
  const row: Record<string, unknown> = {};
  FIELDS.forEach((f, i) => {
    row[f] = packed[i];
  });
  return row as CaseTableRow;
}
