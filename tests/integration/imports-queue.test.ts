/**
 * The import job queue (lib/imports/queue, docs/decisions/0008) through its one interface, on PGlite
 * (the in-process runner) and on Postgres (pg-boss): a queued job runs however long it waited; a job
 * left running by a runner that is gone runs again from its first line, or fails with nothing applied
 * once out of attempts; at most N run at once (on Postgres across two queue instances, as two copies);
 * cancel; and on Postgres a real `npm run worker` process killed with SIGKILL mid-job.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { importJobs } from '../../db/schema';
import { POST as cancelRoute } from '../../app/api/v1/imports/[id]/cancel/route';
import { createImportJob } from '../../lib/imports/jobs';
import { createImportQueue, queueSettings, type ImportQueue, type QueueSettings } from '../../lib/imports/queue';
import { CANCELLED, claimImportJob, INTERRUPTED } from '../../lib/imports/queue/claims';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase, testDatabaseKind } from '../support/db';
import { withTaxonomies } from '../support/fixtures';
import { csvText, importRow, writeCsvFile } from '../support/import-file';

let handle: DatabaseHandle;
let dir: string;
let token: string;
const queues: ImportQueue[] = [];
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  token = await createToken('inspector');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-queue-'));
});
afterAll(async () => {
  for (const q of queues.splice(0)) await q.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  await teardownTestDatabase();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function queue(over: Partial<QueueSettings> = {}): Promise<ImportQueue> {
  const q = await createImportQueue(handle, { ...queueSettings(handle.kind), pollMs: 50, superviseMs: 200, ...over });
  queues.push(q);
  return q;
}

async function stopAll() {
  for (const q of queues.splice(0)) await q.stop();
}

let fileNo = 0;
/** A job of `n` rows (source `tag`) queued through `q`, as POST /api/v1/imports does. */
async function enqueue(q: ImportQueue, n: number, tag: string): Promise<number> {
  const file = path.join(dir, `f${++fileNo}.csv`);
  fs.writeFileSync(file, csvText(Array.from({ length: n }, (_, i) => importRow(i, { source: tag }))));
  const job = await createImportJob(handle.db, null, { format: 'csv', filename: path.basename(file), dryRun: false, fileBytes: fs.statSync(file).size }, fs.createReadStream(file), (tx, id) => q.enqueue(tx, id));
  q.notify();
  return job.id;
}

async function jobRow(id: number) {
  const [row] = await handle.db.select().from(importJobs).where(eq(importJobs.id, id));
  return row!;
}

async function settled(id: number, timeoutMs = 60_000) {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(50)) {
    const row = await jobRow(id);
    if (!['queued', 'running'].includes(row.status)) return row;
  }
  throw new Error(`job ${id} did not end in ${timeoutMs} ms: ${JSON.stringify(await jobRow(id))}`);
}

async function findings(tag: string): Promise<number> {
  const [r] = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.source = ${tag}`);
  return Number(r!.n);
}

describe(`the import queue (${testDatabaseKind()})`, () => {
  it('runs a job that waited an hour in the queue: a starting runner never fails a job for waiting', async () => {
    const id = await enqueue(await queue({ runJobs: false }), 6, 'q-waited');
    await handle.db.execute(sql`UPDATE import_jobs SET created_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour' WHERE id = ${id}`);
    await (await queue()).start();
    const row = await settled(id);
    expect({ status: row.status, attempts: row.attempts, error: row.error }).toEqual({ status: 'succeeded', attempts: 1, error: null });
    expect(await findings('q-waited')).toBe(6);
    await stopAll();
  });

  it('runs a job left running by a runner that is gone again from its first line; out of attempts it fails with nothing applied', async () => {
    // What a killed runner leaves: the job claimed (attempt 1), rows staged, rejections written.
    const leftBehind = async (tag: string) => {
      const id = await enqueue(await queue({ runJobs: false }), 8, tag);
      expect(await claimImportJob(handle.db, id, 'elsewhere:4242/dead')).not.toBeNull();
      await handle.db.execute(sql`INSERT INTO import_rejections (job_id, line, "column", reason) VALUES (${id}, 99, 'x', 'left by the dead runner')`);
      return id;
    };
    const again = await leftBehind('q-again');
    const lastTry = await leftBehind('q-last');
    await handle.db.execute(sql`UPDATE import_jobs SET attempts = 2 WHERE id = ${lastTry}`);
    await (await queue({ maxAttempts: 2 })).start();
    const ran = await settled(again);
    expect({ status: ran.status, attempts: ran.attempts, findings: (ran.counts as { created: { findings: number } }).created.findings }).toEqual({ status: 'succeeded', attempts: 2, findings: 8 });
    expect(await queryRows(handle.db, sql`SELECT 1 FROM import_rejections WHERE job_id = ${again}`)).toEqual([]);
    const failed = await jobRow(lastTry);
    expect({ status: failed.status, error: failed.error }).toEqual({ status: 'failed', error: INTERRUPTED });
    expect(await findings('q-last')).toBe(0);
    expect(await queryRows(handle.db, sql`SELECT 1 FROM import_staging WHERE job_id IN (${again}, ${lastTry})`)).toEqual([]);
    await stopAll();
  });

  it(`runs at most RECTIFY_IMPORT_CONCURRENCY jobs at once${testDatabaseKind() === 'postgres' ? ' across two copies' : ''}, and cancels queued and running jobs with nothing applied`, async () => {
    let gate!: () => void;
    const opened = new Promise<void>((r) => (gate = r));
    const claimed: number[] = [];
    const settings = { concurrency: 2, onClaimed: async (id: number) => { claimed.push(id); await opened; } };
    const copies = testDatabaseKind() === 'postgres' ? [await queue(settings), await queue(settings)] : [await queue(settings)];
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueue(copies[i % copies.length]!, 4, `q-cap-${i}`));
    for (const q of copies) await q.start();
    let most = 0;
    for (const until = Date.now() + 3_000; Date.now() < until; await sleep(50)) {
      const [r] = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM import_jobs WHERE status = 'running' AND id = ANY(${`{${ids.join(',')}}`}::int[])`);
      most = Math.max(most, Number(r!.n));
    }
    expect(most).toBe(2);
    expect(claimed).toHaveLength(2);

    // Cancel one running job (it stops at its first chunk) and one still queued (it never runs).
    const running = claimed[0]!;
    const queued = ids.find((id) => !claimed.includes(id))!;
    for (const id of [running, queued]) {
      const res = await callRoute(cancelRoute, { method: 'POST', path: `/api/v1/imports/${id}/cancel`, token, params: { id: String(id) } });
      expect(res.status).toBe(200);
    }
    expect((await jobRow(queued)).status).toBe('cancelled');
    gate();
    const ends = await Promise.all(ids.map((id) => settled(id)));
    expect(ends.map((r) => r.status)).toEqual(ids.map((id) => (id === running || id === queued ? 'cancelled' : 'succeeded')));
    expect((await jobRow(running)).error).toBe(CANCELLED);
    expect(await findings(`q-cap-${ids.indexOf(running)}`)).toBe(0);
    expect(await findings(`q-cap-${ids.indexOf(queued)}`)).toBe(0);
    const again = await callRoute(cancelRoute, { method: 'POST', path: `/api/v1/imports/${running}/cancel`, token, params: { id: String(running) } });
    expect(again.status).toBe(409);
    const [audit] = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM audit_events WHERE action = 'import.cancel'`);
    expect(Number(audit!.n)).toBe(2);
    await stopAll();
  }, 90_000);

  it.skipIf(testDatabaseKind() !== 'postgres')('finishes the job of an `npm run worker` killed with SIGKILL mid-import on another runner: every row once', async () => {
    const rows = 12_000;
    const file = path.join(dir, 'killed.csv');
    await writeCsvFile(file, rows, { source: 'q-killed' });
    const id = (await createImportJob(handle.db, null, { format: 'csv', filename: 'killed.csv', dryRun: false, fileBytes: fs.statSync(file).size }, fs.createReadStream(file), async (tx, jobId) => (await queue({ runJobs: false })).enqueue(tx, jobId))).id;
    const { connectionString } = handle.pool!.options as { connectionString: string };
    const worker = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts', 'worker.ts')], {
      env: { ...process.env, DATABASE_URL: connectionString, RECTIFY_IMPORT_POLL_MS: '50', NODE_OPTIONS: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = new Promise((r) => worker.once('exit', r));
    try {
      for (const until = Date.now() + 60_000; ; await sleep(20)) {
        const row = await jobRow(id);
        if (row.status === 'running' && row.processedRows > 0) break;
        if (row.status !== 'queued' && row.status !== 'running') throw new Error(`the job ended before the kill: use a larger file (${row.status})`);
        if (Date.now() > until) throw new Error('the worker did not start the job');
      }
    } finally {
      worker.kill('SIGKILL');
      await exited;
    }
    expect(await findings('q-killed')).toBe(0);
    const started = Date.now();
    await (await queue()).start();
    const row = await settled(id, 90_000);
    console.log(`[queue test] killed worker's job ${id}: ${row.status} after ${Date.now() - started} ms, attempt ${row.attempts}`);
    expect({ status: row.status, attempts: row.attempts }).toEqual({ status: 'succeeded', attempts: 2 });
    expect(await findings('q-killed')).toBe(rows);
    await stopAll();
  }, 180_000);
});
