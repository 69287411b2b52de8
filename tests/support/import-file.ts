/**
 * Import files for tests, the kill check and the benchmark (DESIGN §7 columns): row i is a finding
 * on subject i / `perSubject`, grouped into inspections of `perInspection` rows. Deterministic.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { IMPORT_COLUMNS, type ImportColumn } from '../../lib/imports/columns';
import { csvRow } from '../../lib/csv';
import { withUsccCheckDigit } from '../../lib/domain/uscc';

const SECTORS = ['parking', 'retail', 'finance', 'restaurant', 'training'];
const CATEGORIES = ['collect_excessive', 'permission_forced', 'popup_harassment', 'autostart', 'use_illegal'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

export interface GenOptions {
  source?: string;
  /** Rows per subject (default 2) and per inspection (default 2; 1 = no inspection_ref). */
  perSubject?: number;
  perInspection?: number;
  /** Subjects per operator (default 5). */
  perOperator?: number;
  detectedAt?: string;
}

export type Row = Record<ImportColumn, string>;

export function importRow(i: number, o: GenOptions = {}): Row {
  const perSubject = o.perSubject ?? 2;
  const perInspection = o.perInspection ?? 2;
  const s = Math.floor(i / perSubject);
  const op = Math.floor(s / (o.perOperator ?? 5));
  const mini = s % 2 === 0;
  return {
    source: o.source ?? 'test-lab',
    external_id: `F-${i}`,
    detected_at: o.detectedAt ?? `2026-0${1 + (i % 5)}-1${i % 10}T10:00:00+08:00`,
    inspection_ref: perInspection > 1 ? `R-${Math.floor(i / perInspection)}` : '',
    subject_kind: mini ? 'mini_program' : 'app',
    subject_name: mini ? `测试小程序${s}` : `测试应用${s}`,
    platform: mini ? 'wechat' : 'android',
    store: mini ? '' : 'huawei',
    version: '1.0.0',
    package_name: mini ? '' : `com.example.app${s}`,
    bundle_id: '',
    mini_program_appid: mini ? `wx${s.toString(16).padStart(16, '0')}` : '',
    filing_number: `京ICP备${String(10000000 + op)}号-${1 + (s % 9)}A`,
    cert_sha256: '',
    operator_name: `测试科技有限公司${op}`,
    operator_uscc: withUsccCheckDigit(`91110000MA${String(op).padStart(7, '0')}`),
    region: '北京市',
    sector: SECTORS[s % SECTORS.length]!,
    category: CATEGORIES[i % CATEGORIES.length]!,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    description: `自动化检测发现问题 ${i}，包含"引号"与逗号,以及换行\n第二行`,
    evidence_sha256: i % 10 === 0 ? (i.toString(16).padStart(8, '0') + 'ab').repeat(7).slice(0, 64) : '',
    evidence_url: '',
    campaign: '',
  };
}

export function csvText(rows: readonly Row[], columns: readonly string[] = IMPORT_COLUMNS): string {
  return '\uFEFF' + csvRow(columns) + rows.map((r) => csvRow(columns.map((c) => (r as Record<string, string>)[c] ?? ''))).join('');
}

export function ndjsonText(rows: readonly Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Streams an n-row CSV file to `file` (bounded memory: written in 10,000-row slices). */
export async function writeCsvFile(file: string, n: number, o: GenOptions = {}): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('\uFEFF' + csvRow(IMPORT_COLUMNS));
  for (let start = 0; start < n; start += 10_000) {
    let chunk = '';
    for (let i = start; i < Math.min(n, start + 10_000); i++) chunk += csvRow(IMPORT_COLUMNS.map((c) => importRow(i, o)[c]));
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
