import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { importJobs } from '../../db/schema';
import { createImportJob } from '../../lib/imports/jobs';
import { runImportJob, type RunOptions } from '../../lib/imports/run';
import { MAX_RECORD_BYTES } from '../../lib/imports/parse';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { withTaxonomies } from '../support/fixtures';
import { setCaseState } from '../support/offenders';
import { csvText, importRow, ndjsonText, type Row } from '../support/import-file';
import { eq } from 'drizzle-orm';
import { offenderFlags } from '../../db/schema';
import { recomputeOffenderFlags } from '../../lib/offenders/refresh';
import { getBySector } from '../../lib/stats/series';
import { getSummary } from '../../lib/stats/summary';
import { truthBySector, truthSummary } from '../support/stats-truth';
import { withUsccCheckDigit } from '../../lib/domain/uscc';

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-import-test-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await teardownTestDatabase();
});

let fileNo = 0;
async function runFile(text: string | Buffer, opts: Partial<RunOptions> & { format?: 'csv' | 'ndjson' } = {}) {
  const format = opts.format ?? 'csv';
  const file = path.join(dir, `f${++fileNo}.${format}`);
  fs.writeFileSync(file, text);
  const job = await createImportJob(handle.db, null, { format, filename: path.basename(file), dryRun: !!opts.dryRun, fileBytes: fs.statSync(file).size }, fs.createReadStream(file));
  let error: unknown = null;
  const counts = await runImportJob(handle, { jobId: job.id, format, filename: path.basename(file), dryRun: false, actor: null, ...opts }).catch((e) => {
    error = e;
    return null;
  });
  const [row] = await handle.db.select().from(importJobs).where(eq(importJobs.id, job.id));
  const rejections = await queryRows<{ line: number; column: string; reason: string }>(handle.db, sql`SELECT line, "column", reason FROM import_rejections WHERE job_id = ${job.id} ORDER BY line, id`);
  return { counts, job: row!, rejections, error };
}

async function domainCounts() {
  const [r] = await queryRows<Record<string, string>>(handle.db, sql`SELECT
    (SELECT count(*) FROM operators) operators, (SELECT count(*) FROM subjects) subjects,
    (SELECT count(*) FROM inspections) inspections, (SELECT count(*) FROM findings) findings,
    (SELECT count(*) FROM cases) cases, (SELECT count(*) FROM case_events) events,
    (SELECT count(*) FROM import_staging) staging`);
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
}

describe('import engine', () => {
  it('imports a file once; the same file again creates nothing and reports every row known', async () => {
    const rows: Row[] = Array.from({ length: 40 }, (_, i) => importRow(i, { source: 'twice' }));
    const first = await runFile(csvText(rows));
    expect(first.error).toBeNull();
    expect(first.job.status).toBe('succeeded');
    expect(first.rejections).toEqual([]);
    expect(first.counts).toEqual({ created: { operators: 4, subjects: 20, inspections: 20, findings: 40, cases: 20 }, known: 0, rejected: 0 });
    const before = await domainCounts();
    const second = await runFile(csvText(rows));
    expect(second.counts).toEqual({ created: { operators: 0, subjects: 0, inspections: 0, findings: 0, cases: 0 }, known: 40, rejected: 0 });
    expect(await domainCounts()).toEqual(before);
    const ndjson = await runFile(ndjsonText(rows), { format: 'ndjson' });
    expect(ndjson.counts?.known).toBe(40);
  });

  it('rejects each bad field of a bad row with line, column and reason, and imports the rest', async () => {
    const rows: Row[] = Array.from({ length: 100 }, (_, i) => importRow(i, { source: 'bad5', perSubject: 1, perInspection: 1 }));
    const good = withUsccCheckDigit('91110000MA0000001');
    rows[3] = { ...rows[3]!, operator_uscc: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') };
    rows[20] = { ...rows[20]!, category: 'no_such_category' };
    rows[41] = { ...rows[41]!, detected_at: '2026-02-30' };
    rows[60] = { ...rows[60]!, package_name: '', mini_program_appid: '' };
    rows[77] = { ...rows[77]!, severity: 'urgent', sector: 'nowhere' };
    const lineOf = (i: number) => 2 + i * 2; // every description spans two lines
    const { counts, rejections, job } = await runFile(csvText(rows));
    expect(job.status).toBe('succeeded');
    expect(counts).toMatchObject({ created: { findings: 95, inspections: 95, cases: 95 }, known: 0, rejected: 5 });
    expect(rejections.map((r) => [r.line, r.column])).toEqual([
      [lineOf(3), 'operator_uscc'], [lineOf(20), 'category'], [lineOf(41), 'detected_at'],
      [lineOf(60), 60 % 2 === 0 ? 'mini_program_appid' : 'package_name'], [lineOf(77), 'sector'], [lineOf(77), 'severity'],
    ].sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))));
    expect(rejections[0]!.reason).toMatch(/check digit/);
    expect(rejections[1]!.reason).toBe('Unknown violation category code "no_such_category".');
  });

  it('reports unreadable lines (broken UTF-8, stray quotes, bad JSON) and keeps going', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => importRow(i, { source: 'broken', perInspection: 1 }));
    const text = csvText(rows);
    const lines = text.split('\r\n');
    // lines[0] header; each row spans two physical lines (quoted newline).
    const broken = Buffer.concat([
      Buffer.from(lines.slice(0, 3).join('\r\n') + '\r\n'),
      Buffer.from('test,X-1,2026-01-01,,app,\xff'), Buffer.from([0xff, 0xfe]), Buffer.from(',android\r\n'),
      Buffer.from('a,b"c,d\r\n'),
      Buffer.from(lines.slice(3).join('\r\n')),
    ]);
    const { counts, rejections } = await runFile(broken);
    expect(counts?.created.findings).toBe(4);
    expect(rejections.map((r) => [r.line, r.column])).toEqual([[6, ''], [7, '']]);
    expect(rejections[0]!.reason).toMatch(/UTF-8/);
    expect(rejections[1]!.reason).toMatch(/^Unreadable CSV: Invalid Opening Quote/);
    const nd = await runFile(`${JSON.stringify(importRow(9, { source: 'nd' }))}\n{not json\n[1,2]\n\n${JSON.stringify({ ...importRow(10, { source: 'nd' }), version: { a: 1 } })}\n`, { format: 'ndjson' });
    expect(nd.counts?.created.findings).toBe(1);
    expect(nd.rejections.map((r) => [r.line, r.column])).toEqual([[2, ''], [3, ''], [5, 'version']]);
  });

  it('a line of 50,000 stray quotes is one rejection with a short reason, between rows that import', async () => {
    const head = csvText([]);
    const row = (i: number) => csvText([importRow(i, { source: 'quotes', perInspection: 1 })]).slice(head.length);
    const stray = `quotes,Q-1,2026-01-01,${'{"a":['.repeat(25_000)}\r\n`;
    const { counts, rejections } = await runFile(`${head}${row(0)}${stray}${row(1)}`);
    expect(counts?.created.findings).toBe(2);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]!.column).toBe('');
    expect(rejections[0]!.reason).toMatch(/^Unreadable CSV: Invalid Opening Quote/);
    expect(rejections[0]!.reason.length).toBeLessThan(400);
  });

  it('rejects a line holding NUL bytes on its own, keeping the line in the report, and imports the rest', async () => {
    const rows = Array.from({ length: 2 }, (_, i) => importRow(i, { source: 'nul', perInspection: 1 }));
    const good = csvText(rows);
    const text = `${good}\r\nnul,N-1,2026-01-01,,app,名称\u0000坏,android\r\n{"source":"nul"\u0000}\r\n`;
    const { counts, job, rejections } = await runFile(text);
    expect(job.status).toBe('succeeded');
    expect(counts?.created.findings).toBe(2);
    expect(rejections.length).toBeGreaterThanOrEqual(2);
    const raws = await queryRows<{ raw: string }>(handle.db, sql`SELECT raw FROM import_rejections WHERE job_id = ${job.id}`);
    expect(raws.some((r) => r.raw.includes('名称\uFFFD坏'))).toBe(true);
    // A NUL inside a value the reason quotes (an unknown category) is stored replaced too.
    const nd = await runFile(`${JSON.stringify(importRow(20, { source: 'nul-nd' }))}\n{"source":"x\u0000y"}\n${JSON.stringify({ ...importRow(21, { source: 'nul-nd' }), category: 'bad\u0000cat' })}\n`, { format: 'ndjson' });
    expect(nd.job.status).toBe('succeeded');
    expect(nd.counts?.created.findings).toBe(1);
    expect(nd.rejections.length).toBeGreaterThanOrEqual(1);
  });

  it('fails a CSV whose header lacks a required column, naming it', async () => {
    const { job } = await runFile('source,external_id\nx,y\n');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/detected_at/);
  });

  it('fails a file whose record runs past MAX_RECORD_BYTES (a quote never closed, an NDJSON file without line breaks), naming the line and the limit, with nothing applied', async () => {
    const head = csvText([]);
    const good = csvText([importRow(0, { source: 'long', perInspection: 1 })]).slice(head.length);
    const rest = 'x,y,z,w\r\n'.repeat(Math.ceil((MAX_RECORD_BYTES + 1024 * 1024) / 9));
    const csv = await runFile(`${head}${good}long,L-1,2026-01-01,"never closed\r\n${rest}`);
    expect(csv.job.status).toBe('failed');
    expect(csv.job.error).toMatch(/line 4 runs past 4 MiB/);
    const nd = await runFile(`${JSON.stringify(importRow(1, { source: 'long' }))}\n{"description":"${'y'.repeat(MAX_RECORD_BYTES + 1024 * 1024)}"}`, { format: 'ndjson' });
    expect(nd.job.status).toBe('failed');
    expect(nd.job.error).toMatch(/line 2 runs past 4 MiB/);
    const [n] = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM inspections WHERE source = 'long'`);
    expect(Number(n!.n)).toBe(0);
  });

  it('groups rows sharing an inspection_ref into one inspection and one case', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ ...importRow(i, { source: 'group', perSubject: 6, perInspection: 6 }) }));
    const { counts } = await runFile(csvText(rows));
    expect(counts?.created).toMatchObject({ inspections: 1, findings: 6, cases: 1 });
    const [c] = await queryRows<{ n: string; f: string }>(handle.db, sql`SELECT count(DISTINCT c.id) n, count(f.id) f FROM inspections i
      JOIN cases c ON c.inspection_id = i.id JOIN findings f ON f.inspection_id = i.id WHERE i.source = 'group' AND i.external_ref = 'R-0'`);
    expect([Number(c!.n), Number(c!.f)]).toEqual([1, 6]);
  });

  it('commits nothing when the apply phase fails midway, and a dry run writes no domain rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => importRow(i, { source: 'atomic' }));
    const before = await domainCounts();
    for (const failAt of ['subjects', 'findings', 'cases', 'audit'] as const) {
      const failed = await runFile(csvText(rows), { onStep: (s) => { if (s === failAt) throw new Error(`injected at ${s}`); } });
      expect(failed.job.status).toBe('failed');
      expect(failed.job.error).toBe(`injected at ${failAt}`);
      expect(await domainCounts()).toEqual(before);
    }
    const dry = await runFile(csvText(rows), { dryRun: true });
    expect(dry.job.status).toBe('succeeded');
    expect(dry.counts).toMatchObject({ created: { findings: 30, inspections: 15, cases: 15 }, known: 0 });
    expect(await domainCounts()).toEqual(before);
    const real = await runFile(csvText(rows));
    expect(real.counts).toEqual(dry.counts);
  });

  it('leaves the offender flags and the dashboard rollups exact', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => importRow(i, { source: 'flags', perSubject: 3, perInspection: 1, perOperator: 4 }));
    await runFile(csvText(rows));
    const snapshot = async () => (await handle.db.select().from(offenderFlags).orderBy(offenderFlags.rule, offenderFlags.targetKey))
      .map((f) => ({ rule: f.rule, target: f.targetKey, status: f.status, resolved: f.resolvedAt === null }));
    const after = await snapshot();
    expect(after.length).toBeGreaterThan(0);
    await recomputeOffenderFlags(handle.db);
    expect(await snapshot()).toEqual(after);
    const summary = await getSummary(handle.db, {});
    const truth = await truthSummary(handle.db, {});
    expect({ subjects: summary.subjects, inspections: summary.inspections, findings: summary.findings }).toEqual({
      subjects: truth.subjects, inspections: truth.inspections, findings: truth.findings,
    });
    const bySector = await getBySector(handle.db, {});
    expect(Object.fromEntries(bySector.sectors.map((s) => [s.code, { findings: s.findings, cases: s.cases, overdue: s.overdue, byCategory: s.byCategory }])))
      .toEqual(await truthBySector(handle.db, {}));
  });
});

describe('import engine recurrence', () => {
  it('links a recurrence like the form does: the latest fixed case of the subject sharing a category (one rule, lib/cases/recurrence.ts)', async () => {
    await runFile(csvText([importRow(0, { source: 'recur-a', detectedAt: '2026-02-01T10:00:00+08:00' })]));
    const [first] = await queryRows<{ id: number; subject_id: number }>(handle.db, sql`SELECT c.id, c.subject_id FROM cases c JOIN findings f ON f.inspection_id = c.inspection_id WHERE f.source = 'recur-a'`);
    await setCaseState(first!.id, 'verified', '2026-03-01T09:00:00+08:00');
    // Row 1 is the same subject with another category; row 0 again (another source) shares the category.
    await runFile(csvText([importRow(1, { source: 'recur-b', detectedAt: '2026-08-01T10:00:00+08:00', perInspection: 1 }), importRow(0, { source: 'recur-c', detectedAt: '2026-08-02T10:00:00+08:00', perInspection: 1 })]));
    const later = await queryRows<{ source: string; subject_id: number; previous_case_id: number | null; reason: string }>(handle.db, sql`
      SELECT f.source, c.subject_id, c.previous_case_id, e.reason FROM cases c JOIN findings f ON f.inspection_id = c.inspection_id
      JOIN case_events e ON e.case_id = c.id AND e.to_state = 'open' WHERE f.source IN ('recur-b', 'recur-c') ORDER BY f.source`);
    expect(later.map((r) => [r.source, Number(r.subject_id), r.previous_case_id === null ? null : Number(r.previous_case_id), r.reason])).toEqual([
      ['recur-b', Number(first!.subject_id), null, ''],
      ['recur-c', Number(first!.subject_id), Number(first!.id), `Recurrence of case ${first!.id}`],
    ]);
  });
});

describe('import engine rollups', () => {
  /** Every dashboard rollup table's cells, in one order; cells whose counts all went back to 0 are no figure (a rebuild leaves them out). */
  const ROLLUP_COUNTS: Record<string, string[]> = {
    stats_subjects: ['subjects'], stats_inspections: ['inspections'], stats_findings: ['findings'],
    stats_cases: ['cases', 'ordered', 'notified', 'removed'], stats_case_flow: ['opened', 'closed'],
    stats_operator_cases: ['cases', 'open_cases'], stats_store_cases: ['cases'], stats_verify_days: ['cases'],
  };
  async function rollups() {
    const out: Record<string, unknown[]> = {};
    for (const [t, counts] of Object.entries(ROLLUP_COUNTS)) {
      out[t] = await queryRows(handle.db, sql.raw(`SELECT * FROM ${t} r WHERE ${counts.map((c) => `${c} <> 0`).join(' OR ')} ORDER BY r::text`));
    }
    return out;
  }

  it('leaves every rollup table as a rebuild from the base tables makes it, when known subjects gain a store, known inspections gain findings and new subjects come', async () => {
    const first = Array.from({ length: 24 }, (_, i) => importRow(1000 + i, { source: 'roll-a', perSubject: 4, perInspection: 2 }));
    await runFile(csvText(first));
    const [done] = await queryRows<{ id: number }>(handle.db, sql`SELECT c.id FROM cases c JOIN findings f ON f.inspection_id = c.inspection_id WHERE f.source = 'roll-a' ORDER BY c.id LIMIT 1`);
    await setCaseState(done!.id, 'verified', '2026-03-01T09:00:00+08:00');
    // A new finding on the first inspection of each known subject, every app listed on a second store
    // (all its earlier cases count there from now on, those of the inspections not in the file too),
    // and new subjects beside them.
    const second = [
      ...first.filter((_, i) => i % 4 === 0).map((r, i) => ({ ...r, external_id: `G-${i}`, store: r.store ? 'xiaomi' : '' })),
      ...Array.from({ length: 8 }, (_, i) => importRow(1024 + i, { source: 'roll-a', perSubject: 4, perInspection: 2 })),
    ];
    const applied = await runFile(csvText(second));
    expect(applied.job.status).toBe('succeeded');
    const [listed] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM store_listings WHERE store = 'xiaomi'`);
    expect(listed!.n).toBeGreaterThan(0);
    const incremental = await rollups();
    expect(incremental.stats_store_cases!.length).toBeGreaterThan(0);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT stats_rebuild()`);
    });
    expect(incremental).toEqual(await rollups());
  });
});
