import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { importJobs } from '../../db/schema';
import { STAGING_COLUMNS } from '../../lib/imports/validate';
import { GET as listRoute, POST as postRoute } from '../../app/api/v1/imports/route';
import { GET as getRoute } from '../../app/api/v1/imports/[id]/route';
import { GET as rejectionsRoute } from '../../app/api/v1/imports/[id]/rejections/route';
import { importQueueOf } from '../../lib/imports/queue';
import { INTERRUPTED, recoverInterruptedImports } from '../../lib/imports/recover';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { withTaxonomies } from '../support/fixtures';
import { csvText, importRow, ndjsonText } from '../support/import-file';

let handle: DatabaseHandle;
let token: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  token = await createToken('inspector');
});
afterAll(teardownTestDatabase);

async function pollUntilDone(id: number) {
  for (let i = 0; i < 300; i++) {
    const res = await callRoute(getRoute, { path: `/api/v1/imports/${id}`, token, params: { id: String(id) } });
    expect(res.status).toBe(200);
    if (res.json.job.status === 'succeeded' || res.json.job.status === 'failed') return res.json;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('imports API', () => {
  it('takes a multipart upload: 202, then the job succeeds; rejections come back as CSV', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => importRow(i, { source: 'api' }));
    rows[4] = { ...rows[4]!, severity: '=cmd|calc' };
    const form = new FormData();
    form.set('file', new Blob([csvText(rows)], { type: 'text/csv' }), 'results.csv');
    const res = await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', token, rawBody: form });
    expect(res.status).toBe(202);
    expect(res.json.job).toMatchObject({ status: 'queued', format: 'csv', filename: 'results.csv', dryRun: false, phase: 'queued' });
    const done = await pollUntilDone(res.json.job.id);
    expect(done.job).toMatchObject({ status: 'succeeded', phase: 'done', progress: 1, totalRows: 10, processedRows: 10, error: null });
    expect(done.job.counts).toEqual({ created: { operators: 1, subjects: 5, inspections: 5, findings: 9, cases: 5 }, known: 0, rejected: 1 });
    expect(done.rejections).toEqual([{ line: 10, column: 'severity', reason: 'One of: low, medium, high, critical.' }]);

    const csv = await callRoute(rejectionsRoute, { path: `/api/v1/imports/${done.job.id}/rejections`, token, params: { id: String(done.job.id) } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="import-${done.job.id}-rejections\\.csv"`));
    // (the BOM lib/csv.ts writes is consumed by Response.text())
    expect(csv.text.startsWith('line,column,reason,raw\r\n10,severity,"One of: low, medium, high, critical.",')).toBe(true);
    expect(csv.text).toContain(`'=cmd|calc`); // formula-safe

    const list = await callRoute(listRoute, { path: '/api/v1/imports?limit=1', token });
    expect(list.json.items[0].id).toBe(done.job.id);
  });

  it('takes a raw NDJSON body with ?dryRun=1 and writes no domain rows', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => importRow(i, { source: 'api-dry' }));
    const before = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM findings`);
    const res = await callRoute(postRoute, {
      method: 'POST', path: '/api/v1/imports?dryRun=1&filename=results.jsonl', token, rawBody: ndjsonText(rows), headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(202);
    const done = await pollUntilDone(res.json.job.id);
    expect(done.job).toMatchObject({ status: 'succeeded', dryRun: true, format: 'ndjson', filename: 'results.jsonl' });
    expect(done.job.counts.created.findings).toBe(4);
    expect(await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM findings`)).toEqual(before);
  });

  it('refuses a missing or empty file (400), an unknown format (415) and a file too large (413)', async () => {
    const empty = new FormData();
    empty.set('dryRun', 'true');
    const noFile = await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', token, rawBody: empty });
    expect(noFile.status).toBe(400);
    expect(noFile.json.error.fields).toHaveProperty('file');
    const zero = await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', token, rawBody: '', headers: { 'content-type': 'text/csv' } });
    expect(zero.status).toBe(400);
    const form = new FormData();
    form.set('file', new Blob(['x']), 'results.xlsx');
    expect((await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', token, rawBody: form })).status).toBe(415);
    expect((await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', token, body: {} })).status).toBe(415);
    process.env.RECTIFY_IMPORT_MAX_BYTES = '100';
    try {
      const big = await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', token, rawBody: 'x'.repeat(5000), headers: { 'content-type': 'text/csv' } });
      expect(big.status).toBe(413);
    } finally {
      delete process.env.RECTIFY_IMPORT_MAX_BYTES;
    }
    expect((await callRoute(postRoute, { method: 'POST', path: '/api/v1/imports', rawBody: 'x', headers: { 'content-type': 'text/csv' } })).status).toBe(401);
    const admin = await createToken('admin');
    expect((await callRoute(listRoute, { path: '/api/v1/imports', token: admin })).status).toBe(403);
    expect((await callRoute(getRoute, { path: '/api/v1/imports/999999', token, params: { id: '999999' } })).status).toBe(404);
  });

  it('fails a job of a process that is gone, out of attempts, with "nothing was applied", and deletes its staging rows', async () => {
    // The queue this file's uploads started supervises its runners every 5 s with the same rule: on a loaded
    // machine it found the dead job first and the call below found nothing to do. Only the call is under test.
    await (await importQueueOf(handle)).stop();
    const [job] = await handle.db.insert(importJobs)
      .values({ format: 'csv', filename: 'x.csv', status: 'running', phase: 'applying', runner: `${os.hostname()}:999999999/dead`, heartbeatAt: new Date(), attempts: 2 })
      .returning();
    await handle.db.execute(sql`INSERT INTO import_staging (${sql.raw(STAGING_COLUMNS.join(', '))})
      VALUES (${job!.id}, 2, 's', 'e', now(), '2026-01-01', 'k', 'app', 'n', 'android', 'package_name', 'p', '', '1', 'p', '', '', '', '', '', 'o', 'u', 'r', 'parking', 'autostart', 'low', 'd', '', '', '')`);
    const recovered = await recoverInterruptedImports(handle, { maxAttempts: 2 });
    expect(recovered).toContainEqual({ id: job!.id, outcome: 'failed' });
    const res = await callRoute(getRoute, { path: `/api/v1/imports/${job!.id}`, token, params: { id: String(job!.id) } });
    expect(res.json.job).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect(await queryRows(handle.db, sql`SELECT 1 FROM import_staging WHERE job_id = ${job!.id}`)).toEqual([]);
  });
});
