/**
 * A job whose reading starts late must still read the whole file and end. The NDJSON parser used to
 * start a readline interface the moment the job opened the file; when the staging writer's
 * connection took a moment (a busy pool), a small file was read, its lines and its `close` were
 * emitted to nobody, and the job's `for await` waited forever holding its pooled client. And the
 * staging writer held its connection for the whole validating phase while the job queued for
 * another (rejections, progress): on a one-connection pool the job waited on itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openPostgres, type DatabaseHandle } from '../../db/client';
import { importJobs } from '../../db/schema';
import { createImportJob } from '../../lib/imports/jobs';
import { parseImportFile, type ParsedItem } from '../../lib/imports/parse';
import { runImportJob } from '../../lib/imports/run';
import { setupTestDatabase, teardownTestDatabase, testDatabaseKind } from '../support/db';
import { withTaxonomies } from '../support/fixtures';
import { csvText, importRow, ndjsonText } from '../support/import-file';

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-late-reader-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await teardownTestDatabase();
});

const rows = Array.from({ length: 3 }, (_, i) => importRow(i, { source: 'late' }));
const texts = { csv: csvText(rows), ndjson: ndjsonText(rows) };

function writeFile(format: 'csv' | 'ndjson', name: string): string {
  const file = path.join(dir, `${name}.${format}`);
  fs.writeFileSync(file, texts[format]);
  return file;
}

/** Settles within `ms` or fails naming what hung (instead of the test timing out silently). */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not settle in ${ms} ms`)), ms)));
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

describe('an import whose reader starts late', () => {
  for (const format of ['csv', 'ndjson'] as const) {
    it(`${format}: yields every line and ends though the file was opened well before the first read`, async () => {
      const parsed = parseImportFile(writeFile(format, `parse-${format}`), format);
      await sleep(200); // the staging writer waiting for a connection
      const items: ParsedItem[] = [];
      await within(5_000, `reading the ${format} file`, (async () => {
        for await (const item of parsed.items) items.push(item);
      })());
      expect(items.map((i) => ('record' in i ? i.record.external_id : i.error))).toEqual(['F-0', 'F-1', 'F-2']);
    });
  }

  it.skipIf(testDatabaseKind() !== 'postgres')('finishes on a busy one-connection pool and releases its client', async () => {
    const { connectionString } = handle.pool!.options as { connectionString: string };
    const busy = await openPostgres(connectionString, { max: 1 });
    let done = false;
    // Another request holding the only connection 100 ms at a time: every query of the job waits for it.
    const neighbour = (async () => {
      while (!done) {
        const client = await busy.pool!.connect();
        await sleep(100);
        client.release();
      }
    })();
    try {
      for (const format of ['csv', 'ndjson'] as const) {
        const file = writeFile(format, `busy-${format}`);
        const job = await createImportJob(handle.db, null, { format, filename: path.basename(file), dryRun: true, fileBytes: fs.statSync(file).size }, fs.createReadStream(file));
        const counts = await within(20_000, `the ${format} job`, runImportJob(busy, { jobId: job.id, format, filename: path.basename(file), dryRun: true, actor: null }));
        expect(counts.rejected).toBe(0);
        const [row] = await handle.db.select().from(importJobs).where(eq(importJobs.id, job.id));
        expect({ status: row!.status, totalRows: row!.totalRows }).toEqual({ status: 'succeeded', totalRows: 3 });
      }
    } finally {
      done = true;
      await Promise.race([neighbour, sleep(1_000)]); // a hung job keeps the connection: fail, do not hang
    }
    expect(busy.pool!.totalCount - busy.pool!.idleCount).toBe(0);
    await busy.close();
  }, 60_000);
});
