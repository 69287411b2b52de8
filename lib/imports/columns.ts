/**
 * The import file's columns (DESIGN §7), in the order of the documentation. A file must carry every
 * REQUIRED column in its header (CSV) or may omit any key (NDJSON: a missing key reads as empty);
 * unknown columns are ignored.
 */
export const IMPORT_COLUMNS = [
  'source', 'external_id', 'detected_at', 'inspection_ref', 'subject_kind', 'subject_name', 'platform', 'store',
  'version', 'package_name', 'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256', 'operator_name',
  'operator_uscc', 'region', 'sector', 'category', 'severity', 'description', 'evidence_sha256', 'evidence_url',
  'campaign',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns without which no row could be valid: a CSV header lacking one fails the job at once. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'source', 'external_id', 'detected_at', 'subject_kind', 'subject_name', 'platform', 'version', 'operator_name',
  'operator_uscc', 'region', 'sector', 'category', 'severity', 'description',
];

/** One data row as read: every column as text ('' when absent). */
export type ImportRecord = Record<ImportColumn, string>;

export type { Rejection } from './schemas';

/** The columns a header lacks, in documentation order. */
export function missingColumns(header: readonly string[]): ImportColumn[] {
  const have = new Set(header.map((h) => h.trim().toLowerCase()));
  return REQUIRED_COLUMNS.filter((c) => !have.has(c));
}
