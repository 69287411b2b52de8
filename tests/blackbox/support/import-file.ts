/**
 * Import files and jobs for the kill tests (two-copies, embedded-kill): a results CSV of `rows`
 * valid findings of one new subject (a name and mini-program appid of the run's own, so a later
 * search finds exactly what the import wrote), streamed to the server, and the job polled over HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

export const IMPORT_HEADER = [
  'source', 'external_id', 'detected_at', 'inspection_ref', 'subject_kind', 'subject_name', 'platform', 'store', 'version', 'package_name',
  'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256', 'operator_name', 'operator_uscc', 'region', 'sector', 'category',
  'severity', 'description', 'evidence_sha256', 'evidence_url', 'campaign',
];

export interface KillImportFile {
  file: string;
  rows: number;
  bytes: number;
  /** The subject every row is a finding of (search for it by this name). */
  subjectName: string;
}

/** Writes `rows` findings of one new subject, named after `tag`, to `dir/<tag>.csv`. */
export async function writeKillImport(dir: string, tag: string, rows: number): Promise<KillImportFile> {
  const file = path.join(dir, `${tag}.csv`);
  const subjectName = `Kill test ${tag}`;
  const appid = `wx${Buffer.from(tag).toString('hex').padStart(16, '0').slice(-16)}`;
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${IMPORT_HEADER.join(',')}\n`);
  for (let i = 0; i < rows; i++) {
    await write(
      `kill-${tag},F-${i},2026-03-01T10:00:00+08:00,R-1,mini_program,${subjectName},wechat,,1.0.0,,,${appid},,,Kill Test Tech Co,91110000MA0000013U,110000,parking,collect_excessive,low,finding ${i} of a file imported while its server is killed,,,\n`,
    );
  }
  out.end();
  await new Promise<void>((r) => out.once('close', () => r()));
  return { file, rows, bytes: fs.statSync(file).size, subjectName };
}

/** The file as a streamed request body (`duplex: 'half'`), never held whole. */
export const fileBody = (file: string) => ({ body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream, duplex: 'half' }) as RequestInit;

export interface ImportJobView {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  phase: string;
  totalRows: number;
  processedRows: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  counts: { created: { findings: number; subjects: number }; known: number; rejected: number };
}

/** GET /api/v1/imports/{id} through `get`; null while the server does not answer (killed, starting). */
export async function readJob(get: (path: string) => Promise<Response>, id: number): Promise<ImportJobView | null> {
  try {
    const res = await get(`/api/v1/imports/${id}`);
    if (res.status !== 200) return null;
    return ((await res.json()) as { job: ImportJobView }).job;
  } catch {
    return null;
  }
}

/** Polls the job until `done(job)` or the time is up (then the last job seen, or null). */
export async function waitForJob(get: (path: string) => Promise<Response>, id: number, done: (job: ImportJobView) => boolean, timeoutMs: number, everyMs = 100): Promise<ImportJobView | null> {
  let last: ImportJobView | null = null;
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    last = (await readJob(get, id)) ?? last;
    if (last && done(last)) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return last;
}

export const settled = (job: ImportJobView) => job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';

/** Subjects the server knows by `name` (the list's search), to count what an import wrote. */
export async function subjectsNamed(get: (path: string) => Promise<Response>, name: string): Promise<number> {
  const res = await get(`/api/v1/subjects?q=${encodeURIComponent(name)}&limit=10`);
  if (res.status !== 200) throw new Error(`GET /api/v1/subjects: HTTP ${res.status} ${await res.text()}`);
  const { items } = (await res.json()) as { items: { name: string }[] };
  return items.filter((s) => s.name === name).length;
}
