/**
 * setupFiles of the `integration` project (runs in every test file before it).
 * Guards: app code that reaches getDatabase() before setupTestDatabase() ran must never open the
 * developer's .data/pglite folder or a DATABASE_URL from the shell; it gets a throw-away folder instead.
 * Safety net: databases a file forgot to tear down are closed (and dropped) after it.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll } from 'vitest';
import { teardownTestDatabase } from './db';

delete process.env.DATABASE_URL;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-test-'));
process.env.RECTIFY_DATA_DIR = path.join(scratch, 'pglite');

afterAll(async () => {
  await teardownTestDatabase();
  fs.rmSync(scratch, { recursive: true, force: true });
});

if (process.env.RECTIFY_TEST_VERBOSE) {
  const c = process.cpuUsage();
  console.log(`[tests] setup file at ${Date.now()} process cpu ${Math.round((c.user + c.system) / 1000)}`);
}
