/**
 * Issue #13, finding 1: request bodies reach the upload handlers whole. Next's proxy held bodies in
 * memory and cut them at 10 MB without a word (a 32 MB import "succeeded" with a third of its rows).
 * Imports (raw and multipart) of 0 B, 9.9 MB and 10.1 MB, and a multipart one of 100 MB, arrive whole: the job counts every
 * row of the file. Beyond a limit (set low on a server of its own) the answer is a 413 naming the
 * limit; evidence of 24.9 MB is stored, 25.1 MB is a 413; a body cut off or shorter than its
 * Content-Length is refused and nothing is applied.
 * A JSON body over 1 MB is a 413 naming the limit, declared or chunked (read only up to it, lib/http/route.ts).
 *
 * Files are written once to a temporary folder and streamed (node:http, with their Content-Length).
 * The 100 MB import runs on PGlite only unless BLACKBOX_BIG_UPLOADS=1 (it takes most of this
 * file's time; the 10 MB boundary is what the proxy cut, and it is tested on both databases).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, server, type Session } from './support/client';
import { portOf, rawRequest } from './support/raw';
import { startServer, type RunningServer } from './support/server';

const MiB = 1024 * 1024;
const BIG = server().database === 'pglite' || process.env.BLACKBOX_BIG_UPLOADS === '1';
const RUN = Date.now().toString(36);
let dir: string;

const HEADER = [
  'source', 'external_id', 'detected_at', 'inspection_ref', 'subject_kind', 'subject_name', 'platform', 'store', 'version', 'package_name',
  'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256', 'operator_name', 'operator_uscc', 'region', 'sector', 'category',
  'severity', 'description', 'evidence_sha256', 'evidence_url', 'campaign',
];

interface ImportFile {
  file: string;
  bytes: number;
  rows: number;
}

/**
 * A CSV of valid rows, about `bytes` long: one subject, one inspection (so the apply stays cheap),
 * each row a finding with a long description. Written in chunks, never held whole.
 */
async function writeCsv(name: string, bytes: number): Promise<ImportFile> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  let written = 0;
  let rows = 0;
  const write = (s: string) => {
    written += Buffer.byteLength(s);
    return out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  };
  if (bytes > 0) {
    await write(`${HEADER.join(',')}\n`);
    const source = `bb-${RUN}-${name}`;
    const prefix = (i: number) =>
      `${source},F-${i},2026-03-01T10:00:00+08:00,R-1,mini_program,Black-box upload ${name},wechat,,1.0.0,,,wx00bb${RUN.padStart(10, '0').slice(-10)},,,Blackbox Tech Co,91110000MA0000013U,110000,parking,collect_excessive,low,`;
    const tail = ',,,\n';
    while (written < bytes) {
      const fixed = Buffer.byteLength(prefix(rows) + tail);
      const room = bytes - written - fixed;
      // a long description (at most 4,000 characters); the last row takes what is left
      const length = Math.max(1, Math.min(3800, room));
      await write(`${prefix(rows)}${'d'.repeat(length)}${tail}`);
      rows++;
    }
  }
  out.end();
  await new Promise<void>((r) => out.once('close', () => r()));
  return { file, bytes: fs.statSync(file).size, rows };
}

/** A 1×1 PNG (the server recognises evidence by its bytes); anything after its end keeps it a PNG. */
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A file of `bytes` that the server recognises as a PNG screenshot (a real one, then filler). */
async function writePng(name: string, bytes: number): Promise<string> {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, Buffer.concat([Buffer.from(PNG_1x1, 'base64'), Buffer.from(`${name} ${RUN} `)]));
  const block = Buffer.alloc(MiB, 0x61);
  let at = fs.fstatSync(fd).size;
  while (at < bytes) at += fs.writeSync(fd, block, 0, Math.min(block.length, bytes - at));
  fs.closeSync(fd);
  return file;
}

interface Answer {
  status: number;
  json: { error?: { code: string; message: string }; job?: Job; sha256?: string };
}

/** Streams a file to the server with node:http: raw, or as the `file` part of a multipart body; Content-Length set. */
function upload(session: Session, urlPath: string, file: string, options: { multipart?: boolean; filename?: string; type?: string } = {}): Promise<Answer> {
  const boundary = `----blackbox${RUN}`;
  const filename = options.filename ?? path.basename(file);
  const head = options.multipart
    ? Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${options.type ?? 'text/csv'}\r\n\r\n`)
    : Buffer.alloc(0);
  const foot = options.multipart ? Buffer.from(`\r\n--${boundary}--\r\n`) : Buffer.alloc(0);
  const size = fs.statSync(file).size;
  const url = new URL(urlPath, session.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        cookie: session.cookie(),
        origin: session.baseUrl,
        'content-type': options.multipart ? `multipart/form-data; boundary=${boundary}` : (options.type ?? 'text/csv'),
        'content-length': String(head.length + size + foot.length),
      },
    });
    let early: Answer | null = null;
    // A 413 may come while the body is still going up; the server then closes, and writing fails.
    req.on('error', (err) => (early ? resolve(early) : reject(err)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      early = { status: res.statusCode!, json: {} };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => resolve(early!));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode!, json: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode!, json: { error: { code: 'not_json', message: text.slice(0, 300) } } });
        }
      });
    });
    req.write(head);
    const stream = fs.createReadStream(file, { highWaterMark: MiB });
    stream.on('error', reject);
    req.on('close', () => stream.destroy());
    stream.on('end', () => req.end(foot));
    stream.pipe(req, { end: false });
  });
}

interface Job {
  id: number;
  status: string;
  filename: string;
  totalRows: number;
  processedRows: number;
  error: string | null;
  counts?: { created: { findings: number }; known: number; rejected: number };
}

async function finished(session: Session, id: number, timeoutMs = 240_000): Promise<Job> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const res = await session.fetch(`/api/v1/imports/${id}`).catch(() => null); // a reused keep-alive socket may be reset under load: ask again
    if (!res) continue;
    const { job } = (await res.json()) as { job: Job };
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`import job ${id} did not finish`);
}

/** The import jobs whose file name is `filename` (none, when nothing was accepted). */
async function jobsNamed(session: Session, filename: string): Promise<Job[]> {
  const res = await session.fetch('/api/v1/imports?limit=200');
  const { items } = (await res.json()) as { items: Job[] };
  return items.filter((j) => j.filename === filename);
}

let inspector: Session;
const files: Record<string, ImportFile> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-blackbox-uploads-'));
  inspector = await loginAs('inspector');
  const started = Date.now();
  files.empty = await writeCsv('empty.csv', 0);
  files.under = await writeCsv('under-10mb.csv', Math.round(9.9 * MiB));
  files.over = await writeCsv('over-10mb.csv', Math.round(10.1 * MiB));
  if (BIG) files.big = await writeCsv('big-100mb.csv', 100 * MiB);
  console.log(`[uploads] files written in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.values(files).map((f) => `${path.basename(f.file)} ${f.bytes} B ${f.rows} rows`).join('; ')}`);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('imports arrive whole', () => {
  it.each([
    ['raw', false],
    ['multipart', true],
  ])('0 B (%s): a 400 naming the file, no job', async (_, multipart) => {
    const res = await upload(inspector, `/api/v1/imports?filename=empty-${RUN}-${multipart}.csv`, files.empty!.file, { multipart, filename: `empty-${RUN}-${multipart}.csv` });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/empty|Attach/i);
    expect(await jobsNamed(inspector, `empty-${RUN}-${multipart}.csv`)).toEqual([]);
  });

  // 100 MB once, multipart (the form a browser sends, parsed as it streams): the raw path's body is the
  // same stream, and its 10.1 MB case already proves nothing cuts it at the proxy's old 10 MB.
  const sizes: [label: string, key: 'under' | 'over' | 'big', multipart: boolean[]][] = [['9.9 MB', 'under', [false, true]], ['10.1 MB', 'over', [false, true]], ];
  if (BIG) sizes.push(['100 MB', 'big', [true]]);
  for (const [label, key, kinds] of sizes) {
    for (const multipart of kinds) {
      it(`${label} ${multipart ? 'multipart' : 'raw'}: the job counts every row of the file`, async () => {
        const f = files[key]!;
        const name = `${key}-${multipart ? 'multipart' : 'raw'}-${RUN}.csv`;
        const started = Date.now();
        // the same rows twice (raw, then multipart): the second import finds them known, still every row counted
        const res = await upload(inspector, multipart ? '/api/v1/imports' : `/api/v1/imports?filename=${name}`, f.file, { multipart, filename: name });
        expect(res.status, JSON.stringify(res.json)).toBe(202);
        const job = await finished(inspector, res.json.job!.id);
        console.log(`[uploads] ${label} ${multipart ? 'multipart' : 'raw'}: ${f.bytes} B, ${f.rows} rows → job ${job.status} with ${job.totalRows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        expect(job).toMatchObject({ status: 'succeeded', totalRows: f.rows, processedRows: f.rows, error: null });
        expect(job.counts!.rejected).toBe(0);
        expect(job.counts!.created.findings + job.counts!.known).toBe(f.rows);
      }, 300_000);
    }
  }
});

describe('bodies cut off or lying about their length apply nothing', () => {
  it('an import cut off half-way (the connection reset) leaves no job', async () => {
    const name = `cut-${RUN}.csv`;
    const f = files.over!;
    const half = Buffer.alloc(5 * MiB);
    const fd = fs.openSync(f.file, 'r');
    fs.readSync(fd, half, 0, half.length, 0);
    fs.closeSync(fd);
    await rawRequest(portOf(server().baseUrl), {
      head: [`POST /api/v1/imports?filename=${name} HTTP/1.1`, `Host: 127.0.0.1`, `Cookie: ${inspector.cookie()}`, `Origin: ${server().baseUrl}`, 'Content-Type: text/csv', `Content-Length: ${f.bytes}`],
      body: half,
      then: 'destroy',
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await jobsNamed(inspector, name)).toEqual([]);
  });

  it.each([
    ['raw', false],
    ['multipart', true],
  ])('an import (%s) declaring more bytes than it sends: a 400 or no answer, no job', async (_, multipart) => {
    const name = `short-${RUN}-${multipart}.csv`;
    const csv = fs.readFileSync(files.under!.file).subarray(0, 200_000);
    const lastNewline = csv.lastIndexOf(0x0a);
    const rows = csv.subarray(0, lastNewline + 1);
    const boundary = 'short-boundary';
    const body = multipart
      ? Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`), rows, Buffer.from(`\r\n--${boundary}--\r\n`)])
      : rows;
    const res = await rawRequest(portOf(server().baseUrl), {
      head: [
        `POST /api/v1/imports?filename=${name} HTTP/1.1`, 'Host: 127.0.0.1', `Cookie: ${inspector.cookie()}`, `Origin: ${server().baseUrl}`,
        `Content-Type: ${multipart ? `multipart/form-data; boundary=${boundary}` : 'text/csv'}`, `Content-Length: ${body.length + 1000}`,
      ],
      body,
      then: 'end',
      timeoutMs: 20_000,
    });
    // Node's HTTP parser itself refuses a body that ends short of its Content-Length (a bare 400, or
    // no answer); lib/http/body.ts answers 400 incomplete_body to any short body that reaches it.
    if (res.status !== null) {
      expect(res.status).toBe(400);
      if (res.body.trim().startsWith('{')) expect(JSON.parse(res.body).error.code).toBe('incomplete_body');
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(await jobsNamed(inspector, name)).toEqual([]);
  });

  it('evidence declaring more bytes than it sends is not stored', async () => {
    const png = Buffer.concat([Buffer.from(PNG_1x1, 'base64'), Buffer.from(`short evidence ${RUN}`)]);
    const boundary = 'ev-boundary';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await rawRequest(portOf(server().baseUrl), {
      head: ['POST /api/v1/evidence HTTP/1.1', 'Host: 127.0.0.1', `Cookie: ${inspector.cookie()}`, `Origin: ${server().baseUrl}`, `Content-Type: multipart/form-data; boundary=${boundary}`, `Content-Length: ${body.length + 500}`],
      body,
      then: 'end',
      timeoutMs: 20_000,
    });
    if (res.status !== null) expect(res.status).toBe(400);
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(png).digest('hex');
    expect((await inspector.fetch(`/api/v1/evidence/${sha}`)).status).toBe(404);
  });
});

describe('evidence up to 25 MB', () => {
  it('24.9 MB is stored whole; 25.1 MB is a 413 naming the limit', async () => {
    const under = await writePng('under.png', Math.round(24.9 * MiB));
    const ok = await upload(inspector, '/api/v1/evidence', under, { multipart: true, type: 'image/png' });
    expect(ok.status, JSON.stringify(ok.json)).toBeLessThan(300);
    const stored = await inspector.fetch(`/api/v1/evidence/${ok.json.sha256}`);
    expect(stored.status).toBe(200);
    expect((await stored.arrayBuffer()).byteLength).toBe(fs.statSync(under).size);

    // 25.1 MB declared: the 413 comes before the body is read (a streamed one may see its socket reset first)
    const refused = await rawRequest(portOf(server().baseUrl), {
      head: ['POST /api/v1/evidence HTTP/1.1', 'Host: 127.0.0.1', `Cookie: ${inspector.cookie()}`, `Origin: ${server().baseUrl}`, 'Content-Type: multipart/form-data; boundary=x', `Content-Length: ${Math.round(25.1 * MiB)}`],
      then: 'wait',
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.message).toMatch(/25 MB/);
  });
});

describe('over a limit set low (RECTIFY_IMPORT_MAX_BYTES=1000000, a server of its own)', () => {
  let low: RunningServer;
  beforeAll(async () => {
    low = await startServer({ label: 'low-limit', env: { RECTIFY_IMPORT_MAX_BYTES: '1000000' } });
  });
  afterAll(async () => {
    await low?.stop();
  });

  it.each([
    ['raw', false],
    ['multipart', true],
  ])('a 9.9 MB import (%s) is a 413 naming the limit and its setting; no job', async (_, multipart) => {
    const session = await loginAs('inspector', { baseUrl: low.baseUrl });
    const name = `low-${multipart}.csv`;
    const res = await upload(session, `/api/v1/imports?filename=${name}`, files.under!.file, { multipart, filename: name });
    expect(res.status).toBe(413);
    expect(res.json.error?.message).toMatch(/1000000 bytes/);
    expect(res.json.error?.message).toMatch(/RECTIFY_IMPORT_MAX_BYTES/);
    expect(await jobsNamed(session, name)).toEqual([]);
  });
});

describe('JSON bodies up to 1 MB (MAX_JSON_BYTES)', () => {
  /** A body sent in pieces with no Content-Length (Transfer-Encoding: chunked), as a streaming client sends it. */
  const chunked = (text: string, piece = 64 * 1024) => {
    const bytes = Buffer.from(text);
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(at, (at += piece)));
      },
    });
  };
  const tooBig = JSON.stringify({ name: 'x'.repeat(MiB + 100 * 1024) });

  it.each([
    ['declared (Content-Length)', () => tooBig],
    ['chunked (no Content-Length)', () => chunked(tooBig)],
  ])('1.1 MB %s is a 413 naming the limit', async (_, body) => {
    const res = await inspector.fetch('/api/v1/subjects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(`${MiB} bytes`);
  });

  it('a small chunked body is read whole and validated: a 400 naming the fields, not a 413', async () => {
    const res = await inspector.fetch('/api/v1/subjects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked('{"kind":"app"}', 4), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { fields?: Record<string, string> } };
    expect(Object.keys(error.fields ?? {})).toContain('name');
  });
});
