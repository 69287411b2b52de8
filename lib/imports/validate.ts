import { identifierMatchValue } from '@/lib/domain/identifiers';
import { unstorableFields } from '@/lib/storable-text';
import type { Rejection } from './columns';
import type { ParsedItem } from './parse';
import { subjectKey, type importRowSchema } from './row-schema';

/** The columns of import_staging, in the order staged rows list their values. */
export const STAGING_COLUMNS = [
  'job_id', 'line', 'source', 'external_id', 'detected_at', 'inspected_on', 'inspection_key', 'subject_kind',
  'subject_name', 'platform', 'key_type', 'key_value', 'store', 'version', 'package_name', 'bundle_id',
  'mini_program_appid', 'filing_number', 'filing_root', 'cert_sha256', 'operator_name', 'operator_uscc', 'region',
  'sector', 'category', 'severity', 'description', 'evidence_sha256', 'evidence_url', 'campaign',
] as const;

export type StagedRow = (string | number)[];

export type Checked =
  | { ok: true; row: StagedRow }
  | { ok: false; rejections: (Rejection & { raw: string })[] };

/**
 * One parsed line → its staging row, or one rejection per bad field (line, column, reason).
 * An unreadable line is one rejection for the whole line (column '').
 */
export function checkItem(jobId: number, item: ParsedItem, schema: ReturnType<typeof importRowSchema>): Checked {
  if ('error' in item) return { ok: false, rejections: [{ line: item.line, column: item.column, reason: item.error, raw: item.raw }] };
  // Every field at once first: a storable line (nearly all) skips the per-field walk.
  const all = Object.values(item.record).join('\t'); // a separator: two halves of a surrogate pair in two fields stay lone
  const unstorable = all.includes('\u0000') || !all.isWellFormed() ? Object.entries(unstorableFields(item.record)) : [];
  if (unstorable.length) return { ok: false, rejections: unstorable.map(([column, reason]) => ({ line: item.line, column, reason, raw: item.raw })) };
  const parsed = schema.safeParse(item.record);
  if (!parsed.success) {
    const seen = new Set<string>();
    const rejections: (Rejection & { raw: string })[] = [];
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      if (seen.has(column)) continue; // one rejection per bad field
      seen.add(column);
      rejections.push({ line: item.line, column, reason: issue.message, raw: item.raw });
    }
    return { ok: false, rejections };
  }
  const r = parsed.data;
  const key = subjectKey(r);
  return {
    ok: true,
    row: [
      jobId, item.line, r.source, r.external_id, r.detected_at.instant, r.detected_at.officeDate,
      r.inspection_ref || `finding:${r.external_id}`, r.subject_kind, r.subject_name, r.platform, key.type,
      identifierMatchValue(key.type as never, key.value), r.store, r.version, r.package_name, r.bundle_id,
      r.mini_program_appid, r.filing_number, r.filing_number ? identifierMatchValue('filing_number', r.filing_number) : '',
      r.cert_sha256, r.operator_name, r.operator_uscc, r.region, r.sector, r.category, r.severity, r.description,
      r.evidence_sha256, r.evidence_url, r.campaign,
    ],
  };
}
