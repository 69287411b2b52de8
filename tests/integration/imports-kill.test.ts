import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { INTERRUPTED } from '../../lib/imports/recover';
import { setupTestDatabase, teardownTestDatabase, testDatabaseKind } from '../support/db';
import { withTaxonomies } from '../support/fixtures';
import { writeCsvFile } from '../support/import-file';
import { completeRun, domainRows, killRound } from '../support/kill-check';

// A killed process is a Postgres story (the embedded database belongs to one process): this file
// runs with TEST_DATABASE_URL. The 1M-row version is scripts/import-kill-check.ts.
const ROWS = 12_000;

describe.skipIf(testDatabaseKind() !== 'postgres')('an import killed with SIGKILL', () => {
  let handle: DatabaseHandle;
  let url: string;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    handle = await setupTestDatabase();
    await withTaxonomies();
    url = (handle.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-kill-'));
    file = path.join(dir, 'big.csv');
    await writeCsvFile(file, ROWS);
  }, 60_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await teardownTestDatabase();
  });

  it('leaves no domain rows when killed while validating or applying, and the next run completes', async () => {
    for (const phase of ['validating', 'applying'] as const) {
      const round = await killRound(handle, url, file, phase);
      expect(round, phase).toMatchObject({ domainRowsAfterKill: 0, stagingRowsAfterRecovery: 0, jobError: INTERRUPTED });
    }
    const { counts } = await completeRun(url, file);
    expect(counts).toMatchObject({ created: { findings: ROWS, cases: ROWS / 2 }, known: 0, rejected: 0 });
    expect(await domainRows(handle)).toBeGreaterThan(ROWS);
  }, 120_000);
});
