import { USCC_CHARSET, withUsccCheckDigit } from '../../lib/domain/uscc';
import { csvText, importRow, type Row } from '../../tests/support/import-file';

/**
 * A results file for the import e2e: `good` valid rows (tests/support/import-file.ts rows, 20 per
 * app, 4 per inspection, 4 apps per operator) whose apps and operators are new to the database on
 * every call, and one bad row of each kind at known lines.
 */
const randomChars = (n: number) => Array.from({ length: n }, () => USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)]).join('');

export interface ResultsFile {
  csv: string;
  good: number;
  created: { operators: number; subjects: number; inspections: number; findings: number; cases: number };
  /** The bad rows: 1-based file line (header = 1), the column at fault and what its reason says. */
  bad: { line: number; column: string; reason: RegExp }[];
}

export function resultsFile(good = 400): ResultsFile {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const usccs = Array.from({ length: Math.ceil(good / 80) }, () => withUsccCheckDigit(`914403${randomChars(11)}`));
  const row = (i: number): Row => {
    const r = importRow(i, { source: `e2e-${tag}`, perSubject: 20, perInspection: 4, perOperator: 4 });
    const app = Math.floor(i / 20);
    const op = Math.floor(app / 4);
    return {
      ...r,
      subject_name: `${r.subject_name}-${tag}`,
      package_name: r.package_name && `com.e2e.t${tag}.app${app}`,
      mini_program_appid: r.mini_program_appid && `wx${tag}${app}`,
      operator_name: `${r.operator_name}-${tag}`,
      operator_uscc: usccs[op % usccs.length]!, // the bad rows past `good` reuse the first operators
    };
  };
  const rows: Row[] = Array.from({ length: good }, (_, i) => row(i));
  const uscc = usccs[0]!;
  const bads: { at: number; column: string; reason: RegExp; row: Row }[] = [
    { at: 10, column: 'operator_uscc', reason: /check digit/i, row: { ...row(good), operator_uscc: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0') } },
    { at: 50, column: 'severity', reason: /one of/i, row: { ...row(good + 1), severity: 'urgent' } },
    { at: 120, column: 'detected_at', reason: /ISO 8601/, row: { ...row(good + 2), detected_at: 'yesterday' } },
    { at: 200, column: 'external_id', reason: /required/i, row: { ...row(good + 3), external_id: '' } },
    { at: 300, column: 'sector', reason: /unknown sector/i, row: { ...row(good + 4), sector: 'no_such_sector' } },
  ];
  for (const b of bads) rows.splice(b.at, 0, b.row);
  return {
    csv: csvText(rows),
    good,
    created: { operators: Math.ceil(good / 80), subjects: good / 20, inspections: good / 4, findings: good, cases: good / 4 },
    // Its file line: one past the line breaks before it (descriptions span two lines).
    bad: bads.map((b) => ({ line: csvText(rows.slice(0, rows.indexOf(b.row))).split('\n').length, column: b.column, reason: b.reason })),
  };
}
