import { USCC_CHARSET, withUsccCheckDigit } from '../../lib/domain/uscc';
import { toCsv } from '../../lib/csv';

/**
 * A results file (DESIGN §7) for the import e2e: `good` valid rows (4 findings per inspection, 20 apps
 * of 5 operators, all new to the database) and one bad row of each kind at known lines.
 */
export const COLUMNS = [
  'source', 'external_id', 'detected_at', 'inspection_ref', 'subject_kind', 'subject_name', 'platform', 'store',
  'version', 'package_name', 'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256', 'operator_name',
  'operator_uscc', 'region', 'sector', 'category', 'severity', 'description', 'evidence_sha256', 'evidence_url', 'campaign',
] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

const randomChars = (n: number) => Array.from({ length: n }, () => USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)]).join('');

export interface ResultsFile {
  csv: string;
  good: number;
  created: { operators: number; subjects: number; inspections: number; findings: number; cases: number };
  /** The bad rows: 1-based file line (header = 1), the column at fault and a word its reason contains. */
  bad: { line: number; column: string; reason: RegExp }[];
}

export function resultsFile(good = 400): ResultsFile {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const operators = Array.from({ length: 5 }, (_, i) => ({ name: `E2E导入运营主体${tag}-${i}`, uscc: withUsccCheckDigit(`914403${randomChars(11)}`) }));
  const row = (i: number): Row => {
    const app = i % 20;
    const op = operators[app % 5]!;
    return {
      source: `e2e-${tag}`, external_id: `R${i}`, detected_at: '2026-02-10T10:00:00+08:00', inspection_ref: `RUN-${Math.floor(i / 4)}`,
      subject_kind: 'app', subject_name: `E2E导入应用${tag}-${app}`, platform: 'android', store: 'huawei', version: '1.0.0',
      package_name: `com.e2e.imp${tag}.app${app}`, bundle_id: '', mini_program_appid: '', filing_number: '', cert_sha256: '',
      operator_name: op.name, operator_uscc: op.uscc, region: '广东省深圳市', sector: 'retail', category: 'collect_excessive',
      severity: 'medium', description: `Finding ${i}: location requested at first launch`, evidence_sha256: '', evidence_url: '', campaign: '',
    };
  };
  const rows: Row[] = Array.from({ length: good }, (_, i) => row(i));
  const badUscc = operators[0]!.uscc.slice(0, 17) + (operators[0]!.uscc[17] === '0' ? '1' : '0');
  const bads: { at: number; column: string; reason: RegExp; row: Row }[] = [
    { at: 10, column: 'operator_uscc', reason: /check/i, row: { ...row(good), external_id: 'BAD-1', operator_uscc: badUscc } },
    { at: 50, column: 'severity', reason: /severity|low|one of/i, row: { ...row(good + 1), external_id: 'BAD-2', severity: 'urgent' } },
    { at: 120, column: 'detected_at', reason: /date|ISO|time/i, row: { ...row(good + 2), external_id: 'BAD-3', detected_at: 'yesterday' } },
    { at: 200, column: 'external_id', reason: /required|empty|missing/i, row: { ...row(good + 3), external_id: '' } },
    { at: 300, column: 'sector', reason: /sector|unknown|one of/i, row: { ...row(good + 4), external_id: 'BAD-5', sector: 'no_such_sector' } },
  ];
  for (const b of bads) rows.splice(b.at, 0, b.row);
  const bad = bads.map((b) => ({ line: rows.indexOf(b.row) + 2, column: b.column, reason: b.reason }));
  return {
    csv: toCsv([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c]))]),
    good,
    created: { operators: 5, subjects: 20, inspections: good / 4, findings: good, cases: good / 4 },
    bad,
  };
}
